import { allMatches } from "./matches.js";
import { PER_PERIOD, isQuarter, monthsIn, periodOf, periodWord } from "./periods.js";
import { type ParseState, eachQuantity, negatedBefore, rx } from "./state.js";

const OVER = String.raw`\s?(?<over>month over month|month-over-month|mom|m/m|year over year|year-over-year|yoy|y/y|week over week|week-over-week|wow|quarter over quarter|qoq)(?![a-zA-Z\u00C0-\u024F])`;
const GROWTH_WORD = String.raw`(?:\s(?:user |traffic |revenue )?growth)?`;
const PERCENT_GROWTH = [
  rx(String.raw`\+?{n}\s?%${GROWTH_WORD}(?:${PER_PERIOD})`),
  rx(String.raw`\+?{n}\s?%${GROWTH_WORD}${OVER}`),
];
const MULTIPLE_GROWTH = rx(String.raw`{n}\s?(?:x|×|times)(?:\s(?:growth|bigger|larger|more))?\s(?:(?:every|each|per|a|/|in a)\s?(?<unit>months?|years?|quarters?|weeks?)|year over year|yoy)(?![a-zA-Z\u00C0-\u024F])`);
const DOUBLING = /(?<![a-zA-Z\u00C0-\u024F])(?<verb>doubl|tripl|quadrupl)\w*(?:\sin\ssize)?\s(?:every|each|per|a|in a|within a)\s(?:(?<count>\d+(?:\.\d+)?|two|three|four|six|eighteen)\s)?(?<unit>months?|years?|quarters?|weeks?)(?![a-zA-Z\u00C0-\u024F])/gu;
// "no growth expected", "flat traffic", "volumes stay flat": zero, said in words (a stated rate wins).
const NO_GROWTH = /(?<![a-zA-Z\u00C0-\u024F])(?:no (?:expected )?growth|zero growth|not growing|flat (?:traffic|volumes?|usage|growth|load)|(?:traffic|volumes?|usage|load) (?:stays?|remains?|is|are|will (?:stay|remain|be)) (?:flat|constant|steady)|growth is flat)(?![a-zA-Z\u00C0-\u024F])/gu;
const SMALL_COUNTS: Record<string, number> = { two: 2, three: 3, four: 4, six: 6, eighteen: 18 };
const MULTIPLES: Record<string, number> = { doubl: 2, tripl: 3, quadrupl: 4 };

/** Months in one named unit ("year" is 12, "quarter" 3, "week" 7/30). */
function monthsInUnit(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  if (isQuarter(word)) return 3;
  const period = periodOf(word, "month");
  return period === undefined ? undefined : monthsIn(period);
}

function monthsOver(over: string): number {
  if (/^(?:m|month)/.test(over)) return 1;
  if (/^(?:y|year)/.test(over)) return 12;
  if (/^(?:q|quarter)/.test(over)) return 3;
  return 7 / 30;
}

/** Compound monthly growth equivalent to multiplying by `factor` over `months` months. */
function monthlyPercent(factor: number, months: number): number {
  return Number(((Math.pow(factor, 1 / months) - 1) * 100).toFixed(2));
}

/**
 * Growth as a compound monthly percentage: "+30%/mo", "30% month over month", "20% per year"
 * (→ 1.53%/month), "doubling every year" (→ 5.95%/month), "3x per year".
 */
export function readGrowth(state: ParseState): void {
  const push = (value: number, match: RegExpExecArray, withAmount?: (n: number) => number) =>
    state.findings.push({ field: "growthPercentPerMonth", value, index: match.index, negated: negatedBefore(state.text, match.index), weak: false, withAmount });
  for (const pattern of PERCENT_GROWTH) {
    eachQuantity(state, pattern, (percent, match) => {
      const over = match.groups?.["over"];
      const months = over === undefined ? monthsInUnit(periodWord(match)) : monthsOver(over);
      if (months === undefined || months < 7 / 30) return false;
      const toMonthly = (p: number) => (months === 1 || p <= -100 ? p : monthlyPercent(1 + p / 100, months));
      push(toMonthly(percent), match, toMonthly);
      return true;
    });
  }
  eachQuantity(state, MULTIPLE_GROWTH, (factor, match) => {
    const unit = match.groups?.["unit"];
    const months = unit === undefined ? 12 : monthsInUnit(unit);
    if (months === undefined || factor <= 0) return false;
    push(monthlyPercent(factor, months), match);
    return true;
  });
  for (const match of allMatches(DOUBLING, state.text)) {
    const factor = MULTIPLES[match.groups?.["verb"] ?? ""];
    const unitMonths = monthsInUnit(match.groups?.["unit"]);
    const countWord = match.groups?.["count"];
    const count = countWord === undefined ? 1 : (SMALL_COUNTS[countWord] ?? Number(countWord));
    if (factor === undefined || unitMonths === undefined || !(count > 0)) continue;
    push(monthlyPercent(factor, unitMonths * count), match);
  }
  for (const match of allMatches(NO_GROWTH, state.text)) {
    state.findings.push({ field: "growthPercentPerMonth", value: 0, index: match.index, negated: false, weak: true });
  }
}

