/**
 * Text Archie echoes (the user's own words in titles, thread names and requests) must never
 * ping anyone. Messages are also sent with no parsed mentions; this makes the text itself
 * harmless wherever it ends up, including thread names, which have no mention settings.
 */

const ZERO_WIDTH_SPACE = "\u200b";

/** "@everyone" and "@here" with a zero-width space after the "@", so they read the same and ping no one. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)\b/gi, `@${ZERO_WIDTH_SPACE}$1`);
}

/** Removes user, role, channel and command mention tokens (`<@123>`, `<@!123>`, `<@&1>`, `<#1>`, `</design:1>`). */
export function stripMentions(text: string): string {
  return text
    .replace(/<(?:@[!&]?|#)\d+>|<\/[\w -]+:\d+>/g, " ")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

export const MAX_THREAD_NAME = 100;
const DEFAULT_THREAD_NAME = "Architecture design";

/** A thread name from a request: mentions stripped, one line, at most 100 characters. */
export function threadName(request: string): string {
  const line = neutraliseMentions(stripMentions(request))
    .replace(/[\p{Cc}\s]+/gu, " ")
    .trim();
  if (!line) return DEFAULT_THREAD_NAME;
  const chars = Array.from(line);
  if (chars.length <= MAX_THREAD_NAME) return line;
  return `${chars.slice(0, MAX_THREAD_NAME - 1).join("").trimEnd()}…`;
}
