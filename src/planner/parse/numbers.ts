/**
 * The grammar of a quantity as people type it in chat: "50k", "1.5M", "50,000", "1 200",
 * "2 grand", "half a million", "-5k" (kept so it can be reported), "10-20k" (a range).
 * Patterns here have no capture groups of their own, so rules can wrap them in named groups.
 */
const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+(?!\d)|\d+)(?:\.\d+)?|\.\d+`;
const LETTER_SCALE = String.raw`(?:k|mm|mn|mil|m|bn|b|tn)(?![\w\u00C0-\u024F])`;
const SCALE_WORDS = "hundred|thousand|million|billion|trillion|grand";
const WORD_SCALE = String.raw`(?:${SCALE_WORDS})(?![a-zA-Z\u00C0-\u024F])`;
const WORD_NUMBER = String.raw`(?:half an?|a couple of|a couple|couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)`;
// A number may not continue a word or another number ("p95", "k8s", "eu-west-1", "1.5").
const NOT_INSIDE_WORD = String.raw`(?<![\w\u00C0-\u024F.,]|[\w\u00C0-\u024F][-–−])`;
const SCALED_DIGITS = String.raw`(?:${DIGITS})(?:${LETTER_SCALE}|\s?${WORD_SCALE}(?:\s${WORD_SCALE})?)?`;
const SINGLE = String.raw`(?:${NOT_INSIDE_WORD}${SCALED_DIGITS}|(?<![\w\u00C0-\u024F])${WORD_NUMBER}\s${WORD_SCALE}(?:\s${WORD_SCALE})?)`;

/** One quantity, optionally negative or a range; use inside a regex with the "u" flag. */
// It never stops inside a longer number: "5" is not read out of "5,000" or "5.5".
export const QUANTITY = String.raw`(?:(?<![\w\u00C0-\u024F])[-−]\s?)?${SINGLE}(?:\s?[-–]\s?${SCALED_DIGITS})?(?![,.]?\d)`;

/**
 * True for every text QUANTITY can match in: each quantity has a digit or a scale word ("two
 * thousand"). Text without either ("use MySQL", "thanks") can skip the patterns that read numbers.
 */
export const MAY_HOLD_QUANTITY = new RegExp(`[0-9]|${SCALE_WORDS}`, "u");

/**
 * Words people put between a cue and its number ("DAU of about 50k", "p95 < 200 ms",
 * "budget is around €2k"). Bounded so a long run of filler cannot make matching slow.
 */
export const FILLER = String.raw`(?:\s?(?:of|is|are|was|will be|be|at|around|about|approx(?:imately|\.)?|roughly|maybe|probably|circa|~|≈|up to|under|below|less than|at most|<=|<|≤|>=|>|≥|over|above|more than|at least|nearly|almost|:|=|target(?:ing)?|needs? to be|should be|must be|some|only|just|like|currently|today|now|expected|a|an|the|our|we have|we get|we see|we expect|we need|we're at|we are at)(?![a-zA-Z\u00C0-\u024F])){0,4}\s?`;

const SCALES: Record<string, number> = {
  k: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  mil: 1e6,
  b: 1e9,
  bn: 1e9,
  tn: 1e12,
  hundred: 1e2,
  thousand: 1e3,
  grand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

const WORD_VALUES: Record<string, number> = {
  a: 1, an: 1, "half a": 0.5, "half an": 0.5, "a couple of": 2, "a couple": 2, "couple of": 2,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

const TRAILING_SCALE = /(?:^|\s|(?<=[\d.]))(k|mm|mn|mil|m|bn|b|tn|hundred|thousand|grand|million|billion|trillion)$/;

function parseSingle(part: string): number | undefined {
  let rest = part.trim();
  let factor = 1;
  for (let match = TRAILING_SCALE.exec(rest); match?.[1] !== undefined; match = TRAILING_SCALE.exec(rest)) {
    factor *= SCALES[match[1]] ?? 1;
    rest = rest.slice(0, match.index).trim();
  }
  const base = /^[\d., ]+$/.test(rest) ? Number(rest.replace(/[, ]/g, "")) : WORD_VALUES[rest];
  if (base === undefined || !Number.isFinite(base) || rest === "") return undefined;
  // 0.1 × 1e6 is 100000.00000000001 in binary floating point; twelve digits is plenty for a plan.
  return Number((base * factor).toPrecision(12));
}

/**
 * The value of a string matched by QUANTITY. A range ("10-20k") gives its upper bound:
 * Archie plans for the top of what the user expects.
 */
export function parseQuantity(raw: string): number | undefined {
  const text = raw.trim().toLowerCase();
  const negative = /^[-−]/.test(text);
  const unsigned = negative ? text.slice(1) : text;
  const parts = unsigned.split(/\s?[-–]\s?/);
  const last = parts[parts.length - 1];
  if (last === undefined) return undefined;
  const value = parseSingle(last);
  if (value === undefined) return undefined;
  return negative ? -value : value;
}

/** Whether the matched quantity carried a money word ("2 grand"). */
export function saysGrand(raw: string): boolean {
  return /grand$/i.test(raw.trim());
}

/** Plain thousands separators for messages a user reads ("20,000,000,000"). */
export function formatNumber(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 4 });
}
