import { z } from "zod";

/** The domains Archie knows well; each has its own defaults, components and bottlenecks. */
export const ARCHETYPES = [
  "ecommerce",
  "marketplace",
  "chat",
  "social",
  "video",
  "analytics",
  "iot",
  "saas",
  "fintech",
  "gaming",
  "content",
  "ml-inference",
  "logistics",
  "booking",
  "generic",
  "internal",
] as const;
export const archetypeSchema = z.enum(ARCHETYPES);
export type Archetype = z.infer<typeof archetypeSchema>;

export const CURRENCIES = ["USD", "EUR", "GBP"] as const;
export const currencySchema = z.enum(CURRENCIES);
export type Currency = z.infer<typeof currencySchema>;

export const COMPLIANCE_REGIMES = ["GDPR", "HIPAA", "PCI-DSS", "SOC 2"] as const;
export const complianceSchema = z.enum(COMPLIANCE_REGIMES);
export type Compliance = z.infer<typeof complianceSchema>;

export const CLOUDS = ["aws", "gcp", "azure"] as const;
export const cloudSchema = z.enum(CLOUDS);
export type Cloud = z.infer<typeof cloudSchema>;

export const DATABASES = ["postgresql", "mysql"] as const;
export const databaseSchema = z.enum(DATABASES);
export type DatabaseEngine = z.infer<typeof databaseSchema>;

export const ORCHESTRATIONS = ["kubernetes", "vms", "ecs"] as const;
export const orchestrationSchema = z.enum(ORCHESTRATIONS);
export type Orchestration = z.infer<typeof orchestrationSchema>;

/** How the application is split: one deployable first, or a service per domain when asked. */
export const SERVICE_SPLITS = ["monolith", "microservices"] as const;
export const serviceSplitSchema = z.enum(SERVICE_SPLITS);
export type ServiceSplit = z.infer<typeof serviceSplitSchema>;

/** Asynchronous messaging: a managed queue, or an event stream (Kafka) the team already runs. */
export const BROKERS = ["queue", "kafka"] as const;
export const brokerSchema = z.enum(BROKERS);
export type Broker = z.infer<typeof brokerSchema>;

/** Upper bounds that reject absurd input with a clear message instead of computing nonsense. */
export const LIMITS = {
  users: 20_000_000_000,
  rps: 100_000_000,
  peakFactor: 50,
  readWriteRatio: 10_000,
  growthPercentPerMonth: 1_000,
  budget: 1_000_000_000,
  latencyP95Ms: 600_000,
  ordersPerDay: 10_000_000_000,
  videoHoursPerDay: 1_000_000_000,
  perUserPerDay: 10_000_000,
  kbPerItem: 100_000_000,
  retentionDays: 36_500,
} as const;

const positive = (max: number) => z.number().finite().positive().max(max);

export const budgetSchema = z.object({
  amount: positive(LIMITS.budget),
  currency: currencySchema,
  period: z.literal("month"),
});
export type Budget = z.infer<typeof budgetSchema>;

/**
 * What the user stated. Every field is optional: the planner fills what is missing with
 * assumptions it lists, so anything present here is used exactly as given.
 */
export const requirementsSchema = z
  .object({
    /** What is being built, in the user's words (e.g. "food-delivery app"). */
    domain: z.string().min(1).max(200).optional(),
    archetype: archetypeSchema.optional(),
    dau: positive(LIMITS.users).optional(),
    mau: positive(LIMITS.users).optional(),
    concurrentUsers: positive(LIMITS.users).optional(),
    avgRps: positive(LIMITS.rps).optional(),
    peakRps: positive(LIMITS.rps).optional(),
    /** Reads per write, e.g. 100 for 100:1. */
    readWriteRatio: positive(LIMITS.readWriteRatio).optional(),
    /** Peak over average traffic, e.g. 6 for "flash sales spike to 6x". */
    peakFactor: z.number().finite().min(1).max(LIMITS.peakFactor).optional(),
    growthPercentPerMonth: z.number().finite().min(0).max(LIMITS.growthPercentPerMonth).optional(),
    budget: budgetSchema.optional(),
    latencyP95Ms: positive(LIMITS.latencyP95Ms).optional(),
    /** Availability target as a percentage, e.g. 99.9. */
    availability: z.number().finite().min(90).max(99.9999).optional(),
    /** Region names or areas ("eu", "us", "eu-west-1"); more than one means multi-region. */
    regions: z.array(z.string().min(1).max(40)).min(1).max(10).optional(),
    compliance: z.array(complianceSchema).max(COMPLIANCE_REGIMES.length).optional(),
    cloud: cloudSchema.optional(),
    /** Domain facts that drive traffic when users are not counted. */
    ordersPerDay: positive(LIMITS.ordersPerDay).optional(),
    videoHoursWatchedPerDay: positive(LIMITS.videoHoursPerDay).optional(),
    /** Stated write volume, writes a second on average ("10 million pastes a month"); fleets and several volumes add up. */
    writeRps: positive(LIMITS.rps).optional(),
    /** Stated read volume, reads a second on average ("100 million paste views a month", "10 billion searches a month"). */
    readRps: positive(LIMITS.rps).optional(),
    /** Writes one daily user makes a day ("each user posts 20 messages a day"); multiplied by the daily users. */
    writesPerUserPerDay: positive(LIMITS.perUserPerDay).optional(),
    /** Reads one daily user makes a day ("a typical member loads the timeline 50 times a day"). */
    readsPerUserPerDay: positive(LIMITS.perUserPerDay).optional(),
    /** Size of one written item kept in the database, in KB ("each paste is about 1.27 KB", "1 KB per write"). */
    storedKbPerWrite: positive(LIMITS.kbPerItem).optional(),
    /** Size of one written item kept in object storage, in KB ("uploads are about 5 MB", "an average page is 500 KB"). */
    objectKbPerWrite: positive(LIMITS.kbPerItem).optional(),
    /** How long written data is kept, in days ("keep 90 days of tracks"); bounds storage. */
    retentionDays: positive(LIMITS.retentionDays).optional(),
    /** Technology choices the user asked for ("use MySQL", "drop Kubernetes"). */
    database: databaseSchema.optional(),
    orchestration: orchestrationSchema.optional(),
    serviceSplit: serviceSplitSchema.optional(),
    broker: brokerSchema.optional(),
    notes: z.string().max(2000).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.avgRps !== undefined && r.peakRps !== undefined && r.peakRps < r.avgRps) {
      ctx.addIssue({
        code: "custom",
        path: ["peakRps"],
        message: `peak traffic (${r.peakRps} RPS) cannot be below the average (${r.avgRps} RPS)`,
      });
    }
    if (r.dau !== undefined && r.mau !== undefined && r.dau > r.mau) {
      ctx.addIssue({
        code: "custom",
        path: ["dau"],
        message: `daily active users (${r.dau}) cannot exceed monthly active users (${r.mau})`,
      });
    }
  });
export type Requirements = z.infer<typeof requirementsSchema>;
export type RequirementField = keyof Requirements;

/** Turns zod's issues into one sentence a user can act on. */
export function describeRequirementsError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.join(".") || "request";
      return `${field}: ${issue.message}`;
    })
    .join("; ");
}
