import { allMatches } from "./matches.js";
import { FILLER } from "./numbers.js";
import { PER_PERIOD, periodOf, periodWord, secondsIn } from "./periods.js";
import { type ParseState, clauseAfter, clauseBefore, eachQuantity, negatedBefore, rx } from "./state.js";

// Requests of every kind; a count of a named thing ("queries", "messages", "page views") is a volume (volumes.ts).
const REQUESTS = String.raw`(?:requests?|reqs?|calls|api calls|hits)`;

const RULES: Array<{ pattern: RegExp; perSecond: (match: RegExpExecArray) => number | undefined }> = [
  { pattern: rx(String.raw`{n}\s?(?:rps|qps|tps|reqs?/s(?:ec)?|requests?/s(?:ec)?)(?![a-zA-Z\u00C0-\u024F])`), perSecond: () => 1 },
  { pattern: rx(String.raw`{n}\s?(?:rpm|reqs?/min|requests?/min)(?![a-zA-Z\u00C0-\u024F])`), perSecond: () => 1 / 60 },
  {
    pattern: rx(String.raw`{n}\s?${REQUESTS}(?:${PER_PERIOD})`),
    perSecond: (match) => {
      const period = periodOf(periodWord(match), "minute");
      return period === undefined ? undefined : 1 / secondsIn(period);
    },
  },
  { pattern: rx(String.raw`(?:rps|qps|requests per second|throughput)${FILLER}{n}(?!\s?(?:%|x|ms|s\b))`), perSecond: () => 1 },
];

const PEAK_CUE = /(?<![a-zA-Z\u00C0-\u024F])(?:peak\w*|spik\w*|max|maximum|burst\w*|top(?:s|ping)? out|up to|at most|highest|busiest|rush|surg\w*)(?![a-zA-Z\u00C0-\u024F])/gu;
const AVERAGE_CUE = /(?<![a-zA-Z\u00C0-\u024F])(?:average|avg|mean|steady|baseline|typical(?:ly)?|normal(?:ly)?|usual(?:ly)?|sustained|on average|typical day)(?![a-zA-Z\u00C0-\u024F])/gu;

/** Distance from the number to the nearest cue in the same clause, or Infinity. */
function nearest(cue: RegExp, before: string, after: string): number {
  let best = Infinity;
  for (const match of allMatches(cue, before)) best = Math.min(best, before.length - match.index);
  for (const match of allMatches(cue, after)) best = Math.min(best, match.index + 1);
  return best;
}

/**
 * Request rates. "peak/spike/max/burst/up to" in the same clause makes a rate the peak; otherwise
 * (including "average", "steady", or no word at all) it is the average. The nearer cue wins when
 * both appear ("800 rps at peak vs 300 average" is cut at "vs").
 */
export function readTraffic(state: ParseState): void {
  for (const rule of RULES) {
    eachQuantity(state, rule.pattern, (value, match) => {
      const scale = rule.perSecond(match);
      if (scale === undefined) return false;
      const end = match.index + match[0].length;
      const before = clauseBefore(state.text, match.index);
      const after = clauseAfter(state.text, end);
      const peakCue = nearest(PEAK_CUE, before, after);
      const averageCue = nearest(AVERAGE_CUE, before, after);
      // With no cue either way, an answer to "what is your peak traffic?" is the peak.
      const peak = peakCue < averageCue || (peakCue === Infinity && averageCue === Infinity && state.expecting === "peakRps");
      // A converted rate keeps six significant digits; a rate stated per second stays exactly as stated.
      const toRps = (n: number) => (scale === 1 ? n : Number((n * scale).toPrecision(6)));
      state.findings.push({
        field: peak ? "peakRps" : "avgRps",
        value: toRps(value),
        index: match.index,
        negated: negatedBefore(state.text, match.index),
        weak: false,
        withAmount: toRps,
      });
      return true;
    });
  }
}
