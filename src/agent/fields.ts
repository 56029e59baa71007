import { z } from "zod";
import { allMatches } from "../planner/parse/matches.js";
import { QUANTITY, parseQuantity } from "../planner/parse/numbers.js";
import { MAX_REQUEST_CHARS, parseRequirements } from "../planner/parse/index.js";
import { keepValid } from "../planner/parse/validate.js";
import { type RequirementField, type Requirements, requirementsSchema } from "../planner/requirements.js";

/**
 * Requirement fields a hosted model fills from what it understood, beside the user's words.
 * Archie keeps only values that pass the requirements schema and whose numbers appear in, or
 * follow from, the words of the thread; a model cannot slip a figure into a proposal.
 */

const DESCRIPTIONS: Record<RequirementField, string> = {
  domain: "What is being built, in the user's words, e.g. \"HR self-service portal\"",
  archetype: "The kind of product: internal for tools a company builds for its own staff",
  dau: "Daily active users (people of every side: riders plus drivers)",
  mau: "Monthly active users; a head count (\"a 200-person company\") is 200",
  concurrentUsers: "Users or connections online at the same moment",
  avgRps: "Average requests per second of every kind, only when the user gave a request rate",
  peakRps: "Peak requests per second",
  readWriteRatio: "Reads per write, e.g. 10 for \"10 reads per write\"",
  peakFactor: "Peak over average traffic; office-hours tools are about 3",
  growthPercentPerMonth: "Compound growth in percent per month (20% a year is 1.53); 0 for flat",
  budget: "Monthly budget with its currency",
  latencyP95Ms: "p95 latency target in milliseconds",
  availability: "Availability target in percent, e.g. 99.9",
  regions: "Regions or areas (us, eu, ap, sa, or cloud region ids)",
  compliance: "Compliance regimes the user named",
  cloud: "Cloud the user chose",
  ordersPerDay: "Orders (purchases, deliveries, rides, bookings) per day",
  videoHoursWatchedPerDay: "Hours of video watched per day",
  writeRps: "Stated writes per second on average: 500 million tweets a day is 5787; several kinds add up; 3 million trucks pinging every 5 s is 600000",
  readRps: "Stated reads per second on average (views, searches, timeline loads): 100 million views a month is 38.58",
  writesPerUserPerDay: "Writes one daily user makes a day, when stated per user (\"each user posts 20 messages a day\" is 20)",
  readsPerUserPerDay: "Reads one daily user makes a day, when stated per user",
  storedKbPerWrite: "Size in KB of one written item kept in the database (\"each paste is about 1.27 KB\")",
  objectKbPerWrite: "Size in KB of one written item kept in object storage: uploads, files, media, pages (5 MB is 5000)",
  retentionDays: "Days written data is kept (\"keep 90 days of tracks\" is 90)",
  database: "Database the user chose",
  orchestration: "Only when the user chose it: kubernetes, ecs (Fargate or managed containers), or vms when the user ruled containers out",
  serviceSplit: "Only when the user asked for it: microservices, or monolith",
  broker: "Only when the user runs or asked for one: kafka (an event stream), or queue",
  notes: "Anything else the user said that matters to the design",
};

const shape = requirementsSchema.shape;
const described = Object.fromEntries(
  (Object.keys(shape) as RequirementField[]).map((field) => [field, shape[field].describe(DESCRIPTIONS[field])]),
) as { [F in RequirementField]: (typeof shape)[F] };

/** The tool argument: every field optional, each described, so providers see a JSON schema of the requirements. */
export const requirementFieldsSchema = z.object(described).describe("The requirements you understood from the user's words; leave out anything they did not say");
export type RequirementFields = z.infer<typeof requirementFieldsSchema>;

// A number follows from the words when it is one of them, one of them converted between periods
// (per second … per year) or units (bytes, KB, MB, GB), or two of them combined the way requirements
// combine: a count over an interval, users × a daily rate, or a sum. The tolerance allows rounding.
const PERIODS = [1, 60, 3_600, 86_400, 604_800, 2_592_000, 31_536_000, 12];
const UNITS = [1, 1e3, 1e-3, 1e6];
const TOLERANCE = 0.01;

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

function quantitiesIn(text: string): number[] {
  const pattern = new RegExp(QUANTITY, "gu");
  const values = allMatches(pattern, text.toLowerCase())
    .map((match) => parseQuantity(match[0]))
    .filter((value): value is number => value !== undefined && Number.isFinite(value) && value !== 0)
    .map(Math.abs);
  return [...new Set(values)];
}

function converted(target: number, base: number): boolean {
  return PERIODS.some((period) => UNITS.some((unit) => close(target, (base * unit) / period))) || PERIODS.some((period) => close(target, (base * 86_400) / period));
}

/** Whether `value` appears in the words or follows from one or two of their numbers. */
export function traceable(value: number, words: readonly number[]): boolean {
  if (words.some((word) => converted(value, word))) return true;
  return words.some((a) => words.some((b) => a !== b && (close(value, a / b) || close(value, (a * b) / 86_400) || close(value, a * b) || PERIODS.some((period) => close(value, (a + b) / period)))));
}

function numbersOf(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (typeof value === "object" && value !== null && "amount" in value && typeof value.amount === "number") return [value.amount];
  return [];
}

export interface CheckedFields {
  update: Partial<Requirements>;
  /** One sentence per value left out: not traceable to the words, or not a valid requirement. */
  problems: string[];
}

/**
 * Keeps the fields a model gave that are valid requirements and whose numbers the words hold.
 * `known` are figures already in the thread: restating them needs no new words.
 */
export function checkFields(fields: RequirementFields, words: string, known: Requirements): CheckedFields {
  // What the parser itself reads from the words is traceable too ("office hours" is a 3x peak).
  const parsed = parseRequirements(words.slice(0, MAX_REQUEST_CHARS)).requirements;
  const numbers = [...quantitiesIn(words), ...Object.values(known).flatMap(numbersOf), ...Object.values(parsed).flatMap(numbersOf)];
  const kept: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const untraced = numbersOf(value).filter((n) => !traceable(n, numbers));
    if (untraced.length > 0) {
      problems.push(`the model gave ${field} = ${untraced.join(", ")}, which nothing you said states or implies, so it was left out`);
      continue;
    }
    kept[field] = value;
  }
  const valid = keepValid(kept);
  return { update: valid.requirements, problems: [...problems, ...valid.problems] };
}
