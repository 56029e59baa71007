import type { Currency } from "./requirements.js";

/**
 * How a figure reads: shared by the planner's own sentences (summary, what changed) and the report,
 * so one number reads the same everywhere. Pure string functions.
 */

const CURRENCY_SYMBOLS: Record<Currency, string> = { USD: "$", EUR: "€", GBP: "£" };

/** Thousands separators in a run of digits; ASCII only so terminals and tests agree. */
function group(digits: string): string {
  const head = digits.length % 3 || 3;
  let grouped = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return grouped;
}

export function fixed(value: number, decimals: number): string {
  const magnitude = Math.abs(value);
  // Rounded to a whole number below 2^53, String() prints the same digits as toFixed(0) at a
  // fraction of the cost; most figures in a proposal are printed whole.
  const digits = decimals === 0 && magnitude <= Number.MAX_SAFE_INTEGER ? String(Math.round(magnitude)) : magnitude.toFixed(decimals);
  // A negative value that rounds to zero prints without a sign.
  const sign = value < 0 && Number(digits) !== 0 ? "-" : "";
  const point = digits.indexOf(".");
  const wholeDigits = point === -1 ? digits.length : point;
  // Below 1,000 there is nothing to separate; from 1e21 on, and for NaN and Infinity, the digits are not a plain run.
  if (wholeDigits <= 3 || !(magnitude < 1e21)) return `${sign}${digits}`;
  return `${sign}${group(digits.slice(0, wholeDigits))}${digits.slice(wholeDigits)}`;
}

export function trimZeros(text: string): string {
  // Only a trailing zero after a decimal point goes; most figures have none and skip the pattern.
  return text.includes(".") && text.endsWith("0") ? text.replace(/\.?0+$/, "") : text;
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
  // Only a zero amount prints as zero (every other one keeps a significant digit), and it has no sign.
  return magnitude === 0 ? `${symbol}0` : `${sign}${symbol}${digits}`;
}
