import { allMatches } from "./matches.js";
import { FILLER, parseQuantity } from "./numbers.js";
import { type ParseState, addProblem, claim, clauseAfter, clauseBefore, eachQuantity, groupSpan, isClaimed, negatedBefore, quantityMatches, rx } from "./state.js";

const RATIO = rx(String.raw`{a}\s?(?::|/|to)\s?{b}(?![0-9])`);
const READ_WRITE_CUE = /(?<![a-zA-Z\u00C0-\u024F])(?:reads?|writes?|r\s?[:/]\s?w|w\s?[:/]\s?r|read[- ]heavy|write[- ]heavy)(?![a-zA-Z\u00C0-\u024F])/gu;
const PERCENT_OF = [
  rx(String.raw`{n}\s?%\s?(?:of (?:traffic|requests|queries|operations|ops|calls) (?:is |are )?)?(?<kind>reads?|writes?)(?![a-zA-Z\u00C0-\u024F])`),
  rx(String.raw`(?<kind>reads?|writes?)(?: are| is| make up| account for| at)?${FILLER}{n}\s?%`),
];
const PER_WRITE = rx(String.raw`{n}\s?reads?\s(?:per|for every|for each|to every|to each|to one|to a|a)\s(?:single\s)?write(?![a-zA-Z\u00C0-\u024F])`);
// Words without numbers: "read-heavy" plans for 10 reads a write, "write-heavy" for 1 read per 2 writes.
const QUALITATIVE: Array<[RegExp, number]> = [
  [/(?<![a-zA-Z\u00C0-\u024F])(?:read[- ]heavy|read[- ]mostly|read[- ]intensive|mostly reads)(?![a-zA-Z\u00C0-\u024F])/gu, 10],
  [/(?<![a-zA-Z\u00C0-\u024F])(?:write[- ]heavy|write[- ]intensive|mostly writes)(?![a-zA-Z\u00C0-\u024F])/gu, 0.5],
  [/(?<![a-zA-Z\u00C0-\u024F])(?:balanced reads and writes|as many writes as reads|as many reads as writes)(?![a-zA-Z\u00C0-\u024F])/gu, 1],
];

/**
 * The read/write words on the side of the ratio (before or after, same clause) whose cue is
 * nearer, from its first cue on: "reads to writes" or "write:read".
 */
function cuePhrase(before: string, after: string): string | undefined {
  const ahead = allMatches(READ_WRITE_CUE, after);
  const behind = allMatches(READ_WRITE_CUE, before);
  const aheadFirst = ahead[0];
  const behindFirst = behind[0];
  const behindLast = behind.at(-1);
  if (aheadFirst !== undefined && (behindLast === undefined || aheadFirst.index + 1 <= before.length - behindLast.index)) {
    return after.slice(aheadFirst.index);
  }
  return behindFirst === undefined ? undefined : before.slice(behindFirst.index);
}

function readRatios(state: ParseState): void {
  for (const match of quantityMatches(state, RATIO)) {
    const spanA = groupSpan(match, "a");
    const spanB = groupSpan(match, "b");
    const a = parseQuantity(match.groups?.["a"] ?? "");
    const b = parseQuantity(match.groups?.["b"] ?? "");
    if (spanA === undefined || spanB === undefined || a === undefined || b === undefined) continue;
    if (isClaimed(state, spanA[0], spanB[1])) continue;
    const before = clauseBefore(state.text, match.index);
    const after = clauseAfter(state.text, match.index + match[0].length);
    const cue = cuePhrase(before, after);
    if (cue === undefined) continue;
    // The ratio is read in the order the words name it ("reads to writes 100:1", "write:read 1:10");
    // "read-heavy"/"write-heavy" settle which side is the larger.
    let ratio = /^w/.test(cue) ? b / a : a / b;
    if (/read[- ]heavy/.test(cue)) ratio = Math.max(a / b, b / a);
    if (/write[- ]heavy/.test(cue)) ratio = Math.min(a / b, b / a);
    claim(state, spanA[0], spanB[1]);
    if (!Number.isFinite(ratio) || ratio <= 0) {
      addProblem(state, `the read/write ratio ${match[0].trim()} has a zero in it, so it was left out`);
      continue;
    }
    state.findings.push({ field: "readWriteRatio", value: Number(ratio.toPrecision(6)), index: match.index, negated: negatedBefore(state.text, match.index), weak: false });
  }
}

function readPercentages(state: ParseState): void {
  for (const pattern of PERCENT_OF) {
    eachQuantity(state, pattern, (percent, match) => {
      const writes = /^w/.test(match.groups?.["kind"] ?? "");
      if (percent <= 0 || percent >= 100) {
        addProblem(state, `${percent}% ${writes ? "writes" : "reads"} leaves no room for the other kind of request, so the read/write ratio was left out`);
        return true;
      }
      const readShare = writes ? 100 - percent : percent;
      const ratio = Number((readShare / (100 - readShare)).toPrecision(6));
      state.findings.push({ field: "readWriteRatio", value: ratio, index: match.index, negated: negatedBefore(state.text, match.index), weak: false });
      return true;
    });
  }
  eachQuantity(state, PER_WRITE, (value, match) => {
    state.findings.push({ field: "readWriteRatio", value, index: match.index, negated: negatedBefore(state.text, match.index), weak: false, withAmount: (n) => n });
    return true;
  });
  for (const [pattern, ratio] of QUALITATIVE) {
    for (const match of allMatches(pattern, state.text)) {
      state.findings.push({ field: "readWriteRatio", value: ratio, index: match.index, negated: negatedBefore(state.text, match.index), weak: true });
    }
  }
}

/** Reads per write, from "100:1 reads to writes", "90% reads", "10 reads per write" or "read-heavy". */
export function readReadWrite(state: ParseState): void {
  readPercentages(state);
  readRatios(state);
}

const TIMES = String.raw`\s?(?:x|×|times)(?![a-zA-Z\u00C0-\u024F])`;
const PEAK_WORDS = String.raw`(?:peak\w*|spik\w*|burst\w*|surg\w*|flash sales?|rush|black friday|busiest)`;
const PEAK_FACTOR = [
  rx(String.raw`peak(?:[- ]to[- ]average(?: ratio)?| factor)${FILLER}{n}(?:${TIMES})?`),
  rx(String.raw`${PEAK_WORDS}(?:\s(?:to|of|at|by|up to|around|about|reach|reaching|hit|hitting|go|goes|up)){0,3}\s?{n}${TIMES}`),
  rx(String.raw`{n}${TIMES}(?:\s(?:the|our|of|over|above|at|during|on|in))*\s(?:${PEAK_WORDS}|baseline|average|avg|normal|usual|typical|the usual|steady state|(?:traffic|load) (?:at|during|on|in) (?:peak|spikes?|sales|launch))`),
];
const MULTIPLE_WORDS: Record<string, number> = { doubl: 2, tripl: 3, quadrupl: 4 };
const PEAK_MULTIPLE = /(?<![a-zA-Z\u00C0-\u024F])(doubl|tripl|quadrupl)\w*\s(?:at|during|on|in)\s(?:the\s)?(?:peak|peaks|spikes?|sales|flash sales|launch|black friday|rush hour|evenings?|weekends?)(?![a-zA-Z\u00C0-\u024F])/gu;

/** Peak over average: "spikes to 6x", "6x peak", "flash sales 6x baseline", "peak is 3 times average". */
export function readPeakFactor(state: ParseState): void {
  for (const pattern of PEAK_FACTOR) {
    eachQuantity(state, pattern, (value, match) => {
      state.findings.push({ field: "peakFactor", value, index: match.index, negated: negatedBefore(state.text, match.index), weak: false, withAmount: (n) => n });
      return true;
    });
  }
  for (const match of allMatches(PEAK_MULTIPLE, state.text)) {
    const factor = MULTIPLE_WORDS[match[1] ?? ""];
    if (factor !== undefined) state.findings.push({ field: "peakFactor", value: factor, index: match.index, negated: false, weak: false });
  }
}
