/**
 * Escaping for the two string forms DOT offers. Labels come from user conversations and model
 * output, so a quote or an angle bracket must stay text and never become DOT or SVG syntax.
 */

/** Control characters (newlines included) would break a line of DOT or an XML attribute. */
function withoutControlCharacters(text: string): string {
  return Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x20 || code === 0x7f ? " " : ch;
  }).join("");
}

/**
 * The name Graphviz gives a node for a component id. Its lexer reads `\"` as a quote but keeps
 * `\\` doubled, so no quoted string can spell a backslash before a quote or at the end; a
 * backslash therefore becomes "⧵" (U+29F5), which looks the same. Control characters become spaces.
 */
export function dotName(id: string): string {
  return withoutControlCharacters(id).replace(/\\/g, "\u29f5");
}

/** A double-quoted DOT identifier for a component id (see `dotName`). */
export function quoteId(id: string): string {
  return `"${dotName(id).replace(/"/g, '\\"')}"`;
}

/**
 * Text inside an HTML-like label; Graphviz writes it to SVG re-escaped as XML. Graphviz expands
 * "\N", "\G" and friends even in HTML labels, after decoding entities, and reads "\\" there as
 * one backslash, so a backslash is doubled.
 */
export function htmlText(text: string): string {
  return withoutControlCharacters(text)
    .replace(/&/g, "&amp;")
    .replace(/\\/g, "\\\\")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * Splits text into lines of at most `width` characters at spaces, because Graphviz never wraps
 * and one long sizing string would stretch its node across the picture.
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line.length > 0 ? `${line} ${word}` : word;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}
