import type { Resource } from "./design/index.js";
import type { Bottleneck, Severity } from "./proposal.js";
import { round } from "./units.js";

/** Utilisation above which a resource is treated as saturating (queues grow, latency climbs). */
export const SATURATION = 0.8;

export function severityOf(utilisation: number): Severity {
  if (utilisation >= SATURATION) return "critical";
  if (utilisation >= 0.6) return "high";
  if (utilisation >= 0.4) return "medium";
  return "low";
}

/**
 * Ranks resources by utilisation at `scale` times the load they were sized for: scale 1 is today's
 * peak on today's design; a phase passes its factor over the previous design to show what breaks.
 */
export function rankBottlenecks(resources: Resource[], scale = 1): Bottleneck[] {
  return resources
    .filter((r) => r.capacity > 0)
    .map((r) => ({ r, utilisation: (r.load * scale) / r.capacity }))
    .sort((a, b) => b.utilisation - a.utilisation || a.r.id.localeCompare(b.r.id))
    .map(({ r, utilisation }, i) => ({
      rank: i + 1,
      id: r.id,
      title: r.title,
      severity: severityOf(utilisation),
      signal: r.signal,
      utilisation: round(utilisation, 3),
      fix: r.fix,
      headroomFactor: round(utilisation > 0 ? SATURATION / utilisation : 1_000, 2),
    }));
}
