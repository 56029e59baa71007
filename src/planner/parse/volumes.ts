import { PER_PERIOD, periodOf, periodWord, secondsIn, SECONDS_PER_DAY } from "./periods.js";
import { parseQuantity } from "./numbers.js";
import { type ParseState, addProblem, claim, clauseAfter, clauseBefore, eachQuantity, groupSpan, isClaimed, negatedBefore, quantityMatches, rx } from "./state.js";
import { USER_NOUN } from "./users.js";

/**
 * Volumes of things written and read: "10 million pastes created a month", "100 million paste
 * views a month", "500 million tweets a day", "10 billion searches a month", and the same said
 * per user ("each user posts 20 messages a day", "20 messages per user per day").
 */

const WORD_END = String.raw`(?![a-zA-Z\u00C0-\u024F])`;
// Things that are created or changed. Orders, bookings and rides stay domain facts (ordersPerDay):
// where the domain converts orders to users each drives a whole checkout; elsewhere they are writes.
const WRITE_NOUN = String.raw`(?:writes|write requests|write operations|inserts|updates|uploads|messages|posts|tweets|comments|likes|reactions|pastes|snippets|events|pings|heartbeats|readings|measurements|samples|data points|location updates|check-ins|transactions|payments|transfers|photos|images|files|videos|documents|records|entries|rows|links crawled|pages crawled|urls crawled|pages fetched|links|signups|sign-ups|submissions|tickets|logs|log lines|clicks|votes|edits|notifications|emails|texts|sms)`;
const READ_NOUN = String.raw`(?:reads|read requests|read operations|views|page views|pageviews|searches|search requests|queries|lookups|loads|timeline loads|feed loads|page loads|downloads|fetches|visits|impressions|plays|listens|opens)`;
const ACTION = String.raw`(?:created|written|sent|posted|uploaded|made|placed|stored|added|generated|produced|ingested|recorded|crawled|fetched|indexed|processed|submitted|published|shared|served|viewed|read|run|performed|executed|delivered)`;
// Words that may qualify the counted thing ("paste views", "friend searches", "new tweets"), but
// never a person, a joining word or another count: "5M users send messages" is about users.
const QUALIFIER = String.raw`(?:(?!(?:${USER_NOUN}|and|or|but|with|per|each|every|a|an|the|of|to|in|for|on|at|from|than|is|are|about|around)${WORD_END})[a-z][a-z-]*\s){0,2}?`;
const VOLUME = rx(
  String.raw`{n}\s(?:${QUALIFIER})(?<noun>${WRITE_NOUN}|${READ_NOUN})(?:\s${ACTION})?(?:\s(?:on average|in total|total|overall))?(?:\s(?:per|for each|for every|a|an|each)\s(?<who>${USER_NOUN}))?(?:${PER_PERIOD})`,
);
// "each month we get 10M messages", "per day: 500 million tweets": the period comes first.
const PERIOD_FIRST = rx(
  String.raw`(?<![a-zA-Z\u00C0-\u024F])(?:each|every|per|in a|in one)\s(?<per>second|minute|hour|day|week|month|year)[,:]?\s(?:(?:we|it|they|the system|the platform)\s(?:get|gets|see|sees|handle|handles|process|processes|expect|expects|store|stores|serve|serves|receive|receives|ingest|ingests)\s)?(?:about\s|around\s|roughly\s|~\s?)?{n}\s(?:${QUALIFIER})(?<noun>${WRITE_NOUN}|${READ_NOUN})${WORD_END}`,
);
const READ_NOUN_ONLY = new RegExp(`^${READ_NOUN}$`, "u");
// "each user posts…", "a typical member sends…", "every driver…": the volume that follows is per person.
// "1M MAU, each sending ~40 messages a day": a bare "each" before the verb refers to the people just counted.
const PER_PERSON_BEFORE = new RegExp(String.raw`(?:^|\s)(?:(?:each|every|a|a typical|the typical|an average|the average|a single|one|per|an active|a daily)\s(?:active\s|daily\s|single\s)?(?:${USER_NOUN})|each(?=\s(?!(?:second|minute|hour|day|week|month|year)${WORD_END})[a-z]))(?:\s\S+){0,3}\s?$`, "u");
const PER_PERSON_AFTER = new RegExp(String.raw`^\s?(?:each|apiece|per (?:${USER_NOUN})|for each (?:${USER_NOUN})|for every (?:${USER_NOUN}))${WORD_END}`, "u");

/** Per second for a period that is at most a year; undefined for no period. */
function perSecondScale(match: RegExpExecArray): number | undefined {
  const period = periodOf(periodWord(match), "month");
  return period === undefined ? undefined : 1 / secondsIn(period);
}

const sixDigits = (n: number) => Number(n.toPrecision(6));

/** Writes and reads per period, in total or per user. */
export function readVolumes(state: ParseState): void {
  for (const pattern of [VOLUME, PERIOD_FIRST]) readVolumesOf(state, pattern);
}

function readVolumesOf(state: ParseState, pattern: RegExp): void {
  eachQuantity(state, pattern, (value, match) => {
    const scale = perSecondScale(match);
    const noun = match.groups?.["noun"];
    if (scale === undefined || noun === undefined) return false;
    const reads = READ_NOUN_ONLY.test(noun);
    const end = match.index + match[0].length;
    const perPerson = match.groups?.["who"] !== undefined
      || PER_PERSON_BEFORE.test(clauseBefore(state.text, match.index, 60))
      || PER_PERSON_AFTER.test(clauseAfter(state.text, end));
    const negated = negatedBefore(state.text, match.index);
    if (perPerson) {
      const toDaily = (n: number) => sixDigits(n * scale * SECONDS_PER_DAY);
      state.findings.push({ field: reads ? "readsPerUserPerDay" : "writesPerUserPerDay", value: toDaily(value), index: match.index, negated, weak: false, noun, withAmount: toDaily });
      return true;
    }
    const toRps = (n: number) => sixDigits(n * scale);
    state.findings.push({ field: reads ? "readRps" : "writeRps", value: toRps(value), index: match.index, negated, weak: false, noun, withAmount: toRps });
    return true;
  });
}

// Things that report on their own: a fleet of N, each sending every S seconds, writes N ÷ S a second.
const FLEET_NOUN = String.raw`(?:trucks?|vehicles?|cars?|vans?|buses|bikes?|scooters?|drones?|ships?|vessels?|devices?|sensors?|meters?|smart meters?|thermostats?|cameras?|trackers?|gateways?|machines?|robots?|phones?|homes?|households?|buildings?|stores?|assets?|tags?|beacons?|wearables?|watches|servers?|containers?)`;
const INTERVAL = rx(String.raw`(?:every|each)\s(?:{n}\s?)?(?<unit>seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h)${WORD_END}`);
const SENTENCE_BREAK = /[;!?]|\.(?!\d)/gu;
const COUNTED = rx(String.raw`{n}\s(?:${QUALIFIER})(?<thing>${FLEET_NOUN}|${USER_NOUN})${WORD_END}`);
const SUBJECT = new RegExp(String.raw`(?:each|every|per|a typical|the average)\s(?:active\s|connected\s|single\s)?(?<thing>${FLEET_NOUN}|${USER_NOUN})${WORD_END}`, "u");
const READ_VERB = /(?<![a-zA-Z\u00C0-\u024F])(?:refresh\w*|poll\w*|checks?|checking|loads?|loading|reads?|reading the|fetch\w*|views?|viewing|opens?|opening|pulls?|pulling)(?![a-zA-Z\u00C0-\u024F])/u;
const GENERIC_PERSON = /^(?:users?|people|persons?|members?|customers?|actives?|clients?)$/u;

const stem = (noun: string) => noun.replace(/(?:es|s)$/u, "");

function sentenceBefore(text: string, index: number): { start: number; text: string } {
  const window = text.slice(Math.max(0, index - 160), index);
  let start = 0;
  for (const match of window.matchAll(SENTENCE_BREAK)) start = match.index + match[0].length;
  return { start: index - window.length + start, text: window.slice(start) };
}

function intervalSeconds(state: ParseState, match: RegExpExecArray): number | undefined {
  const raw = match.groups?.["n"];
  const count = raw === undefined ? 1 : parseQuantity(raw);
  const unit = match.groups?.["unit"] ?? "";
  const period = periodOf(unit, "minute");
  if (count === undefined || count <= 0 || period === undefined) return undefined;
  const span = groupSpan(match, "n");
  if (span !== undefined && isClaimed(state, span[0], span[1])) return undefined;
  return count * secondsIn(period);
}

/** The count of `thing` stated anywhere in the text ("20k drivers"), read as its own number. */
function countOf(state: ParseState, thing: string): number | undefined {
  const wanted = stem(thing);
  for (const match of quantityMatches(state, COUNTED)) {
    const found = match.groups?.["thing"];
    if (found !== undefined && stem(found) === wanted) return parseQuantity(match.groups?.["n"] ?? "");
  }
  return undefined;
}

/**
 * Reports at an interval: "3 million trucks, each pinging its location every 5 seconds"
 * (600,000 writes a second), "every driver sends a location every 4 seconds" (per driver: with a
 * count of drivers stated, their total; otherwise 21,600 writes per daily user).
 */
export function readIntervals(state: ParseState): void {
  for (const match of quantityMatches(state, INTERVAL)) {
    const seconds = intervalSeconds(state, match);
    if (seconds === undefined) continue;
    const sentence = sentenceBefore(state.text, match.index);
    const counted = [...sentence.text.matchAll(COUNTED)].at(-1);
    const subject = SUBJECT.exec(sentence.text);
    const reads = READ_VERB.test(sentence.text.slice(subject?.index ?? counted?.index ?? 0));
    const negated = negatedBefore(state.text, sentence.start + (counted?.index ?? subject?.index ?? 0));
    const span = groupSpan(match, "n");
    let count = counted === undefined ? undefined : parseQuantity(counted.groups?.["n"] ?? "");
    const thing = counted?.groups?.["thing"] ?? subject?.groups?.["thing"];
    const subjectThing = subject?.groups?.["thing"];
    if (count === undefined && subjectThing !== undefined && !GENERIC_PERSON.test(subjectThing)) count = countOf(state, subjectThing);
    if (count === undefined && subject === undefined) continue;
    const noun = `${thing ?? "report"} reports`;
    if (count !== undefined) {
      const rate = Number((count / seconds).toPrecision(6));
      state.findings.push({ field: reads ? "readRps" : "writeRps", value: rate, index: match.index, negated, weak: false, noun });
    } else {
      const perDay = Number((SECONDS_PER_DAY / seconds).toPrecision(6));
      state.findings.push({ field: reads ? "readsPerUserPerDay" : "writesPerUserPerDay", value: perDay, index: match.index, negated, weak: false, noun });
    }
    if (span !== undefined) claim(state, span[0], span[1]);
  }
}

const UNREAD = rx(String.raw`{n}(?:\s[a-z][a-z-]*){0,3}?(?:${PER_PERIOD})`);

/**
 * A count over a period that no rule read ("30 frobs a minute"): said back to the user with the
 * sentence that would let Archie use it, rather than silently assumed away.
 */
export function reportUnread(state: ParseState): void {
  for (const match of quantityMatches(state, UNREAD)) {
    const span = groupSpan(match, "n");
    if (span === undefined || isClaimed(state, span[0], span[1]) || negatedBefore(state.text, match.index)) continue;
    const said = state.cased.slice(match.index, match.index + match[0].length).trim();
    const period = periodOf(periodWord(match), "minute") ?? "day";
    addProblem(state, `"${said}" was not read as traffic; if it is, say "${match.groups?.["n"] ?? "N"} writes a ${period}" or "${match.groups?.["n"] ?? "N"} reads a ${period}"`);
  }
}
