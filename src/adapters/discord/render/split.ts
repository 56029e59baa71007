/**
 * Splits Markdown into Discord messages of at most `limit` characters. Breaks fall between
 * paragraphs (a heading stays with what follows it), else between lines, else between words;
 * a break never falls inside a code block: a block too long for one message is closed at a
 * line and reopened, with its language, in the next.
 */

export const MESSAGE_LIMIT = 2000;

interface Unit {
  text: string;
  /** The opening fence line of a code block unit ("```yaml"); absent for prose. */
  fence?: string;
}

const FENCE = /^```/;

/** Paragraphs (runs of lines between blank lines) and whole code blocks. */
function units(text: string): Unit[] {
  const out: Unit[] = [];
  let prose: string[] = [];
  let code: string[] | undefined;
  const flushProse = () => {
    if (prose.length) out.push({ text: prose.join("\n") });
    prose = [];
  };
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    if (code) {
      code.push(line);
      if (line.trimEnd() === "```") {
        out.push({ text: code.join("\n"), fence: code[0]! });
        code = undefined;
      }
    } else if (FENCE.test(line)) {
      flushProse();
      code = [line];
    } else if (line.trim() === "") {
      flushProse();
    } else {
      prose.push(line);
    }
  }
  flushProse();
  // An unclosed block still leaves as a block, closed.
  if (code) out.push({ text: [...code, "```"].join("\n"), fence: code[0]! });
  return out;
}

function hardCut(text: string, limit: number): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += limit) out.push(chars.slice(i, i + limit).join(""));
  return out;
}

/** Packs pieces joined by `sep` into strings of at most `limit`; a piece longer than that is cut. */
function pack(pieces: string[], sep: string, limit: number, cutPiece: (piece: string) => string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const piece of pieces.flatMap((p) => (p.length > limit ? cutPiece(p) : [p]))) {
    if (current && current.length + sep.length + piece.length > limit) {
      out.push(current);
      current = piece;
    } else {
      current = current ? current + sep + piece : piece;
    }
  }
  if (current) out.push(current);
  return out;
}

function splitProse(text: string, limit: number): string[] {
  const byWords = (line: string) => pack(line.split(" "), " ", limit, (word) => hardCut(word, limit));
  return pack(text.split("\n"), "\n", limit, byWords);
}

function splitCode(unit: Unit & { fence: string }, limit: number): string[] {
  const lines = unit.text.split("\n").slice(1, -1);
  const room = limit - unit.fence.length - "\n\n```".length;
  return pack(lines, "\n", room, (line) => hardCut(line, room)).map((body) => `${unit.fence}\n${body}\n\`\`\``);
}

function split(unit: Unit, limit: number): string[] {
  if (unit.text.length <= limit) return [unit.text];
  return unit.fence ? splitCode({ ...unit, fence: unit.fence }, limit) : splitProse(unit.text, limit);
}

const isHeading = (unit: Unit) => !unit.fence && /^#{1,3} /.test(unit.text) && !unit.text.includes("\n");

export function splitMessage(text: string, limit: number = MESSAGE_LIMIT): string[] {
  const pieces = units(text).flatMap((unit) => split(unit, limit).map((t) => ({ ...unit, text: t })));
  const out: string[] = [];
  let current = "";
  for (const [i, piece] of pieces.entries()) {
    const next = pieces[i + 1];
    const fits = (extra: string) => !current || current.length + 2 + extra.length <= limit;
    // Keep a heading with the paragraph after it when the two fit in a message together.
    const glued = isHeading(piece) && next && piece.text.length + 2 + next.text.length <= limit ? `${piece.text}\n\n${next.text}` : piece.text;
    if (!fits(glued) && current) {
      out.push(current);
      current = piece.text;
    } else {
      current = current ? `${current}\n\n${piece.text}` : piece.text;
    }
  }
  if (current) out.push(current);
  return out;
}
