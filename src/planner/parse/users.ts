import { FILLER } from "./numbers.js";
import { type Finding, type ParseState, eachQuantity, negatedBefore, rx } from "./state.js";

/** The people a product serves, in every domain Archie knows, singular or plural. */
export const USER_NOUN = String.raw`(?:users?|visitors?|players?|gamers?|customers?|members?|subscribers?|people|persons?|viewers?|listeners?|readers?|riders?|drivers?|couriers?|passengers?|shoppers?|buyers?|sellers?|merchants?|vendors?|guests?|patients?|doctors?|clinicians?|nurses?|students?|learners?|teachers?|employees?|staff|workers?|tenants?|clients?|fans?|creators?|traders?|investors?|developers?|actives?)`;
const WHO = USER_NOUN;
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
const PLAIN = [
  rx(String.raw`{n}\s?(?:active\s|registered\s|total\s|paying\s|unique\s)?(?:users|players|gamers|members|subscribers|customers|visitors|viewers|listeners|readers|riders|drivers|couriers|passengers|shoppers|buyers|sellers|merchants|vendors|guests|patients|doctors|clinicians|nurses|students|learners|teachers|employees|staff|staff members|workers|tenants|clients|fans|creators|traders|investors|developers)(?![a-zA-Z\u00C0-\u024F])`),
  // "a 200-person company", "a 3,000-employee firm": the head count is who may use it in a month.
  rx(String.raw`{n}[- ](?:person|people|employee|staff|seat|user|strong)\s(?:[a-z-]+\s)?(?:company|firm|organi[sz]ation|org|team|business|startup|agency|enterprise|hospital|school|university|office|department)(?![a-zA-Z\u00C0-\u024F])`),
];

type UserField = "dau" | "mau" | "concurrentUsers";
const NAMED_GROUP = new RegExp(String.raw`(?<![a-zA-Z\u00C0-\u024F])${USER_NOUN}(?![a-zA-Z\u00C0-\u024F])`, "u");
const GENERIC = /^(?:users?|people|persons?|actives?|members?|customers?)$/u;

/** The kind of person counted when it names a side of the product ("riders", "drivers"), not plain "users". */
function groupOf(match: RegExpExecArray): string | undefined {
  const found = NAMED_GROUP.exec(match[0].slice(match.groups?.["n"]?.length ?? 0));
  return found === null || GENERIC.test(found[0]) ? undefined : found[0].replace(/s$/u, "");
}

function read(state: ParseState, patterns: RegExp[], field: UserField): Array<{ index: number; group: string | undefined }> {
  const read: Array<{ index: number; group: string | undefined }> = [];
  for (const pattern of patterns) {
    eachQuantity(state, pattern, (value, match) => {
      state.findings.push({ field, value, index: match.index, negated: negatedBefore(state.text, match.index), weak: false, withAmount: (n) => n });
      read.push({ index: state.findings.length - 1, group: groupOf(match) });
      return true;
    });
  }
  return read;
}

/**
 * "150k daily riders and 20k drivers": each side of a product counted in one message adds up, and
 * an unqualified count beside a daily (or monthly) one is read the same way.
 */
function addUpGroups(state: ParseState, qualified: Array<{ index: number; group: string | undefined }>, plain: Array<{ index: number; group: string | undefined }>): void {
  const groups = new Set(qualified.map((entry) => entry.group));
  if (qualified.length === 0 || groups.has(undefined)) return;
  const field = state.findings[qualified[0]!.index]!.field;
  for (const entry of qualified) state.findings[entry.index] = { ...state.findings[entry.index]!, noun: entry.group } as Finding;
  for (const entry of plain) {
    if (entry.group === undefined || groups.has(entry.group)) continue;
    const finding = state.findings[entry.index]!;
    state.findings[entry.index] = { ...finding, field, noun: entry.group } as Finding;
  }
}

const OFFICE_HOURS = /(?<![a-zA-Z\u00C0-\u024F])(?:(?:office|business|working|work) hours|9[- ]to[- ]5|nine[- ]to[- ]five|during the work ?day)(?![a-zA-Z\u00C0-\u024F])/u;
/** Eight busy hours of twenty-four: the day's traffic arrives at three times the daily average. */
const OFFICE_HOURS_PEAK = 3;

/** Concurrent users, daily and monthly actives, and plain user counts (read as monthly). */
export function readUsers(state: ParseState): void {
  read(state, CONCURRENT, "concurrentUsers");
  const daily = read(state, DAILY, "dau");
  const monthly = read(state, MONTHLY, "mau");
  // Asked "how many daily users?", an answer of "50k users" means daily.
  const plainField = state.expecting === "dau" || state.expecting === "concurrentUsers" ? state.expecting : "mau";
  const plain = read(state, PLAIN, plainField);
  if (plainField !== "mau") return;
  const qualified = daily.length > 0 ? daily : monthly;
  if (qualified.length > 0) addUpGroups(state, qualified, plain);
  else addUpGroups(state, plain, []);
  const office = OFFICE_HOURS.exec(state.text);
  if (office !== null) state.findings.push({ field: "peakFactor", value: OFFICE_HOURS_PEAK, index: office.index, negated: false, weak: true });
}
