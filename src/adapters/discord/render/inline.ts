/**
 * Document inline text is a small Markdown subset (**bold**, `code`, _italic_, backslash
 * escapes). Inside a Discord code block none of it renders, so tables show the plain words.
 */
export function plainInline(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === "\\" && next !== undefined) {
      out += next;
      i += 2;
    } else if (ch === "`") {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = closingRun(text, i + run.length, run.length);
      if (close === -1) {
        out += run;
        i += run.length;
      } else {
        const inner = text.slice(i + run.length, close);
        out += inner.startsWith(" ") && inner.endsWith(" ") && inner.trim() ? inner.slice(1, -1) : inner;
        i = close + run.length;
      }
    } else if (ch === "*" && next === "*") {
      i += 2;
    } else if (ch === "_" && !(isWordChar(text[i - 1]) && isWordChar(next))) {
      i += 1;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/** Where a backtick run of exactly `size` starts at or after `from` (a code span's end), or -1. */
function closingRun(text: string, from: number, size: number): number {
  const pattern = /`+/g;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === size) return match.index;
  }
  return -1;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}
