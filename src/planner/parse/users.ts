import { FILLER } from "./numbers.js";
import { type ParseState, eachQuantity, negatedBefore, rx } from "./state.js";

const WHO = String.raw`(?:users?|visitors?|players?|customers?|members?|subscribers?|people|viewers?|actives?)`;
const PER_DAY = String.raw`(?:\s(?:a|per|each|every)\s|\s?/\s?)day(?![a-zA-Z\u00C0-\u024F])|\s(?:daily|every day|each day)(?![a-zA-Z\u00C0-\u024F])`;
const PER_MONTH = String.raw`(?:\s(?:a|per|each|every)\s|\s?/\s?)month(?![a-zA-Z\u00C0-\u024F])|\s(?:monthly|every month|each month)(?![a-zA-Z\u00C0-\u024F])`;

const CONCURRENT = [
  rx(String.raw`{n}\s?(?:ccu|concurrent(?:ly connected)?|simultaneous|parallel)(?:\s(?:users|players|connections|viewers|clients|sessions|sockets|websockets?|streams|devices))?(?![a-zA-Z\u00C0-\u024F])`),
  rx(String.raw`{n}\s?(?:users|players|viewers|connections|clients)(?:\s(?:online|connected))?\s(?:at once|at the same time|simultaneously|concurrently|online at any time)`),
  rx(String.raw`(?:ccu|concurrent (?:users|players|connections|viewers)|concurrency)${FILLER}{n}`),
];
const DAILY = [
  rx(String.raw`{n}\s?(?:dau|daily active ${WHO}|daily ${WHO}|daily actives)(?![a-zA-Z\u00C0-\u024F])`),
  rx(String.raw`{n}\s?(?:active\s|unique\s)?${WHO}(?:${PER_DAY})`),
  rx(String.raw`(?:dau|daily active users|daily users)${FILLER}{n}`),
  // "2M monthly users and 200k daily": the noun is left out of the second count.
  rx(String.raw`{n}\sdaily(?=\s?(?:[,.;!?)]|and |but |$))`),
];
const MONTHLY = [
  rx(String.raw`{n}\s?(?:mau|monthly active ${WHO}|monthly ${WHO}|monthly actives)(?![a-zA-Z\u00C0-\u024F])`),
  rx(String.raw`{n}\s?(?:active\s|unique\s)?${WHO}(?:${PER_MONTH})`),
  rx(String.raw`(?:mau|monthly active users|monthly users)${FILLER}{n}`),
  rx(String.raw`{n}\smonthly(?=\s?(?:[,.;!?)]|and |but |$))`),
];
// "10M users" with neither "daily" nor "monthly": read as monthly actives, the usual meaning of a
// headline user count (a count of registered accounts is at least that).
const PLAIN = [rx(String.raw`{n}\s?(?:active\s|registered\s|total\s|paying\s|unique\s)?(?:users|players|members|subscribers|customers|visitors)(?![a-zA-Z\u00C0-\u024F])`)];

function read(state: ParseState, patterns: RegExp[], field: "dau" | "mau" | "concurrentUsers"): void {
  for (const pattern of patterns) {
    eachQuantity(state, pattern, (value, match) => {
      state.findings.push({ field, value, index: match.index, negated: negatedBefore(state.text, match.index), weak: false, withAmount: (n) => n });
      return true;
    });
  }
}

/** Concurrent users, daily and monthly actives, and plain user counts (read as monthly). */
export function readUsers(state: ParseState): void {
  read(state, CONCURRENT, "concurrentUsers");
  read(state, DAILY, "dau");
  read(state, MONTHLY, "mau");
  // Asked "how many daily users?", an answer of "50k users" means daily.
  const plain = state.expecting === "dau" || state.expecting === "concurrentUsers" ? state.expecting : "mau";
  read(state, PLAIN, plain);
}
