/** A 30-day month, the unit Archie converts monthly request counts with. */
export const SECONDS_PER_MONTH = 2_592_000;
export const SECONDS_PER_DAY = 86_400;

export type Period = "second" | "minute" | "hour" | "day" | "week" | "month" | "year";

const SECONDS: Record<Period, number> = {
  second: 1,
  minute: 60,
  hour: 3_600,
  day: SECONDS_PER_DAY,
  week: 7 * SECONDS_PER_DAY,
  month: SECONDS_PER_MONTH,
  year: 12 * SECONDS_PER_MONTH,
};

/**
 * "per day", "a month", "/mo", "each week", "daily", "per annum": the `{per}` group holds
 * the unit word, `{perWord}` the adverb form; read them with `periodWord`. Use once per regex.
 */
export const PER_PERIOD = String.raw`(?:\s?/\s?|\s(?:per|a|an|each|every|in a|in one)\s)(?<per>seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|mths?|years?|yrs?|y|annum|quarters?|qtrs?)(?![a-zA-Z\u00C0-\u024F])|\s?(?<perWord>daily|hourly|weekly|monthly|yearly|annually|quarterly|pm|p/m|pa|p/a)(?![a-zA-Z\u00C0-\u024F])`;

export function periodWord(match: RegExpExecArray): string | undefined {
  return match.groups?.["per"] ?? match.groups?.["perWord"];
}

/**
 * The period a unit word names. A bare "m" is ambiguous: requests per "m" are per minute,
 * money per "m" is per month, so the caller says which.
 */
export function periodOf(word: string | undefined, bareM: "minute" | "month"): Period | undefined {
  if (word === undefined) return undefined;
  const w = word.toLowerCase();
  if (w === "m") return bareM;
  if (/^(?:s|secs?|seconds?)$/.test(w)) return "second";
  if (/^(?:mins?|minutes?)$/.test(w)) return "minute";
  if (/^(?:h|hrs?|hours?|hourly)$/.test(w)) return "hour";
  if (/^(?:d|days?|daily)$/.test(w)) return "day";
  if (/^(?:w|wks?|weeks?|weekly)$/.test(w)) return "week";
  if (/^(?:mos?|mths?|months?|monthly|pm|p\/m)$/.test(w)) return "month";
  if (/^(?:y|yrs?|years?|annum|yearly|annually|pa|p\/a)$/.test(w)) return "year";
  return undefined;
}

/** Quarters are not a `Period` (nothing is counted per quarter) but growth is quoted per quarter. */
export function isQuarter(word: string | undefined): boolean {
  return word !== undefined && /^(?:quarters?|qtrs?|quarterly)$/i.test(word);
}

export function secondsIn(period: Period): number {
  return SECONDS[period];
}

/** How many months a period spans (a week is 7/30 of a 30-day month). */
export function monthsIn(period: Period): number {
  return SECONDS[period] / SECONDS_PER_MONTH;
}
