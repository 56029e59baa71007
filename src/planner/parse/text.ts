/** Longest request Archie reads; longer text is almost always a pasted log or file, not a request. */
export const MAX_REQUEST_CHARS = 20_000;

export type TextCheck = { ok: true; text: string } | { ok: false; message: string };

// Chat platforms encode mentions as <@U123>, <@!123>, <#C1|name>, <!here>; Discord also has @everyone.
const MENTION = /<[@#!][^<>\s]{0,80}>|(?<![\p{L}\p{N}])@(?:everyone|here|channel)(?![\p{L}\p{N}])/giu;
const JUNK_CHAR = /[\p{Cc}\p{Cs}\p{Co}\p{Cn}\uFFFD]/u;
const WHITESPACE_CONTROL = /[\t\n\r\f\v]/;
// A few stray control characters can survive a copy-paste; a quarter of the text is not a request.
const MAX_JUNK_FRACTION = 0.1;

/** Removes Slack and Discord mentions so they never end up in what Archie quotes back. */
export function stripMentions(text: string): string {
  return text.replace(MENTION, " ");
}

/** NFKC folds full-width digits, ligatures and no-break spaces into their plain forms; runs of blanks become one space. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Lower-cases without changing the length of the string, so a position found in the
 * lower-cased text is the same position in the original (a few letters, like "İ", grow when lower-cased).
 */
export function lowerSameLength(text: string): string {
  // Only capitals and characters outside printable ASCII can change; the rest are not visited one by one.
  return text.replace(/[A-Z]|[^\u0020-\u007E]/gu, (ch) => {
    const lower = ch.toLowerCase();
    return lower.length === ch.length ? lower : ch;
  });
}

/** Decides whether text is something Archie can read as a request, and returns it normalised. */
export function checkRequestText(text: string): TextCheck {
  if (text.includes("\u0000")) {
    return { ok: false, message: "That looks like binary data, not a request. Please describe what you want to build in words." };
  }
  if (text.length > MAX_REQUEST_CHARS) {
    return {
      ok: false,
      message: `That message is ${text.length.toLocaleString("en-US")} characters long; Archie reads requests of up to ${MAX_REQUEST_CHARS.toLocaleString("en-US")} characters. Please send a shorter summary.`,
    };
  }
  const chars = Array.from(text);
  const junk = chars.filter((ch) => JUNK_CHAR.test(ch) && !WHITESPACE_CONTROL.test(ch)).length;
  if (chars.length > 0 && junk / chars.length > MAX_JUNK_FRACTION) {
    return { ok: false, message: "That text is mostly unreadable characters. Please describe what you want to build in words." };
  }
  const normalized = normalizeText(text.replace(/[\p{Cc}\p{Cs}\uFFFD]/gu, " "));
  if (normalized.length > MAX_REQUEST_CHARS) {
    return { ok: false, message: `That message expands to more than ${MAX_REQUEST_CHARS.toLocaleString("en-US")} characters once normalised. Please send a shorter summary.` };
  }
  if (normalized.length === 0) {
    return { ok: false, message: "The request is empty. Tell Archie what you want to build, e.g. \"design a food-delivery app for 50k DAU\"." };
  }
  if (!/[\p{L}\p{N}]/u.test(normalized)) {
    return { ok: false, message: "That message has no words or numbers in it. Tell Archie what you want to build, e.g. \"design a food-delivery app for 50k DAU\"." };
  }
  return { ok: true, text: normalized };
}
