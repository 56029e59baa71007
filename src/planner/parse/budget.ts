import type { Budget, Currency } from "../requirements.js";
import { FILLER } from "./numbers.js";
import { PER_PERIOD, type Period, periodOf, periodWord } from "./periods.js";
import { type ParseState, addProblem, clauseAfter, clauseBefore, eachQuantity, negatedBefore, rx } from "./state.js";

const CURRENCY_WORD = String.raw`(?:us\$|[$€£]|usd|eur|gbp|dollars?|bucks|euros?|pounds?|quid)`;
const NOT_MONEY_UNIT = String.raw`(?!\s?(?:%|x\b|×|ms\b|s\b|sec|rps|qps|rpm|req|users|dau|mau|gb|tb|mb|hours|days|months|years|orders))`;
const BUDGET_CUE = String.raw`(?:budget|spend|spending|afford|costs?|bill|hosting|infra(?:structure)?|cloud spend)`;

const MONEY = [
  rx(String.raw`(?<cur>us\$|[$€£]|usd|eur|gbp)\s?{n}`),
  rx(String.raw`{n}\s?(?<cur>[$€£]|usd|eur|gbp|dollars?|bucks|euros?|pounds?|quid)(?![a-zA-Z\u00C0-\u024F])`),
  rx(String.raw`{n}(?<=grand)`),
];
const CUED = [
  rx(String.raw`${BUDGET_CUE}(?:\s(?:cap|limit|ceiling))?${FILLER}{n}${NOT_MONEY_UNIT}`),
  rx(String.raw`{n}(?:${PER_PERIOD})?\s(?:budget|spend|to spend)(?![a-zA-Z\u00C0-\u024F])`),
];
const PERIOD_AFTER = new RegExp(String.raw`^(?:${PER_PERIOD})`, "iu");
const YEARLY_BEFORE = /(?<![a-zA-Z\u00C0-\u024F])(?:annual|yearly|per year|a year)(?![a-zA-Z\u00C0-\u024F])/u;
const CUE_NEAR = new RegExp(String.raw`(?<![a-zA-Z\u00C0-\u024F])(?:${BUDGET_CUE}|under|below|within|up to|max|at most|cap|limit)(?![a-zA-Z\u00C0-\u024F])`, "u");
// "$40 per order", "average order value $35", "raised $2M": money that is not what the user can spend.
const UNIT_PRICE_AFTER = /^\s?(?:per|a|an|each|\/)\s?(?!(?:months?|mo|mth|years?|yr|annum|weeks?|wk|days?)(?![a-zA-Z\u00C0-\u024F]))[a-zA-Z\u00C0-\u024F]/u;
const NOT_A_BUDGET = /(?<![a-zA-Z\u00C0-\u024F])(?:order value|aov|price[ds]?|fees?|revenue|salar(?:y|ies)|funding|raised|valuation|gmv|ticket size|average order|per order|per user|per transaction|basket)(?![a-zA-Z\u00C0-\u024F])/u;

const CURRENCIES: Array<[RegExp, Currency]> = [
  [/^(?:us\$|\$|usd|dollars?|bucks)$/, "USD"],
  [/^(?:€|eur|euros?)$/, "EUR"],
  [/^(?:£|gbp|pounds?|quid)$/, "GBP"],
];
const ANY_CURRENCY = new RegExp(String.raw`(?<![a-zA-Z\u00C0-\u024F])${CURRENCY_WORD}(?![a-zA-Z\u00C0-\u024F])|[$€£]`, "u");

function currencyOf(word: string | undefined): Currency | undefined {
  if (word === undefined) return undefined;
  return CURRENCIES.find(([pattern]) => pattern.test(word))?.[1];
}

// How many of a period fit in a 30-day month.
const PER_MONTH: Partial<Record<Period, number>> = { month: 1, year: 1 / 12, week: 30 / 7, day: 30 };

/**
 * Budgets become a monthly amount: "$2k/month", "€2k", "£500 per month", "5000 USD/mo",
 * "$24k per year" (÷12), "budget 3k", "2 grand". An amount without a period is read as monthly.
 * An amount with no currency takes the currency written elsewhere in the message, or USD (said in problems).
 * Money with a per-unit or price context ("$40 per order") is not a budget.
 */
export function readBudget(state: ParseState): void {
  const read = (cued: boolean) => (value: number, match: RegExpExecArray): boolean => {
    const end = match.index + match[0].length;
    const before = clauseBefore(state.text, match.index);
    const after = clauseAfter(state.text, end);
    const periodMatch = PERIOD_AFTER.exec(state.text.slice(end, end + 24));
    const period: Period = periodMatch !== null ? (periodOf(periodWord(periodMatch), "month") ?? "month") : YEARLY_BEFORE.test(before) ? "year" : "month";
    const perMonth = PER_MONTH[period];
    if (perMonth === undefined) return false;
    if (!cued && state.expecting !== "budget" && !CUE_NEAR.test(before + " " + after)) {
      if (periodMatch === null && UNIT_PRICE_AFTER.test(state.text.slice(end, end + 24))) return false;
      if (NOT_A_BUDGET.test(before) || NOT_A_BUDGET.test(after)) return false;
    }
    const currency = currencyOf(match.groups?.["cur"]) ?? defaultCurrency(state);
    const toBudget = (n: number): Budget => ({ amount: Number((n * perMonth).toFixed(2)), currency, period: "month" });
    state.findings.push({ field: "budget", value: toBudget(value), index: match.index, negated: negatedBefore(state.text, match.index), weak: false, withAmount: toBudget });
    return true;
  };
  for (const pattern of MONEY) eachQuantity(state, pattern, read(false));
  for (const pattern of CUED) eachQuantity(state, pattern, read(true));
}

/** The currency named anywhere in the message, or USD with a note saying so. */
export function defaultCurrency(state: ParseState): Currency {
  const named = ANY_CURRENCY.exec(state.text);
  const currency = currencyOf(named?.[0].trim());
  if (currency !== undefined) return currency;
  addProblem(state, "no currency given for the budget; assumed USD");
  return "USD";
}
