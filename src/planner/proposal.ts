import { z } from "zod";
import { archetypeSchema, currencySchema, requirementsSchema } from "./requirements.js";

export const COMPONENT_TYPES = [
  "client",
  "server",
  "load-balancer",
  "gateway",
  "cache",
  "database",
  "search",
  "object-storage",
  "cdn",
  "message-broker",
  "queue",
  "worker",
  "proxy",
  "firewall",
  "monitoring",
  "realtime",
  "other",
] as const;
export const componentTypeSchema = z.enum(COMPONENT_TYPES);
export type ComponentType = z.infer<typeof componentTypeSchema>;

/** Diagram tiers, used to group nodes in every rendering of the graph. */
export const TIERS = ["client", "edge", "application", "data", "async", "operations"] as const;
export const tierSchema = z.enum(TIERS);
export type Tier = z.infer<typeof tierSchema>;

const fraction = z.number().finite().min(0);
const nonNegative = z.number().finite().min(0);

export const assumptionSchema = z.object({
  field: z.string(),
  value: z.string(),
  reason: z.string(),
});
export type Assumption = z.infer<typeof assumptionSchema>;

export const capacitySchema = z.object({
  avgRps: nonNegative,
  peakRps: nonNegative,
  readRps: nonNegative,
  writeRps: nonNegative,
  concurrentConnections: nonNegative,
  storageGbYear1: nonNegative,
  egressGbMonth: nonNegative,
  /** Where storage and egress go, so each can be checked against its line item. */
  databaseGbYear1: nonNegative,
  objectStorageGbYear1: nonNegative,
  cdnEgressGbMonth: nonNegative,
  originEgressGbMonth: nonNegative,
  requestsPerMonth: nonNegative,
});
export type Capacity = z.infer<typeof capacitySchema>;

export const componentSchema = z.object({
  /** Stable identifier, shared by the diagram graph, the cost lines and the artefacts. */
  id: z.string(),
  name: z.string(),
  type: componentTypeSchema,
  tier: tierSchema,
  purpose: z.string(),
  /** Instances, replicas or nodes in production. Managed services count their deployments. */
  count: z.number().int().min(1),
  sizing: z.string(),
  /** A managed service that is redundant by construction (multi-AZ), so one deployment is not a single point of failure. */
  managed: z.boolean(),
  /** Computed utilisation of the limiting resource at today's peak, as a fraction. */
  utilisation: fraction.optional(),
  /** The instance, task or database class each unit runs on (e.g. "db.t4g.medium"), as data. */
  instanceClass: z.string().optional(),
  /** Database shards (each with its primary and standby). */
  shards: z.number().int().min(1).optional(),
});
export type Component = z.infer<typeof componentSchema>;

export const edgeSchema = z.object({ from: z.string(), to: z.string(), label: z.string() });
export type Edge = z.infer<typeof edgeSchema>;

export const diagramSchema = z.object({
  text: z.string(),
  mermaid: z.string(),
  /** The one component graph that the text, the Mermaid source and the pictures are drawn from. */
  graph: z.object({
    nodes: z.array(
      z.object({ id: z.string(), label: z.string(), type: componentTypeSchema, tier: tierSchema, count: z.number().int().min(1), sizing: z.string() }),
    ),
    edges: z.array(edgeSchema),
  }),
});
export type Diagram = z.infer<typeof diagramSchema>;
export type DiagramGraph = Diagram["graph"];

export const stackChoiceSchema = z.object({
  layer: z.string(),
  choice: z.string(),
  alternatives: z.array(z.string()),
  why: z.string(),
});
export type StackChoice = z.infer<typeof stackChoiceSchema>;

export const environmentSchema = z.object({
  name: z.enum(["development", "staging", "production"]),
  components: z.array(z.string()),
  location: z.string(),
  purpose: z.string(),
});

export const severitySchema = z.enum(["critical", "high", "medium", "low"]);
export type Severity = z.infer<typeof severitySchema>;

export const bottleneckSchema = z.object({
  rank: z.number().int().min(1),
  /** The resource this bottleneck is about, stable across phases (e.g. "db-primary-writes"). */
  id: z.string(),
  title: z.string(),
  severity: severitySchema,
  signal: z.string(),
  utilisation: fraction,
  fix: z.string(),
  /** How many times today's peak this resource can take before it passes 80%. */
  headroomFactor: z.number().finite().positive(),
});
export type Bottleneck = z.infer<typeof bottleneckSchema>;

export const sloSchema = z.object({ name: z.string(), target: z.string() });
export const alertSchema = z.object({ name: z.string(), condition: z.string(), severity: z.enum(["page", "ticket"]) });

export const reliabilitySchema = z.object({
  slos: z.array(sloSchema),
  alerts: z.array(alertSchema),
  /** Serial availability of the request path computed from each tier's SLA and redundancy. */
  computedAvailabilityPercent: z.number(),
  practices: z.array(z.string()),
  backups: z.object({ rpoMinutes: z.number(), rtoMinutes: z.number(), plan: z.string() }),
});
export const securitySchema = z.object({
  slos: z.array(sloSchema),
  alerts: z.array(alertSchema),
  controls: z.array(z.object({ regime: z.string(), control: z.string() })),
});
export const observabilitySchema = z.object({
  slos: z.array(sloSchema),
  alerts: z.array(alertSchema),
  slis: z.array(z.string()),
  dashboards: z.array(z.string()),
});

export const COST_CATEGORIES = ["compute", "data", "network", "storage", "platform", "environments"] as const;
export const costCategorySchema = z.enum(COST_CATEGORIES);
export type CostCategory = z.infer<typeof costCategorySchema>;

export const lineItemSchema = z.object({
  item: z.string(),
  monthly: nonNegative,
  /** The component this cost belongs to, or an environment/overhead id. */
  componentId: z.string(),
  category: costCategorySchema,
  /** How the figure was computed, e.g. "6 × c7g.large × 730 h × $0.0725". */
  basis: z.string(),
});
export type LineItem = z.infer<typeof lineItemSchema>;

export const leverSchema = z.object({
  name: z.string(),
  monthlySaving: nonNegative,
  how: z.string(),
  tradeOff: z.string(),
});
export type Lever = z.infer<typeof leverSchema>;

export const costSchema = z.object({
  currency: currencySchema,
  monthly: nonNegative,
  lineItems: z.array(lineItemSchema),
  budget: nonNegative.optional(),
  withinBudget: z.boolean().optional(),
  levers: z.array(leverSchema),
  /** Monthly cost after every lever applies together (savings compound, they do not add). */
  monthlyAfterLevers: nonNegative,
  leversCloseGap: z.boolean().optional(),
  /**
   * When over budget: the cost of the cheapest configuration that meets the requirements (today's
   * design), and what would bring the bill within the budget without dropping a requirement.
   */
  budgetFloor: z
    .object({
      monthly: nonNegative,
      options: z.array(z.object({ option: z.string(), monthly: nonNegative, withinBudget: z.boolean(), tradeOff: z.string() })),
    })
    .optional(),
  costPerDailyUser: nonNegative.optional(),
  pricesAsOf: z.string(),
  priceSource: z.string(),
  exchangeRate: z.object({ from: z.literal("USD"), to: currencySchema, rate: z.number().positive(), asOf: z.string() }),
});
export type Cost = z.infer<typeof costSchema>;

export const phaseScaleSchema = z.enum(["2x", "10x", "100x"]);
export type PhaseScale = z.infer<typeof phaseScaleSchema>;

/** The rung of the stage ladder a design stands on, and its shape in one line. */
export const stageSchema = z.object({ rung: z.number().int().min(1), name: z.string(), shape: z.string() });
export type Stage = z.infer<typeof stageSchema>;

/** Why a heavy element is in the design, or at which figure (and phase) it will be. */
export const decisionSchema = z.object({
  element: z.string(),
  present: z.boolean(),
  reason: z.string(),
  metric: z.string().optional(),
  value: z.number().finite().optional(),
  threshold: z.number().finite().optional(),
  unit: z.string().optional(),
  neededInPhase: phaseScaleSchema.optional(),
  source: z.string(),
  userChoice: z.boolean().optional(),
});
export type Decision = z.infer<typeof decisionSchema>;

/** An architectural change between two phases, with the step that makes it without downtime. */
export const architectureChangeSchema = z.object({
  kind: z.enum(["add", "replace", "retire"]),
  element: z.string(),
  trigger: z.string(),
  migration: z.string(),
});
export type ArchitectureChange = z.infer<typeof architectureChangeSchema>;

export const autoscalingSchema = z.object({
  /** What runs the phase's deployments, so its autoscaling artefact is the one that platform applies (absent: Kubernetes). */
  platform: z.enum(["vms", "ecs", "kubernetes"]).optional(),
  minReplicas: z.number().int().min(1),
  maxReplicas: z.number().int().min(1),
  targetCpuPercent: z.number().int().min(1).max(100),
  scaleUpStabilizationSeconds: z.number().int().min(0).max(3600),
  scaleDownStabilizationSeconds: z.number().int().min(0).max(3600),
  /** Per deployment; the totals above are their sums. */
  deployments: z.array(
    z.object({ name: z.string(), minReplicas: z.number().int().min(1), maxReplicas: z.number().int().min(1) }),
  ),
});
export type Autoscaling = z.infer<typeof autoscalingSchema>;

export const loadTestSchema = z.object({
  tool: z.literal("k6"),
  targetRps: z.number().positive(),
  rampMinutes: z.number().positive(),
  soakMinutes: z.number().positive(),
  thresholds: z.object({ p95Ms: z.number().positive(), errorRate: z.number().min(0).max(1) }),
  chaos: z.array(z.string()),
});

export const phaseSchema = z.object({
  scale: phaseScaleSchema,
  factor: z.number().positive(),
  peakRps: z.number().positive(),
  avgRps: z.number().positive(),
  monthsFromNow: z.number().nonnegative().optional(),
  stage: stageSchema,
  /** Tiers added, replaced or retired at this phase; `changes` lists them first, then count changes. */
  architectureChanges: z.array(architectureChangeSchema),
  changes: z.array(z.string()),
  bottlenecks: z.array(bottleneckSchema),
  loadTest: loadTestSchema,
  autoscaling: autoscalingSchema,
  caching: z.array(z.string()),
  database: z.array(z.string()),
  components: z.array(componentSchema),
  costMonthly: nonNegative,
  /** costMonthly split by category (in the proposal's currency); the parts add up to costMonthly. */
  costByCategory: z.record(costCategorySchema, nonNegative),
});
export type Phase = z.infer<typeof phaseSchema>;

export const roadmapSchema = z.object({
  phases: z.array(phaseSchema),
  trafficManagement: z.array(z.string()),
  runbook: z.array(z.string()),
});
export type Roadmap = z.infer<typeof roadmapSchema>;

export const artifactSchema = z.object({
  filename: z.string(),
  mediaType: z.string(),
  content: z.string(),
});
export type Artifact = z.infer<typeof artifactSchema>;

export const proposalSchema = z.object({
  title: z.string(),
  version: z.number().int().min(1),
  archetype: archetypeSchema,
  summary: z.string(),
  requirements: requirementsSchema,
  assumptions: z.array(assumptionSchema),
  capacity: capacitySchema,
  stage: stageSchema,
  decisions: z.array(decisionSchema),
  diagram: diagramSchema,
  components: z.array(componentSchema),
  stack: z.array(stackChoiceSchema),
  discovery: z.object({ mechanism: z.string(), naming: z.string(), steps: z.array(z.string()) }),
  environments: z.array(environmentSchema),
  bottlenecks: z.array(bottleneckSchema),
  reliability: reliabilitySchema,
  security: securitySchema,
  observability: observabilitySchema,
  cost: costSchema,
  roadmap: roadmapSchema,
  configuration: z.array(z.object({ component: z.string(), setting: z.string(), value: z.string(), why: z.string() })),
  artifacts: z.array(artifactSchema),
});
export type Proposal = z.infer<typeof proposalSchema>;
