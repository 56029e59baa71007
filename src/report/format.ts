import type { Currency } from "../planner/requirements.js";

/**
 * Every number a person reads goes through these functions, so one figure reads the same in the
 * summary, the tables, the roadmap and the artefacts. They never round in a way that changes
 * a verdict: verdicts are taken from the proposal, not from the printed strings.
 */

const CURRENCY_SYMBOLS: Record<Currency, string> = { USD: "$", EUR: "€", GBP: "£" };

/** Thousands separators on the integer part; ASCII only so terminals and tests agree. */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function fixed(value: number, decimals: number): string {
  const [whole = "0", fraction] = Math.abs(value).toFixed(decimals).split(".");
  const sign = value < 0 && Number(Math.abs(value).toFixed(decimals)) !== 0 ? "-" : "";
  return `${sign}${group(whole)}${fraction === undefined ? "" : `.${fraction}`}`;
}

function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/**
 * A plain quantity: whole numbers from 100 up, one decimal below, two significant digits under 1
 * (so 0.04 RPS does not read as 0).
 */
export function formatNumber(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 100 || Number.isInteger(value)) return fixed(value, 0);
  if (magnitude >= 1) return trimZeros(fixed(value, 1));
  return trimZeros(value.toPrecision(2));
}

/**
 * Money in the proposal's currency: whole units from 10 up (cents would only clutter a monthly
 * estimate), cents below, two significant digits under 1 (a cost per user of €0.031).
 */
export function formatMoney(amount: number, currency: Currency): string {
  const symbol = CURRENCY_SYMBOLS[currency];
  const magnitude = Math.abs(amount);
  const sign = amount < 0 ? "-" : "";
  let digits: string;
  if (magnitude >= 10) digits = fixed(magnitude, 0);
  else if (magnitude >= 1) digits = fixed(magnitude, 2);
  else digits = trimZeros(magnitude.toPrecision(2));
  return digits === "0" || Number(digits.replace(/,/g, "")) === 0 ? `${symbol}0` : `${sign}${symbol}${digits}`;
}

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
