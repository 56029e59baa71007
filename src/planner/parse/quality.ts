import { allMatches } from "./matches.js";
import { FILLER } from "./numbers.js";
import { type ParseState, addProblem, clauseAfter, clauseBefore, eachQuantity, negatedBefore, rx } from "./state.js";

const UNIT = String.raw`\s?(?<unit>ms|msec|millis(?:econds?)?|milliseconds?|s|secs?|seconds?)(?![a-zA-Z\u00C0-\u024F])`;
const LATENCY_CUE = String.raw`(?:latency|response times?|responses?|respond|responds|page loads?|loads?|api calls?|requests?)`;
const LATENCY = [
  rx(String.raw`(?<![a-zA-Z\u00C0-\u024F])p(?<pct>\d{2}(?:\.\d+)?)(?:\s(?:latency|response time))?${FILLER}{n}${UNIT}`),
  rx(String.raw`{n}${UNIT}(?:\s(?:at|for|on))?\s?(?:the\s)?p(?<pct>\d{2}(?:\.\d+)?)(?![0-9])`),
  rx(String.raw`${LATENCY_CUE}(?:\s(?:target|budget|goal|sla|slo|time))?(?:\s(?:in|within|under|below))?${FILLER}(?:sub-)?{n}${UNIT}`),
  rx(String.raw`(?:sub-?)?{n}\s?(?<unit>ms|msec|milliseconds?)(?![a-zA-Z\u00C0-\u024F])`),
];
const PERCENTILE_WORD = /(?<![a-zA-Z\u00C0-\u024F])(?:p|tp)(\d{2}(?:\.\d+)?)(?![0-9])|(\d{2})(?:th)? percentile/u;

/** p95 latency in milliseconds: "p95 280ms", "p95 < 200 ms", "latency under 300ms", "1s p95". */
export function readLatency(state: ParseState): void {
  for (const pattern of LATENCY) {
    eachQuantity(state, pattern, (value, match) => {
      const unit = match.groups?.["unit"] ?? "ms";
      const toMs = (n: number) => (/^m/.test(unit) ? n : Number((n * 1000).toPrecision(12)));
      const context = clauseBefore(state.text, match.index) + " " + match[0] + " " + clauseAfter(state.text, match.index + match[0].length);
      const percentile = match.groups?.["pct"] ?? (PERCENTILE_WORD.exec(context)?.slice(1).find((p) => p !== undefined));
      if (percentile !== undefined && percentile !== "95") {
        // Archie plans to a p95 target; quietly treating a p99 or median as p95 would change the design.
        addProblem(state, `only a p95 latency target is planned for; the p${percentile} target (${toMs(value)} ms) was not used`);
        return true;
      }
      state.findings.push({ field: "latencyP95Ms", value: toMs(value), index: match.index, negated: negatedBefore(state.text, match.index), weak: false, withAmount: toMs });
      return true;
    });
  }
}

const NINES: Record<string, number> = { two: 99, "2": 99, three: 99.9, "3": 99.9, four: 99.99, "4": 99.99, five: 99.999, "5": 99.999, six: 99.9999, "6": 99.9999 };
const HALF_NINES: Record<string, number> = { two: 99.5, "2": 99.5, three: 99.95, "3": 99.95, four: 99.995, "4": 99.995 };
const NINES_PATTERN = /(?<![\w\u00C0-\u024F])(two|three|four|five|six|[2-6])(\sand\sa\shalf)?\s(?:nines|9s)(?![a-zA-Z\u00C0-\u024F])/gu;
const AVAILABILITY_CUE = String.raw`(?:uptime|availability|available|sla|slo)`;
const AVAILABILITY_CUE_WORD = new RegExp(String.raw`(?<![a-zA-Z\u00C0-\u024F])${AVAILABILITY_CUE}(?![a-zA-Z\u00C0-\u024F])`, "u");
const AVAILABILITY = [
  rx(String.raw`{n}\s?%?\s?(?:${AVAILABILITY_CUE})(?![a-zA-Z\u00C0-\u024F])`),
  rx(String.raw`(?:uptime|availability|sla|slo)${FILLER}{n}\s?%?`),
  rx(String.raw`{n}\s?%`),
];

/**
 * Availability as a percentage: "99.9%", "99.99 uptime", "three nines", "four nines".
 * A bare percentage counts only when it starts with 99 or an uptime word is in the same clause,
 * so "90% reads" or "30% growth" are never read as availability.
 */
export function readAvailability(state: ParseState): void {
  for (const match of allMatches(NINES_PATTERN, state.text)) {
    const table = match[2] === undefined ? NINES : HALF_NINES;
    const value = table[match[1] ?? ""];
    if (value !== undefined) state.findings.push({ field: "availability", value, index: match.index, negated: false, weak: false });
  }
  AVAILABILITY.forEach((pattern, rule) => {
    eachQuantity(state, pattern, (value, match) => {
      // Without a percent sign only a number that looks like a percentage is one ("99.95 uptime").
      if (!match[0].includes("%") && !(value >= 90 && value <= 100)) return false;
      if (rule === 2) {
        const near = clauseBefore(state.text, match.index) + " " + clauseAfter(state.text, match.index + match[0].length);
        if (!AVAILABILITY_CUE_WORD.test(near) && !/^99(?:\.\d+)?\s?%$/.test(match[0].trim())) return false;
      }
      state.findings.push({ field: "availability", value, index: match.index, negated: negatedBefore(state.text, match.index), weak: false, withAmount: (n) => n });
      return true;
    });
  });
}
