import { PER_PERIOD, periodOf, periodWord, secondsIn, SECONDS_PER_DAY } from "./periods.js";
import { type ParseState, eachQuantity, negatedBefore, rx } from "./state.js";

// Deliveries, rides and bookings are the orders of their domains; they drive traffic the same way.
const ORDERS = String.raw`(?:orders|purchases|checkouts|deliveries|rides|trips|bookings|reservations)`;
const ORDER_RULES = [
  rx(String.raw`{n}\s?(?:new\s)?${ORDERS}(?:${PER_PERIOD})`),
  rx(String.raw`{n}\s?(?<perWord>daily|hourly|weekly|monthly)\s${ORDERS}(?![a-zA-Z\u00C0-\u024F])`),
];
const WATCHED = String.raw`(?:watched|viewed|streamed|of viewing|of watch ?time|of playback|of video watched|of video streamed|of video|of content watched)`;
const VIDEO_RULES = [
  rx(String.raw`{n}\s?(?:hours|hrs|h)\s${WATCHED}(?:${PER_PERIOD})`),
  rx(String.raw`{n}\s?(?:watch|viewing|streaming|video)\s?hours(?:${PER_PERIOD})`),
];

/** Converts a count over a period into a count per day (a month is 30 days). */
function perDay(match: RegExpExecArray): ((n: number) => number) | undefined {
  const period = periodOf(periodWord(match), "month");
  if (period === undefined || period === "second" || period === "minute") return undefined;
  const factor = SECONDS_PER_DAY / secondsIn(period);
  return (n) => Number((n * factor).toPrecision(12));
}

/** Domain facts: "50k orders a day" (ordersPerDay), "10k hours watched per day" (videoHoursWatchedPerDay). */
export function readFacts(state: ParseState): void {
  for (const pattern of ORDER_RULES) {
    eachQuantity(state, pattern, (value, match) => {
      const toDaily = perDay(match);
      if (toDaily === undefined) return false;
      state.findings.push({ field: "ordersPerDay", value: toDaily(value), index: match.index, negated: negatedBefore(state.text, match.index), weak: false, withAmount: toDaily });
      return true;
    });
  }
  for (const pattern of VIDEO_RULES) {
    eachQuantity(state, pattern, (value, match) => {
      const toDaily = perDay(match);
      if (toDaily === undefined) return false;
      state.findings.push({ field: "videoHoursWatchedPerDay", value: toDaily(value), index: match.index, negated: negatedBefore(state.text, match.index), weak: false, withAmount: toDaily });
      return true;
    });
  }
}
