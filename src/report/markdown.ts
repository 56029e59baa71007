import type { Block, ReportDocument, Section } from "./document.js";

/**
 * GitHub-flavoured Markdown that also reads well as plain text in a terminal. Inline text in the
 * document is already escaped by the builder; this layer only has to keep the block structure
 * intact (table cells, code fences, list items) whatever the text holds.
 */

/** Columns wider than this are not padded: padding a long prose column only adds trailing spaces. */
const MAX_PADDED_WIDTH = 40;

/** Width in code points, as a terminal shows it. */
function width(text: string): number {
  return Array.from(text).length;
}

/** Nearly all text is one line already; testing first skips the costlier replacement. */
function oneLine(text: string): string {
  return /[\r\n]/.test(text) ? text.replace(/\s*[\r\n]+\s*/g, " ") : text;
}

/** Escapes every pipe that is not already escaped, so a cell can never split into two. */
function escapeCell(text: string): string {
  return oneLine(text).replace(/(\\*)\|/g, (_match, slashes: string) =>
    slashes.length % 2 === 0 ? `${slashes}\\|` : `${slashes}|`,
  );
}

interface Cell {
  text: string;
  width: number;
}

/** Anything that changes a cell or its width; most cells hold none and are used as they are. */
const CELL_SPECIAL = /[\r\n|\uD800-\uDFFF]/;

function cell(text: string): Cell {
  if (!CELL_SPECIAL.test(text)) return { text, width: text.length };
  const escaped = escapeCell(text);
  return { text: escaped, width: width(escaped) };
}

/** Runs of spaces for every fill a padded column can need, made once rather than for each cell. */
const SPACES = Array.from({ length: MAX_PADDED_WIDTH + 1 }, (_, n) => " ".repeat(n));

function pad({ text, width }: Cell, size: number, right: boolean): string {
  if (width >= size) return text;
  const fill = SPACES[size - width] ?? " ".repeat(size - width);
  return right ? fill + text : text + fill;
}

/**
 * One table line, each cell padded to its column's width. Concatenated rather than joined, so
 * its text is copied once: when the document is joined.
 */
function tableLine(cells: Cell[], widths: number[], numeric: boolean[]): string {
  return `${cells.reduce((text, c, i) => `${text}${i === 0 ? "" : " | "}${pad(c, widths[i] ?? 0, numeric[i] === true)}`, "| ")} |`;
}

function renderTable(columns: string[], rows: string[][], numeric: boolean[]): string[] {
  // The header is the first line; short rows are filled and long rows cut so every line has
  // exactly one cell per column.
  const lines = [columns, ...rows].map((row) => columns.map((_, i) => cell(row[i] ?? "")));
  // One pass over the cells for every column's widest, rather than one pass per column.
  const widest = columns.map(() => 3);
  for (const cells of lines) cells.forEach((c, i) => (widest[i] = Math.max(widest[i] ?? 0, c.width)));
  const widths = widest.map((size) => (size > MAX_PADDED_WIDTH ? 0 : size));
  const rule = widths.map((size, i) => {
    const dashes = "-".repeat(Math.max(3, size) - 1);
    return numeric[i] === true ? `${dashes}:` : `${dashes}-`;
  });
  const rendered = lines.map((cells) => tableLine(cells, widths, numeric));
  // The rule goes under the header.
  rendered.splice(1, 0, `|${rule.map((r) => ` ${r} `).join("|")}|`);
  return rendered;
}

/** A backtick fence longer than any backtick run in the code, so the code cannot close it. */
function renderCode(language: string, code: string): string[] {
  // Diagrams and scripts seldom hold a backtick: then there is no run to measure.
  const longest = code.includes("`") ? Math.max(2, ...Array.from(code.matchAll(/`+/g), (m) => m[0].length)) : 2;
  const fence = "`".repeat(longest + 1);
  const info = language.replace(/[^A-Za-z0-9_+-]/g, "");
  // The code keeps its own line breaks: it is one entry between the fences.
  const body = code.replace(/\r\n?/g, "\n").replace(/\n+$/, "");
  return [`${fence}${info}`, body, fence];
}

function renderList(items: string[], ordered: boolean): string[] {
  return items.map((item, i) => `${ordered ? `${i + 1}.` : "-"} ${oneLine(item)}`);
}

function renderBlock(block: Block): string[] {
  switch (block.kind) {
    case "paragraph":
      return [oneLine(block.text)];
    case "list":
      return renderList(block.items, block.ordered);
    case "table":
      return renderTable(block.columns, block.rows, block.numeric);
    case "code":
      return renderCode(block.language, block.code);
    case "facts":
      return block.items.map((fact) => `- **${oneLine(fact.label)}:** ${oneLine(fact.value)}`);
  }
}

function renderSection(section: Section): string[] {
  const lines = [`## ${oneLine(section.title)}`];
  for (const block of section.blocks) {
    const blockLines = renderBlock(block);
    // A blank line before each block; a block with no items is still one (empty) line.
    lines.push("", ...(blockLines.length === 0 ? [""] : blockLines));
  }
  return lines;
}

/**
 * The whole document: title, the one-paragraph summary as a quote, then each section, a blank
 * line between any two. Every part renders to lines joined once at the end, so the text is not
 * copied again at each level.
 */
export function renderMarkdown(doc: ReportDocument): string {
  const lines = [`# ${oneLine(doc.title)}`];
  if (doc.summary.trim() !== "") lines.push("", `> ${oneLine(doc.summary)}`);
  for (const section of doc.sections) lines.push("", ...renderSection(section));
  // The file ends with a line break.
  lines.push("");
  return lines.join("\n");
}
