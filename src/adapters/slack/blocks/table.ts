import type { types } from "@slack/bolt";
import type { Block } from "../../../report/document.js";
import { escapeMrkdwn, safePlain, truncate } from "../text.js";
import { LIMITS } from "./limits.js";

type TableData = Extract<Block, { kind: "table" }>;

/** A cell's inline Markdown as the plain words it shows (tables take raw text). */
export function plainInline(text: string): string {
  return text.replace(/\\(.)/g, "$1").replace(/\*\*/g, "").replace(/`+/g, "");
}

const CELL_MAX = 300;

/** A native table block, when the table fits one (≤ 100 rows with its header, ≤ 20 columns). */
export function nativeTable(table: TableData): types.TableBlock | undefined {
  if (table.rows.length + 1 > LIMITS.tableRows || table.columns.length > LIMITS.tableCells) return undefined;
  const cell = (text: string): types.RawTextElement => ({ type: "raw_text", text: truncate(safePlain(plainInline(text)), CELL_MAX) || " " });
  const width = table.columns.length;
  const row = (cells: string[]) => Array.from({ length: width }, (_, i) => cell(cells[i] ?? ""));
  return {
    type: "table",
    rows: [row(table.columns), ...table.rows.map(row)],
    column_settings: table.numeric.map((numeric) => ({ align: numeric ? "right" : "left", is_wrapped: !numeric })),
  };
}

/**
 * The table as monospaced text in code blocks, each under the section text limit, the header
 * repeated on every chunk so each reads alone.
 */
export function codeTable(table: TableData): string[] {
  const all = [table.columns, ...table.rows].map((cells) => table.columns.map((_, i) => truncate(plainInline(cells[i] ?? ""), 60)));
  const widths = table.columns.map((_, i) => Math.max(...all.map((cells) => (cells[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((text, i) => (table.numeric[i] ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const [header = [], ...rows] = all.map(line).map(escapeMrkdwn);
  const rule = "-".repeat(Math.min(header.length, 120));
  const chunks: string[] = [];
  const budget = LIMITS.sectionText - 8;
  let current = [header, rule];
  for (const row of rows) {
    const next = [...current, row].join("\n");
    if (next.length > budget && current.length > 2) {
      chunks.push(current.join("\n"));
      current = [header, rule];
    }
    current.push(truncate(row, budget - header.length - rule.length - 2));
  }
  chunks.push(current.join("\n"));
  return chunks.map((chunk) => `\`\`\`${chunk}\`\`\``);
}
