import type { Block, Section } from "../../../report/document.js";
import { renderInline } from "./inline.js";
import { hanging, wrap } from "./layout.js";
import type { Style } from "./style.js";
import { renderTable } from "./table.js";

/** The report's blocks and sections as terminal lines, none wider than `width`. */

export interface Terminal {
  width: number;
  style: Style;
}

function codeLines(code: string, { width, style }: Terminal): string[] {
  // Code keeps its own line breaks; a line too wide for the screen continues on the next.
  return code
    .replace(/\r\n?/g, "\n")
    .replace(/\n+$/, "")
    .split("\n")
    .flatMap((line) => wrap(line.replace(/\t/g, "  ") || " ", width - 2).map((part) => `  ${style.code(part)}`));
}

export function blockLines(block: Block, terminal: Terminal): string[] {
  const { width, style } = terminal;
  const inline = (text: string) => renderInline(text, style);
  switch (block.kind) {
    case "paragraph":
      return wrap(inline(block.text), width);
    case "list":
      return block.items.flatMap((item, i) => hanging(block.ordered ? `${i + 1}. ` : "• ", inline(item), width));
    case "facts":
      return block.items.flatMap((fact) => hanging("", `${style.bold(`${inline(fact.label)}:`)} ${inline(fact.value)}`, width));
    case "table":
      return renderTable({ columns: block.columns.map(inline), rows: block.rows.map((row) => row.map(inline)), numeric: block.numeric }, width, style);
    case "code":
      return codeLines(block.code, terminal);
  }
}

/** The Mermaid source is a file in the output folder; in a terminal it is only noise. */
const shown = (block: Block) => !(block.kind === "code" && block.language === "mermaid");

export function headingLines(title: string, terminal: Terminal): string[] {
  const { style, width } = terminal;
  const lines = wrap(renderInline(title, style), width);
  // Without styling a heading still stands out: a rule under it.
  return style.enabled ? lines.map((line) => style.heading(line)) : [...lines, "─".repeat(Math.min(width, Math.max(...lines.map((l) => l.length))))];
}

export function sectionLines(section: Section, terminal: Terminal): string[] {
  const blocks = section.blocks.filter(shown).flatMap((block) => ["", ...blockLines(block, terminal)]);
  return [...headingLines(section.title, terminal), ...blocks];
}
