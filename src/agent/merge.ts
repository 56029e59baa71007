import type { Capacity } from "../planner/proposal.js";
import { describeRequirementsError, requirementsSchema, type RequirementField, type Requirements } from "../planner/requirements.js";
import { TRAFFIC_FIELDS } from "./policy.js";

export interface MergeResult {
  requirements: Requirements;
  /** Fields whose value is new or different. */
  changed: RequirementField[];
  /** Why the update was refused, in words the user can act on; empty when it applied. */
  problems: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Later statements win, except compliance regimes, which accumulate ("we must stay in the EU"
 * adds GDPR without dropping PCI-DSS). An update that would make the whole invalid is refused
 * as a unit, so the thread never holds contradictory facts.
 */
export function mergeRequirements(current: Requirements, update: Partial<Requirements>): MergeResult {
  const next: Requirements = { ...current };
  const changed: RequirementField[] = [];
  for (const field of Object.keys(update) as RequirementField[]) {
    let value = update[field];
    if (value === undefined) continue;
    if (field === "compliance" && Array.isArray(value) && value.length > 0 && current.compliance?.length) {
      value = [...new Set([...current.compliance, ...(value as NonNullable<Requirements["compliance"]>)])];
    }
    if (same(current[field], value)) continue;
    (next as Record<string, unknown>)[field] = value;
    changed.push(field);
  }
  if (changed.length === 0) return { requirements: current, changed, problems: [] };
  const checked = requirementsSchema.safeParse(next);
  if (!checked.success) return { requirements: current, changed: [], problems: [describeRequirementsError(checked.error)] };
  return { requirements: checked.data, changed, problems: [] };
}

/**
 * "What if traffic is 10x": every stated traffic figure grows by the factor. When the user
 * stated none (the proposal ran on assumptions), the proposal's own rates are scaled instead.
 */
export function scaleTraffic(current: Requirements, factor: number, capacity: Capacity): Partial<Requirements> {
  const stated = TRAFFIC_FIELDS.filter((field) => current[field] !== undefined);
  if (stated.length === 0) {
    return { avgRps: round(capacity.avgRps * factor), peakRps: round(capacity.peakRps * factor) };
  }
  return Object.fromEntries(stated.map((field) => [field, round((current[field] as number) * factor)]));
}

const round = (value: number) => (value >= 100 ? Math.round(value) : Number(value.toFixed(2)));
