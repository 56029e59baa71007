import type { z } from "zod";
import { type RequirementField, type Requirements, requirementsSchema } from "../requirements.js";
import { formatNumber } from "./numbers.js";

/** What each field is called in a message to the user. */
export const FIELD_LABELS: Record<RequirementField, string> = {
  domain: "the product description",
  archetype: "the kind of product",
  dau: "daily active users",
  mau: "monthly active users",
  concurrentUsers: "concurrent users",
  avgRps: "average traffic",
  peakRps: "peak traffic",
  readWriteRatio: "the read/write ratio",
  peakFactor: "the peak factor",
  growthPercentPerMonth: "monthly growth",
  budget: "the budget",
  latencyP95Ms: "the p95 latency target",
  availability: "the availability target",
  regions: "the regions",
  compliance: "the compliance list",
  cloud: "the cloud",
  ordersPerDay: "orders per day",
  videoHoursWatchedPerDay: "video hours watched per day",
  writeRps: "the write volume",
  readRps: "the read volume",
  writesPerUserPerDay: "writes per user a day",
  readsPerUserPerDay: "reads per user a day",
  storedKbPerWrite: "the size of a stored item",
  objectKbPerWrite: "the size of an uploaded item",
  retentionDays: "the retention period",
  database: "the database",
  orchestration: "the orchestration choice",
  serviceSplit: "the service split",
  broker: "the messaging choice",
  notes: "the notes",
};

const UNITS: Partial<Record<RequirementField, (n: number) => string>> = {
  avgRps: (n) => `${formatNumber(n)} RPS`,
  peakRps: (n) => `${formatNumber(n)} RPS`,
  peakFactor: (n) => `${formatNumber(n)}x`,
  growthPercentPerMonth: (n) => `${formatNumber(n)}% a month`,
  latencyP95Ms: (n) => `${formatNumber(n)} ms`,
  availability: (n) => `${formatNumber(n)}%`,
  readWriteRatio: (n) => `${formatNumber(n)} reads per write`,
  writeRps: (n) => `${formatNumber(n)} writes a second`,
  readRps: (n) => `${formatNumber(n)} reads a second`,
  storedKbPerWrite: (n) => `${formatNumber(n)} KB`,
  objectKbPerWrite: (n) => `${formatNumber(n)} KB`,
  retentionDays: (n) => `${formatNumber(n)} days`,
};

function shown(field: RequirementField, value: unknown): string {
  if (typeof value === "number") return (UNITS[field] ?? formatNumber)(value);
  if (typeof value === "object" && value !== null && "amount" in value && "currency" in value) {
    return `${formatNumber(Number(value.amount))} ${String(value.currency)} a month`;
  }
  return JSON.stringify(value);
}

function explain(field: RequirementField, value: unknown, issue: z.core.$ZodIssue): string {
  if (issue.code === "custom") return `${issue.message}; ${FIELD_LABELS[field]} was left out`;
  const what = `${FIELD_LABELS[field]} (${shown(field, value)})`;
  if (issue.code === "too_small") {
    const minimum = Number(issue.minimum);
    const floor = minimum === 0 && !issue.inclusive ? "must be more than zero" : `must be at least ${shown(field, minimum)}`;
    return `${what} ${floor}, so it was left out`;
  }
  if (issue.code === "too_big") {
    return `${what} is more than Archie can plan for (at most ${shown(field, Number(issue.maximum))}), so it was left out`;
  }
  return `${what} could not be used (${issue.message}), so it was left out`;
}

/**
 * Keeps every value `requirementsSchema` accepts and leaves out the rest, with a sentence per value
 * left out ("peak traffic (100 RPS) cannot be below the average (500 RPS)…").
 */
export function keepValid(candidate: Record<string, unknown>): { requirements: Requirements; problems: string[] } {
  const values: Record<string, unknown> = { ...candidate };
  const problems: string[] = [];
  // Each pass removes at least one field, so this ends within one pass per field.
  for (let pass = 0; pass <= Object.keys(candidate).length; pass++) {
    const result = requirementsSchema.safeParse(values);
    if (result.success) return { requirements: result.data, problems };
    for (const issue of result.error.issues) {
      const field = issue.path[0];
      if (typeof field !== "string" || !(field in values)) continue;
      problems.push(explain(field as RequirementField, values[field], issue));
      delete values[field];
    }
  }
  return { requirements: {}, problems };
}
