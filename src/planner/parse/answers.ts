import { defaultCurrency } from "./budget.js";
import { QUANTITY, parseQuantity } from "./numbers.js";
import { type Finding, type ParseState, type ScalarField, groupSpan, isClaimed, negatedBefore, quantityMatches, rx } from "./state.js";

// A number nobody has read yet, with the unit that may follow it ("50k", "6x", "30%", "1.5s", "10:1").
const LEFTOVER = rx(String.raw`{n}(?<unit>\s?(?:%|x(?![a-zA-Z\u00C0-\u024F])|×|ms(?![a-zA-Z\u00C0-\u024F])|s(?![a-zA-Z\u00C0-\u024F])|secs?(?![a-zA-Z\u00C0-\u024F])|seconds?(?![a-zA-Z\u00C0-\u024F])|:\s?(?<second>${QUANTITY})))?(?!\s?(?:gb|tb|mb|kb|pb|hours?|days?|weeks?|months?|years?|minutes?|mins?|regions?|zones?|instances|servers|nodes|engineers|developers|devs|people|team)(?![a-zA-Z\u00C0-\u024F]))`);
const CORRECTION_CUE = /(?:(?<![a-zA-Z\u00C0-\u024F])(?:actually|make it|make that|i meant|i mean|correction|sorry|rather|more like|no|instead|but|it's|it is|really)[,:]?)\s?(?:about|around|~|≈|closer to)?\s?$/u;

type Leftover = { value: number; index: number; unit: string; second: number | undefined; span: [number, number] };

// Three rules read the bare numbers of a message. Finding them does not depend on what other rules
// have claimed, so the scan runs once per message and only the claims are checked on each read.
const scanned = new WeakMap<ParseState, Leftover[]>();

function scan(state: ParseState): Leftover[] {
  const found: Leftover[] = [];
  for (const match of quantityMatches(state, LEFTOVER)) {
    const span = groupSpan(match, "n");
    const value = parseQuantity(match.groups?.["n"] ?? "");
    if (span === undefined || value === undefined || negatedBefore(state.text, match.index)) continue;
    const secondRaw = match.groups?.["second"];
    found.push({ value, index: match.index, unit: (match.groups?.["unit"] ?? "").trim().replace(/:.*/u, ":"), second: secondRaw === undefined ? undefined : parseQuantity(secondRaw), span });
  }
  return found;
}

function leftovers(state: ParseState): Leftover[] {
  let found = scanned.get(state);
  if (found === undefined) {
    found = scan(state);
    scanned.set(state, found);
  }
  return found.filter(({ span }) => !isClaimed(state, span[0], span[1]));
}

/**
 * "5k DAU, actually 50k", "not 600 rpm but 900": a bare number right after a correction word
 * replaces the statement just before it, in that statement's unit.
 */
export function readCorrections(state: ParseState): void {
  for (const leftover of leftovers(state)) {
    if (leftover.unit !== "" || !CORRECTION_CUE.test(state.text.slice(Math.max(0, leftover.index - 30), leftover.index))) continue;
    const previous = state.findings.filter((f) => f.index < leftover.index && f.withAmount !== undefined).sort((a, b) => b.index - a.index)[0];
    if (previous === undefined) continue;
    state.findings.push(reread(previous, leftover.value, leftover.index));
  }
}

const PEAK_NEXT_TO = /(?:^\s?(?:at peak|at peaks|peak|max|maximum|at the peak|(?:during|on|at) (?:peaks?|spikes?|black friday|(?:flash )?sales|launch(?:es)?|rush hour|the holidays))(?![a-z]))|(?:(?<![a-z])(?:peak|peaks|peaking|max|maximum|spikes?|spiking)(?:\s(?:of|at|is|to|around|about|up to))?\s?$)/u;
const AVERAGE_NEXT_TO = /(?:^\s?(?:average|avg|on average|mean|steady)(?![a-z]))|(?:(?<![a-z])(?:average|avg|mean|steady)(?:\s(?:of|at|is|around|about))?\s?$)/u;

/**
 * "50 RPS avg, 500 peak": a bare number next to "peak" or "average" is a rate in the unit of the
 * rate stated just before it.
 */
export function readSiblingRates(state: ParseState): void {
  for (const leftover of leftovers(state)) {
    if (leftover.unit !== "") continue;
    const before = state.text.slice(Math.max(0, leftover.index - 20), leftover.index);
    const rest = state.text.slice(leftover.index).replace(/^\S+/u, "").slice(0, 20);
    const peak = PEAK_NEXT_TO.test(before) || PEAK_NEXT_TO.test(rest);
    const average = AVERAGE_NEXT_TO.test(before) || AVERAGE_NEXT_TO.test(rest);
    if (peak === average) continue;
    const rate = state.findings
      .filter((f) => (f.field === "avgRps" || f.field === "peakRps") && f.index < leftover.index && !f.negated)
      .sort((a, b) => b.index - a.index)[0];
    if (rate?.withAmount === undefined) continue;
    const value = (rate.withAmount as (n: number) => number)(leftover.value);
    state.findings.push({ field: peak ? "peakRps" : "avgRps", value, index: leftover.index, negated: false, weak: false, withAmount: rate.withAmount as (n: number) => number });
  }
}

function reread(finding: Finding, amount: number, index: number): Finding {
  // The spread keeps `field` and `withAmount` paired, which the union type cannot see through.
  const withAmount = finding.withAmount as ((n: number) => Finding["value"]) | undefined;
  return { ...finding, value: withAmount === undefined ? finding.value : withAmount(amount), index, negated: false, weak: false } as Finding;
}

const COUNT_FIELDS = new Set<ScalarField>(["dau", "mau", "concurrentUsers", "avgRps", "peakRps", "ordersPerDay", "videoHoursWatchedPerDay"]);

/** The value a bare answer gives the field Archie asked about, or undefined when it does not fit. */
function answerValue(state: ParseState, field: ScalarField, leftover: Leftover): Finding | undefined {
  const { value, unit, second, index } = leftover;
  const base = { index, negated: false, weak: false };
  if (COUNT_FIELDS.has(field)) return unit === "" ? ({ ...base, field, value } as Finding) : undefined;
  switch (field) {
    case "budget":
      return unit === "" ? { ...base, field, value: { amount: value, currency: defaultCurrency(state), period: "month" } } : undefined;
    case "latencyP95Ms":
      if (unit === "" || unit === "ms") return { ...base, field, value };
      return /^s/u.test(unit) ? { ...base, field, value: value * 1000 } : undefined;
    case "availability":
    case "growthPercentPerMonth":
      return unit === "" || unit === "%" ? { ...base, field, value } : undefined;
    case "peakFactor":
      return unit === "" || unit === "x" || unit === "×" ? { ...base, field, value } : undefined;
    case "readWriteRatio":
      if (unit === ":") return second === undefined || second === 0 ? undefined : { ...base, field, value: Number((value / second).toPrecision(6)) };
      return unit === "" ? { ...base, field, value } : undefined;
    default:
      return undefined;
  }
}

/**
 * When Archie has just asked about a field, a bare answer ("50k", "about 2 grand", "$2k", "6x",
 * "99.9") is that field. The last usable number wins, as in "5k… no, 50k".
 */
export function readExpectedAnswer(state: ParseState, field: ScalarField): void {
  if (state.findings.some((f) => f.field === field && !f.negated)) return;
  const answers = leftovers(state)
    .map((leftover) => answerValue(state, field, leftover))
    .filter((finding): finding is Finding => finding !== undefined);
  const last = answers.at(-1);
  if (last !== undefined) state.findings.push(last);
}
