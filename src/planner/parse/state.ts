import type { Requirements, RequirementField } from "../requirements.js";
import { allMatches } from "./matches.js";
import { MAY_HOLD_QUANTITY, QUANTITY, parseQuantity } from "./numbers.js";

/** Fields that hold one value, where a later statement replaces an earlier one. */
export type ScalarField = Exclude<RequirementField, "regions" | "compliance" | "domain" | "archetype" | "notes">;

type FindingOf<F extends ScalarField> = {
  field: F;
  value: NonNullable<Requirements[F]>;
  /** Where the statement starts in the text; the last statement of a field wins. */
  index: number;
  /** "not 5k DAU", "instead of Postgres": mentioned, but not what the user wants. */
  negated: boolean;
  /** Inferred from a word ("read-heavy") rather than a number; a number for the same field wins. */
  weak: boolean;
  /**
   * What was counted ("pastes", "views"): volumes of different things in one message add up,
   * while a later volume of the same thing replaces the earlier one.
   */
  noun?: string;
  /** Re-reads a corrected bare number in the same unit ("600 rpm, actually 900" → 900 rpm). */
  withAmount?: (amount: number) => NonNullable<Requirements[F]>;
};

export type Finding = { [F in ScalarField]: FindingOf<F> }[ScalarField];

/** What the field extractors share while reading one message. */
export interface ParseState {
  /** The normalised text, lower-cased (same length as `cased`). */
  readonly text: string;
  /** The normalised text with its case, for the few words where case matters ("US" versus "us"). */
  readonly cased: string;
  readonly expecting: RequirementField | undefined;
  readonly findings: Finding[];
  readonly problems: string[];
  /** Spans of numbers already read, so a number is only ever read as one thing. */
  readonly claimed: Array<[number, number]>;
  /** False when the text has no number in it, so no pattern made with `rx` can match. */
  readonly mayHoldQuantity: boolean;
}

export function createState(cased: string, text: string, expecting: RequirementField | undefined): ParseState {
  return { text, cased, expecting, findings: [], problems: [], claimed: [], mayHoldQuantity: MAY_HOLD_QUANTITY.test(text) };
}

// Word edges in this parser are written as [\w\u00C0-\u024F] (ASCII and Latin letters, digits, "_")
// rather than \p{L}\p{N}: V8 takes milliseconds to compile each Unicode property class, and the
// parser has a hundred patterns; the requests it reads are written in Latin script.

/** Builds a global, index-reporting Unicode regex for the lower-cased text; `{n}` (or `{a}`, `{b}`) stands for a quantity. */
export function rx(source: string): RegExp {
  return new RegExp(source.replace(/\{([a-z])\}/g, (_all, name: string) => `(?<${name}>${QUANTITY})`), "gdu");
}

/** The matches of a pattern made with `rx`; a text with no number in it is not scanned at all. */
export function quantityMatches(state: ParseState, pattern: RegExp): RegExpExecArray[] {
  return state.mayHoldQuantity ? allMatches(pattern, state.text) : [];
}

export function isClaimed(state: ParseState, start: number, end: number): boolean {
  return state.claimed.some(([s, e]) => start < e && s < end);
}

export function claim(state: ParseState, start: number, end: number): void {
  state.claimed.push([start, end]);
}

/** The span of a named group of a match made with the "d" flag. */
export function groupSpan(match: RegExpExecArray, name: string): [number, number] | undefined {
  return match.indices?.groups?.[name];
}

/**
 * Calls `read` for each match whose quantity `{n}` is not yet claimed, and claims it when `read`
 * accepts it (returns true). Matches whose quantity does not parse are skipped.
 */
export function eachQuantity(
  state: ParseState,
  pattern: RegExp,
  read: (value: number, match: RegExpExecArray) => boolean,
  group = "n",
): void {
  for (const match of quantityMatches(state, pattern)) {
    const span = groupSpan(match, group);
    const raw = match.groups?.[group];
    if (span === undefined || raw === undefined || isClaimed(state, span[0], span[1])) continue;
    const value = parseQuantity(raw);
    if (value === undefined) continue;
    if (read(value, match)) claim(state, span[0], span[1]);
  }
}

const CLAUSE_BREAK = /[,;!?()]|\.(?!\d)|(?<![a-zA-Z\u00C0-\u024F])(?:and|but|while|whereas|vs|versus|then|also|so)(?![a-zA-Z\u00C0-\u024F])/gu;
// Not global, so `exec` always looks from the start of the window.
const FIRST_CLAUSE_BREAK = new RegExp(CLAUSE_BREAK.source, "u");

/** The part of the current clause before `index`, at most `max` characters. */
export function clauseBefore(text: string, index: number, max = 40): string {
  const window = text.slice(Math.max(0, index - max), index);
  let start = 0;
  for (const match of allMatches(CLAUSE_BREAK, window)) start = match.index + match[0].length;
  return window.slice(start);
}

/** The part of the current clause after `index`, at most `max` characters. */
export function clauseAfter(text: string, index: number, max = 30): string {
  const window = text.slice(index, index + max);
  const match = FIRST_CLAUSE_BREAK.exec(window);
  return match === null ? window : window.slice(0, match.index);
}

const NEGATED_NUMBER = /(?:(?<![a-zA-Z\u00C0-\u024F])(?:not|no longer|instead of|rather than|never|nor)|n't)(?:\s(?:about|around|even|quite|really|just|only|exactly))*\s?[~≈]?$/u;

/** "not 5k", "instead of 300 rps": the number right after is being corrected away. */
export function negatedBefore(text: string, index: number): boolean {
  return NEGATED_NUMBER.test(text.slice(Math.max(0, index - 30), index));
}

const NEGATED_CHOICE = /(?:(?<![a-zA-Z\u00C0-\u024F])(?:no|not|without|drop|dropping|ditch|ditching|skip|skipping|avoid|avoiding|off|from|leave|leaving|replace|replacing|swap|swapping|instead of|rather than|except|excluding|get rid of|remove|removing|nor|neither|away from)|n't)(?:\s(?:need|needs|needed|want|wanna|to|use|using|run|running|go|going|be|on|in|for|with|any|the|a|us|we|plain|managed|hosted|self-hosted|do|really|it|worry about)){0,4}\s?$/u;
const NEGATED_AFTER = /^\s?(?:is |are )?(?:not (?:needed|required|necessary|wanted|an option)|isn't needed|aren't needed|is overkill|overkill|too complex|unnecessary)/u;

/**
 * "no k8s", "without HIPAA", "migrate from AWS to GCP", "HIPAA is not needed": a technology
 * or regime mentioned in order to rule it out. Looks only within the same clause.
 */
export function negatedChoice(text: string, start: number, end: number): boolean {
  return NEGATED_CHOICE.test(clauseBefore(text, start, 40)) || NEGATED_AFTER.test(clauseAfter(text, end, 30));
}

export function addProblem(state: ParseState, message: string): void {
  if (!state.problems.includes(message)) state.problems.push(message);
}
