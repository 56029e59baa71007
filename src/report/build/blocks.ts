import type { Block, Section } from "../document.js";

/**
 * Small constructors for document blocks. Callers pass inline text that is already escaped
 * (escapeInline, codeSpan): these only shape blocks and drop the empty ones.
 */

export interface Column {
  title: string;
  /** Right-aligned when rendered. */
  numeric?: boolean;
}

export function paragraph(text: string): Block {
  return { kind: "paragraph", text };
}

export function list(items: string[], ordered = false): Block {
  return { kind: "list", items, ordered };
}

export function table(columns: Column[], rows: string[][]): Block {
  return {
    kind: "table",
    columns: columns.map((c) => c.title),
    rows,
    numeric: columns.map((c) => c.numeric === true),
  };
}

export function facts(items: [label: string, value: string | undefined][]): Block {
  return {
    kind: "facts",
    // filter and map: flatMap's little arrays made this several times slower.
    items: items.filter((item): item is [string, string] => item[1] !== undefined).map(([label, value]) => ({ label, value })),
  };
}

export function code(language: string, source: string): Block {
  return { kind: "code", language, code: source };
}

function isEmpty(block: Block): boolean {
  switch (block.kind) {
    case "paragraph":
      return block.text.trim() === "";
    case "list":
      return block.items.length === 0;
    case "table":
      return block.rows.length === 0;
    case "code":
      return block.code.trim() === "";
    case "facts":
      return block.items.length === 0;
  }
}

/**
 * A section without its empty blocks. A section whose every block is empty still says so in one
 * sentence, so a reader never meets a bare heading.
 */
export function section(id: string, title: string, blocks: Block[], whenEmpty: string): Section {
  const kept = blocks.filter((block) => !isEmpty(block));
  return { id, title, blocks: kept.length > 0 ? kept : [paragraph(whenEmpty)] };
}

/** Blocks under a bold lead-in (e.g. "**Alerts**"), or nothing when every block is empty. */
export function titled(title: string, ...blocks: Block[]): Block[] {
  const kept = blocks.filter((block) => !isEmpty(block));
  return kept.length > 0 ? [paragraph(`**${title}**`), ...kept] : [];
}
