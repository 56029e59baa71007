import type { Currency } from "../planner/requirements.js";

/**
 * Every number a person reads goes through these functions, so one figure reads the same in the
 * summary, the tables, the roadmap and the artefacts. They never round in a way that changes
 * a verdict: verdicts are taken from the proposal, not from the printed strings.
 */

import { fixed, formatMoney, formatNumber, trimZeros } from "../planner/readable.js";

export { formatMoney, formatNumber };

/** A monthly amount, e.g. "€7,412/month". */
export function formatMonthly(amount: number, currency: Currency): string {
  return `${formatMoney(amount, currency)}/month`;
}

export function formatRps(rps: number): string {
  return `${formatNumber(rps)} RPS`;
}

/** Decimal units, as cloud price lists use them: 1 TB = 1,000 GB. */
export function formatGb(gb: number): string {
  if (Math.abs(gb) >= 1000) return `${trimZeros(fixed(gb / 1000, 1))} TB`;
  return `${formatNumber(gb)} GB`;
}

/**
 * A fraction as a percentage. Precision grows as the value shrinks so error budgets such as
 * 0.05% stay visible while utilisation reads as whole percent.
 */
export function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  const magnitude = Math.abs(percent);
  if (magnitude >= 10) return `${fixed(percent, 0)}%`;
  if (magnitude >= 1) return `${trimZeros(fixed(percent, 1))}%`;
  return `${trimZeros(fixed(percent, 2))}%`;
}

/**
 * An availability already expressed in percent (99.95). Truncated, never rounded up, to three
 * decimals: 99.8996% must not print as a target it misses.
 */
export function formatAvailability(percent: number): string {
  const truncated = Math.floor(percent * 1000) / 1000;
  return `${trimZeros(truncated.toFixed(3))}%`;
}

/** A multiple, e.g. "×6" or "×2.5". */
export function formatFactor(factor: number): string {
  return `×${formatNumber(factor)}`;
}

export function formatCount(count: number): string {
  return fixed(count, 0);
}

/** Minutes as people say them: "45 min", "2 h", "1 h 30 min". */
export function formatMinutes(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded < 60) return `${formatNumber(minutes)} min`;
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function formatSeconds(seconds: number): string {
  return `${formatCount(seconds)} s`;
}

export function formatMilliseconds(ms: number): string {
  return `${formatNumber(ms)} ms`;
}

/** Months until a phase is reached; the planner leaves it out when growth was not stated. */
export function formatMonthsFromNow(months: number | undefined): string {
  if (months === undefined) return "not projected (no growth rate)";
  if (months < 1) return "within a month";
  return `in about ${formatNumber(months)} months`;
}
