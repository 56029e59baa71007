import { codeBlock } from "./code.js";
import { plainInline } from "./inline.js";

/**
 * Discord has no tables, so a table becomes an aligned code block. Long prose columns (purpose,
 * sizing, fixes) would wrap every row on a phone, so only the naming columns (the first, and
 * the first text column when the first is a number such as a rank) and the short columns are
 * kept, within a width that fits a chat window; the caller names what was left out.
 */

export interface TableLayout {
  /** Widest line of the block, in characters. */
  maxWidth: number;
  /** Naming columns are cut to this width. */
  firstColumnWidth: number;
  /** Other columns are kept only when their widest cell fits this width. */
  shortColumnWidth: number;
}

export const DEFAULT_TABLE_LAYOUT: TableLayout = { maxWidth: 72, firstColumnWidth: 36, shortColumnWidth: 24 };

export interface RenderedTable {
  block: string;
  /** Titles of the columns left out. */
  omitted: string[];
}

const GAP = "  ";

function width(text: string): number {
  return Array.from(text).length;
}

function cut(text: string, size: number): string {
  const chars = Array.from(text);
  return chars.length <= size ? text : `${chars.slice(0, size - 1).join("")}…`;
}

function pad(text: string, size: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, size - width(text)));
  return right ? fill + text : text + fill;
}

const cell = (text: string) => plainInline(text).replace(/\s+/g, " ").trim();

export function renderTable(columns: string[], rows: string[][], numeric: boolean[], layout: TableLayout = DEFAULT_TABLE_LAYOUT): RenderedTable {
  const header = columns.map(cell);
  const body = rows.map((row) => columns.map((_, i) => cell(row[i] ?? "")));
  const widest = header.map((title, i) => Math.max(width(title), ...body.map((row) => width(row[i] ?? ""))));
  const naming = new Set([0, numeric[0] === true ? numeric.findIndex((n, i) => i < columns.length && n !== true) : 0]);
  const shownWidth = (i: number) => (naming.has(i) ? Math.min(widest[i] ?? 0, layout.firstColumnWidth) : (widest[i] ?? 0));
  const kept: number[] = [];
  let total = 0;
  for (const i of widest.keys()) {
    if (!naming.has(i) && (widest[i] ?? 0) > layout.shortColumnWidth) continue;
    const extra = (kept.length ? GAP.length : 0) + shownWidth(i);
    if (!naming.has(i) && total + extra > layout.maxWidth) continue;
    kept.push(i);
    total += extra;
  }
  const widths = kept.map(shownWidth);
  const line = (cells: string[]) =>
    kept
      .map((col, k) => pad(cut(cells[col] ?? "", widths[k] ?? 0), widths[k] ?? 0, numeric[col] === true))
      .join(GAP)
      .trimEnd();
  const rule = widths.map((size) => "-".repeat(size)).join(GAP);
  const block = codeBlock("", [line(header), rule, ...body.map(line)].join("\n"));
  return { block, omitted: columns.filter((_, i) => !kept.includes(i)).map(cell) };
}
