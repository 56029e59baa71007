/**
 * Inline text in a ReportDocument is a small Markdown subset (**bold**, `code`, _italic_). Text
 * that comes from the proposal — much of it the user's own words — is escaped here so it can
 * only ever read as text: it cannot open emphasis, a link, an HTML tag, or span several lines.
 */

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** One line: newlines and other control characters become single spaces. */
function oneLine(text: string): string {
  // Most text is one tidy line already: three quick tests spare three rewrites.
  if (!CONTROL_CHARACTER.test(text) && !/ {2}/.test(text) && text.trim() === text) return text;
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/ {2,}/g, " ").trim();
}

/** Characters that escaping or oneLine rewrite wherever they stand. */
// eslint-disable-next-line no-control-regex
const SPECIAL_CHARACTER = /[\u0000-\u001f\u007f\\`*[\]~&<_]/;
/** What would make a paragraph or list item a heading, quote, rule or nested list. */
const LEADING_MARKER = /^(?:[#>+-]|\d+[.)](?=\s|$))/;
/** Markup escaped with a backslash: `&` only before an entity, `<` only before a tag, `_` only at a word's edge. */
const INLINE_MARKUP = /[\\`*[\]~]|&(?=[#A-Za-z0-9]+;)|<(?=[A-Za-z/!?])|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;

/**
 * Whether escapeInline or oneLine would change the text at all; most labels have nothing to
 * escape and skip the rewriting. Four simple tests: one pattern holding every case scans slower
 * than all of them together.
 */
function needsEscape(text: string): boolean {
  return SPECIAL_CHARACTER.test(text) || / {2}/.test(text) || text.trim() !== text || LEADING_MARKER.test(text);
}

/**
 * Backslash-escapes what would otherwise be Markdown or HTML. `_` is left alone inside words
 * (GFM does not treat `max_connections` as emphasis) and `<` only before what could start a tag,
 * so "p95 < 300 ms" and setting names stay readable in a terminal. Pipes are left to the table
 * renderer, which escapes them where they matter.
 */
export function escapeInline(text: string): string {
  if (!needsEscape(text)) return text;
  const escaped = oneLine(text).replace(INLINE_MARKUP, "\\$&");
  if (!LEADING_MARKER.test(escaped)) return escaped;
  // A leading marker would turn a paragraph or list item into a heading, quote, rule or nested list.
  return escaped.replace(/^([#>+-])/, "\\$1").replace(/^(\d+)([.)])(?=\s|$)/, "$1\\$2");
}

/** A code span that holds any text: the fence is one backtick longer than the longest run inside. */
export function codeSpan(text: string): string {
  const line = oneLine(text);
  // Most code holds no backtick, so there is no run to measure.
  const longest = line.includes("`") ? Math.max(...Array.from(line.matchAll(/`+/g), (m) => m[0].length)) : 0;
  const fence = "`".repeat(longest + 1);
  const pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
  return `${fence}${pad}${line}${pad}${fence}`;
}
