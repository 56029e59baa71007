/** Time and rounding conventions shared by every computation, so numbers agree across sections. */

export const SECONDS_PER_DAY = 86_400;
/** A 30-day month for traffic: 400 RPS ≈ 1 B requests a month (system-design-primer rounds 2.5 M s). */
export const SECONDS_PER_MONTH = 30 * SECONDS_PER_DAY;
/** AWS bills an always-on resource for 730 hours a month. */
export const HOURS_PER_MONTH = 730;
export const DAYS_PER_YEAR = 365;
export const GB = 1e9;
export const KB = 1e3;

/** Rounds to `digits` decimals; used only where a figure is stored for people to read. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Rounds a rate for reading: two decimals, or three significant digits below 1 so tiny loads never read as 0. */
export function roundRate(value: number): number {
  if (value === 0) return 0;
  return Math.abs(value) >= 1 ? round(value, 2) : Number(value.toPrecision(3));
}

/** Rounds up a count that must cover a load; tolerates float noise just above an integer. */
export function ceilCount(value: number): number {
  return Math.ceil(value - 1e-9);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** "12,345.6": thousands separators, at most `digits` decimals, trailing zeros dropped (toFixed is ~10x faster than Intl). */
export function formatNumber(value: number, digits = 0): string {
  const text = Math.abs(value).toFixed(digits);
  const point = text.indexOf(".");
  const whole = point === -1 ? text : text.slice(0, point);
  const fraction = point === -1 ? "" : text.slice(point).replace(/\.?0+$/, "");
  const sign = value < 0 && Number(text) !== 0 ? "-" : "";
  return `${sign}${groupThousands(whole)}${fraction}`;
}

const ALL_DIGITS = /^\d+$/;

/**
 * "1234567" → "1,234,567". A plan formats a few hundred figures, so this slices instead of running
 * a separator regex on each; "NaN", "Infinity" or an exponent ("1e+21") are left as they are.
 */
function groupThousands(whole: string): string {
  if (whole.length <= 3 || !ALL_DIGITS.test(whole)) return whole;
  const head = whole.length % 3 || 3;
  let grouped = whole.slice(0, head);
  for (let i = head; i < whole.length; i += 3) grouped += `,${whole.slice(i, i + 3)}`;
  return grouped;
}
