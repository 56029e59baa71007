import { hanging, padEnd, padStart, widthOf, wrap } from "./layout.js";
import type { Style } from "./style.js";

/**
 * A table fitted to the terminal: aligned columns when they fit, wrapped cells when narrowing
 * the widest columns makes them fit, and otherwise one entry per row with "Column: value" lines,
 * which fits any width.
 */

const GAP = "  ";
/** A column is not narrowed below this (or its own width): narrower cells read as letter soup. */
const MIN_COLUMN = 8;

export interface TableInput {
  columns: string[];
  /** Cells already styled for the terminal. */
  rows: string[][];
  numeric: boolean[];
}

function natural(table: TableInput): number[] {
  return table.columns.map((column, i) => Math.max(widthOf(column), ...table.rows.map((row) => widthOf(row[i] ?? ""))));
}

/** Column widths within `width`, narrowing the widest first; undefined when even the narrowest do not fit. */
export function fitColumns(widths: number[], width: number): number[] | undefined {
  const fitted = [...widths];
  const budget = width - GAP.length * (widths.length - 1);
  const floor = widths.map((w) => Math.min(w, MIN_COLUMN));
  if (floor.reduce((a, b) => a + b, 0) > budget) return undefined;
  let total = fitted.reduce((a, b) => a + b, 0);
  while (total > budget) {
    let widest = 0;
    fitted.forEach((w, i) => {
      if (w - (floor[i] ?? 0) > (fitted[widest] ?? 0) - (floor[widest] ?? 0)) widest = i;
    });
    fitted[widest] = (fitted[widest] ?? 0) - 1;
    total -= 1;
  }
  return fitted;
}

function gridLines(table: TableInput, widths: number[], style: Style): string[] {
  const line = (cells: string[]) => {
    const wrapped = cells.map((cell, i) => wrap(cell, widths[i] ?? 1));
    const height = Math.max(...wrapped.map((lines) => lines.length));
    return Array.from({ length: height }, (_, row) =>
      wrapped
        .map((lines, i) => {
          const text = lines[row] ?? "";
          const size = widths[i] ?? 0;
          return table.numeric[i] ? padStart(text, size) : padEnd(text, size);
        })
        .join(GAP)
        .trimEnd(),
    );
  };
  const header = line(table.columns.map((c) => style.bold(c)));
  const rule = style.dim(widths.map((w) => "─".repeat(w)).join(GAP));
  return [...header, rule, ...table.rows.flatMap((row) => line(table.columns.map((_, i) => row[i] ?? "")))];
}

/** One entry per row: its first cell as the lead, each other cell under it as "Column: value". */
function listLines(table: TableInput, width: number, style: Style): string[] {
  const [first = "", ...rest] = table.columns;
  return table.rows.flatMap((row) => [
    ...hanging("• ", style.bold(row[0] ?? first), width),
    ...rest.flatMap((column, i) => {
      const value = row[i + 1] ?? "";
      return value === "" ? [] : hanging("  ", `${style.dim(`${column}:`)} ${value}`, width);
    }),
  ]);
}

export function renderTable(table: TableInput, width: number, style: Style): string[] {
  const widths = fitColumns(natural(table), width);
  return widths ? gridLines(table, widths, style) : listLines(table, width, style);
}
