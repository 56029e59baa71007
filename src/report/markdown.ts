import type { Block, ReportDocument, Section } from "./document.js";

/**
 * GitHub-flavoured Markdown that also reads well as plain text in a terminal. Inline text in the
 * document is already escaped by the builder; this layer only has to keep the block structure
 * intact (table cells, code fences, list items) whatever the text holds.
 */

/** Columns wider than this are not padded: padding a long prose column only adds trailing spaces. */
const MAX_PADDED_WIDTH = 40;

/** Width in code points; most text has no surrogate pairs, so it skips splitting the string. */
function width(text: string): number {
  return /[\uD800-\uDFFF]/.test(text) ? Array.from(text).length : text.length;
}

/** Nearly all text is one line already; testing first skips the costlier replacement. */
function oneLine(text: string): string {
  return /[\r\n]/.test(text) ? text.replace(/\s*[\r\n]+\s*/g, " ") : text;
}

/** Escapes every pipe that is not already escaped, so a cell can never split into two. */
function escapeCell(text: string): string {
  if (!/[\r\n|]/.test(text)) return text;
  return oneLine(text).replace(/(\\*)\|/g, (_match, slashes: string) =>
    slashes.length % 2 === 0 ? `${slashes}\\|` : `${slashes}|`,
  );
}

function pad(text: string, fill: number, right: boolean): string {
  if (fill <= 0) return text;
  const spaces = " ".repeat(fill);
  return right ? spaces + text : text + spaces;
}

function renderTable(columns: string[], rows: string[][], numeric: boolean[]): string {
  // The header is the first line; short rows are filled and long rows cut so every line has
  // exactly one cell per column.
  const lines = [columns, ...rows].map((row) => columns.map((_, i) => escapeCell(row[i] ?? "")));
  // Each cell is measured once: the widths serve both the column size and the padding.
  const cellWidths = lines.map((cells) => cells.map(width));
  const widths = columns.map((_, i) => {
    const widest = cellWidths.reduce((max, cells) => Math.max(max, cells[i] ?? 0), 3);
    return widest > MAX_PADDED_WIDTH ? 0 : widest;
  });
  const line = (cells: string[], row: number) =>
    `| ${cells.map((cell, i) => pad(cell, (widths[i] ?? 0) - (cellWidths[row]?.[i] ?? 0), numeric[i] === true)).join(" | ")} |`;
  const rule = widths.map((size, i) => {
    const dashes = "-".repeat(Math.max(3, size) - 1);
    return numeric[i] === true ? `${dashes}:` : `${dashes}-`;
  });
  const [header, ...body] = lines.map(line);
  return [header, `|${rule.map((r) => ` ${r} `).join("|")}|`, ...body].join("\n");
}

/** A backtick fence longer than any backtick run in the code, so the code cannot close it. */
function renderCode(language: string, code: string): string {
  const longest = Math.max(2, ...Array.from(code.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const info = language.replace(/[^A-Za-z0-9_+-]/g, "");
  const body = code.replace(/\r\n?/g, "\n").replace(/\n+$/, "");
  return `${fence}${info}\n${body}\n${fence}`;
}

function renderList(items: string[], ordered: boolean): string {
  return items.map((item, i) => `${ordered ? `${i + 1}.` : "-"} ${oneLine(item)}`).join("\n");
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return oneLine(block.text);
    case "list":
      return renderList(block.items, block.ordered);
    case "table":
      return renderTable(block.columns, block.rows, block.numeric);
    case "code":
      return renderCode(block.language, block.code);
    case "facts":
      return block.items.map((fact) => `- **${oneLine(fact.label)}:** ${oneLine(fact.value)}`).join("\n");
  }
}

function renderSection(section: Section): string {
  return [`## ${oneLine(section.title)}`, ...section.blocks.map(renderBlock)].join("\n\n");
}

/** The whole document: title, the one-paragraph summary as a quote, then each section. */
export function renderMarkdown(doc: ReportDocument): string {
  const parts = [`# ${oneLine(doc.title)}`];
  if (doc.summary.trim() !== "") parts.push(`> ${oneLine(doc.summary)}`);
  parts.push(...doc.sections.map(renderSection));
  return `${parts.join("\n\n")}\n`;
}
