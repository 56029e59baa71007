import type { Style } from "./style.js";

/**
 * The document's inline Markdown subset (**bold**, `code`, _italic_, backslash escapes) as
 * terminal styling: the markers never reach the screen, whatever the text holds. An opener
 * without its closer is shown as the character it is.
 */

const isWordCharacter = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

function backtickRun(text: string, at: number): number {
  let end = at;
  while (text[end] === "`") end += 1;
  return end - at;
}

/** Where the code span opened at `at` with a run of `run` backticks closes, or -1. */
function codeClose(text: string, from: number, run: number): number {
  for (let i = text.indexOf("`", from); i !== -1; i = text.indexOf("`", i + 1)) {
    const length = backtickRun(text, i);
    if (length === run) return i;
    i += length - 1;
  }
  return -1;
}

/** An underscore opens emphasis before a word's start and closes it after a word's end. */
function underscoreCloses(text: string, from: number): number {
  for (let i = text.indexOf("_", from); i !== -1; i = text.indexOf("_", i + 1)) {
    if (text[i - 1] !== "\\" && !/\s/.test(text[i - 1] ?? " ") && !isWordCharacter(text[i + 1])) return i;
  }
  return -1;
}

function boldCloses(text: string, from: number): number {
  for (let i = text.indexOf("**", from); i !== -1; i = text.indexOf("**", i + 1)) {
    if (text[i - 1] !== "\\") return i;
  }
  return -1;
}

export function renderInline(text: string, style: Style): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    if (ch === "\\" && i + 1 < text.length) {
      out += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === "`") {
      const run = backtickRun(text, i);
      const close = codeClose(text, i + run, run);
      if (close !== -1) {
        const inner = text.slice(i + run, close);
        // A code span padded with one space each side (to hold a backtick at its edge) loses the padding.
        out += style.code(/^ .* $/.test(inner) ? inner.slice(1, -1) : inner);
        i = close + run;
        continue;
      }
      out += text.slice(i, i + run);
      i += run;
      continue;
    }
    if (text.startsWith("**", i)) {
      const close = boldCloses(text, i + 2);
      if (close > i + 2) {
        out += style.bold(renderInline(text.slice(i + 2, close), style));
        i = close + 2;
        continue;
      }
    }
    if (ch === "_" && !isWordCharacter(text[i - 1]) && text[i + 1] !== undefined && !/\s/.test(text[i + 1] ?? "")) {
      const close = underscoreCloses(text, i + 1);
      if (close > i + 1) {
        out += style.italic(renderInline(text.slice(i + 1, close), style));
        i = close + 1;
        continue;
      }
    }
    out += ch;
    i += 1;
  }
  return out;
}
