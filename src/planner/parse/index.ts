/**
 * The request parser: free text (a first request or a chat answer) → the `Requirements` it states.
 * Pure, no I/O. How ambiguous phrasings are read (each rule is also beside its code):
 * - "N users" without daily/monthly/concurrent is monthly actives (mau); asked about DAU, it is dau.
 * - A request rate is the average unless peak/spike/max/burst/"up to" is in the same clause;
 *   per minute ÷60, per day ÷86,400, per month ÷SECONDS_PER_MONTH (a 30-day month).
 * - Ranges ("10-20k") give their upper bound; "~", "about", "around" are read past.
 * - "read-heavy" alone is 10 reads per write, "write-heavy" 0.5; "90% reads" is 9.
 * - Growth is compound per month: "20% per year" → 1.53, "doubling every year" → 5.95.
 * - A budget is per month ("$24k per year" → 2,000); with no currency anywhere it is USD, said in problems.
 * - Only a p95 latency is used; a p99 or median target is reported in problems, not used as p95.
 * - Regions: areas "us", "eu", "ap", "sa" or cloud region ids as written; "global" is us+eu+ap;
 *   countries map to their area (India → "ap", UK → "eu"); "EU-only" keeps only the EU.
 * - Compliance only when named (GDPR, HIPAA, PCI/PCI-DSS, SOC 2); "health data" alone is not HIPAA.
 * - Ruling Kubernetes out ("drop Kubernetes", "no k8s") chooses VMs.
 * - "not 5k", "instead of 300 rps" are ignored; for one field the last statement wins, and a bare
 *   number after "actually"/"sorry"/"make it" corrects the statement before it.
 */
import type { RequirementField, Requirements } from "../requirements.js";
import { readCorrections, readExpectedAnswer, readSiblingRates } from "./answers.js";
import { detectArchetype } from "./archetype.js";
import { readBudget } from "./budget.js";
import { readBroker, readCloud, readCompliance, readDatabase, readOrchestration, readServiceSplit } from "./choices.js";
import { domainFromAnswer, extractDomain } from "./domain.js";
import { readFacts } from "./facts.js";
import { readGrowth } from "./growth.js";
import { readAvailability, readLatency } from "./quality.js";
import { readPeakFactor, readReadWrite } from "./ratios.js";
import { readRegions } from "./regions.js";
import { type Finding, type ParseState, type ScalarField, createState } from "./state.js";
import { checkRequestText, lowerSameLength } from "./text.js";
import { readTraffic } from "./traffic.js";
import { readUsers } from "./users.js";
import { readRetention, readSizes } from "./sizes.js";
import { readIntervals, readVolumes, reportUnread } from "./volumes.js";
import { keepValid } from "./validate.js";

export { detectArchetype } from "./archetype.js";
export { extractDomain } from "./domain.js";
export { FIELD_EXAMPLES } from "./examples.js";
export { SECONDS_PER_MONTH } from "./periods.js";
export { MAX_REQUEST_CHARS, checkRequestText, type TextCheck } from "./text.js";

export interface ParseResult {
  /** Every value stated in the text that passes `requirementsSchema`. */
  requirements: Partial<Requirements>;
  /** The fields present in `requirements`, in schema order. */
  found: RequirementField[];
  /** Plain sentences about values left out or assumed ("no currency given for the budget; assumed USD"). */
  problems: string[];
}

export interface ParseOptions {
  /** The field Archie just asked about, so a bare answer ("50k", "$2k", "6x") fills it. */
  expecting?: RequirementField;
}

const SCALAR_FIELDS = new Set<string>([
  "dau", "mau", "concurrentUsers", "avgRps", "peakRps", "readWriteRatio", "peakFactor", "growthPercentPerMonth",
  "budget", "latencyP95Ms", "availability", "ordersPerDay", "videoHoursWatchedPerDay", "cloud", "database", "orchestration",
  "serviceSplit", "broker",
  "writeRps", "readRps", "writesPerUserPerDay", "readsPerUserPerDay", "storedKbPerWrite", "objectKbPerWrite", "retentionDays",
]);
const FIELD_ORDER: RequirementField[] = [
  "domain", "archetype", "dau", "mau", "concurrentUsers", "avgRps", "peakRps", "readWriteRatio", "peakFactor",
  "growthPercentPerMonth", "budget", "latencyP95Ms", "availability", "regions", "compliance", "cloud",
  "ordersPerDay", "videoHoursWatchedPerDay", "writeRps", "readRps", "writesPerUserPerDay", "readsPerUserPerDay",
  "storedKbPerWrite", "objectKbPerWrite", "retentionDays", "database", "orchestration", "serviceSplit", "broker", "notes",
];
const MAX_NOTES_CHARS = 2000;

function isScalar(field: RequirementField | undefined): field is ScalarField {
  return field !== undefined && SCALAR_FIELDS.has(field);
}

// Rules that read a number claim it, so the order settles overlaps: the most specific units first
// ("50k orders a day" before users, "p95 200ms" before a bare "200ms", "90% reads" before "99.9%").
const NUMBER_READERS: Array<(state: ParseState) => void> = [
  readFacts,
  readRetention,
  readSizes,
  readLatency,
  readGrowth,
  readReadWrite,
  readBudget,
  readAvailability,
  readPeakFactor,
  readIntervals,
  readUsers,
  readVolumes,
  readTraffic,
  readSiblingRates,
  readCorrections,
  reportUnread,
];

/**
 * The statement that stands for each field: not ruled out, stated with a number over a word, the
 * last one. Volumes of different things add up ("10M pastes and 2M comments a month"); a later
 * volume of the same thing replaces the earlier one.
 */
function resolve(findings: Finding[]): Record<string, unknown> {
  const chosen = new Map<string, Finding>();
  for (const finding of findings) {
    if (finding.negated) continue;
    const key = finding.noun === undefined ? finding.field : `${finding.field}:${finding.noun}`;
    const current = chosen.get(key);
    const better = current === undefined || (current.weak && !finding.weak) || (current.weak === finding.weak && finding.index >= current.index);
    if (better) chosen.set(key, finding);
  }
  const values: Record<string, unknown> = {};
  for (const finding of chosen.values()) {
    const previous = values[finding.field];
    values[finding.field] = typeof previous === "number" && typeof finding.value === "number" ? Number((previous + finding.value).toPrecision(6)) : finding.value;
  }
  return values;
}

function readWords(state: ParseState, text: string, candidate: Record<string, unknown>): void {
  const { expecting } = state;
  const domain = expecting === "domain" ? domainFromAnswer(text) : extractDomain(text);
  if (domain !== undefined) candidate["domain"] = domain;
  const archetype = detectArchetype(text);
  // Only a message that names the product classifies it: "add payments" in a revision is not a new archetype.
  if (archetype !== undefined && (expecting === "archetype" || (domain !== undefined && archetype !== "generic"))) {
    candidate["archetype"] = archetype;
  }
  const choices: Record<string, unknown> = {
    regions: readRegions(state),
    compliance: readCompliance(state),
    cloud: readCloud(state),
    database: readDatabase(state),
    orchestration: readOrchestration(state),
    serviceSplit: readServiceSplit(state),
    broker: readBroker(state),
  };
  for (const [field, value] of Object.entries(choices)) if (value !== undefined) candidate[field] = value;
  if (expecting === "notes") candidate["notes"] = text.slice(0, MAX_NOTES_CHARS);
}

/**
 * Reads a request or a chat answer into the requirements it states. Pure: no I/O, never throws.
 * Values that fail `requirementsSchema` (negative, absurd, peak below average) are left out and
 * explained in `problems`.
 */
export function parseRequirements(text: string, options: ParseOptions = {}): ParseResult {
  const checked = checkRequestText(text);
  if (!checked.ok) return { requirements: {}, found: [], problems: [checked.message] };
  const state = createState(checked.text, lowerSameLength(checked.text), options.expecting);
  for (const read of NUMBER_READERS) read(state);
  if (isScalar(options.expecting)) readExpectedAnswer(state, options.expecting);
  const candidate = resolve(state.findings);
  readWords(state, checked.text, candidate);
  const { requirements, problems } = keepValid(candidate);
  return {
    requirements,
    found: FIELD_ORDER.filter((field) => requirements[field] !== undefined),
    problems: [...state.problems, ...problems],
  };
}
