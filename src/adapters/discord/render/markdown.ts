import type { Block, ReportDocument, Section } from "../../../report/document.js";
import { codeBlock } from "./code.js";
import { renderTable } from "./table.js";

/**
 * A ReportDocument as Discord markdown: headings, quotes, lists and bold render natively;
 * tables become aligned code blocks. Inline text is already escaped by the document builder
 * with backslashes, which Discord honours.
 */

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return oneLine(block.text);
    case "list":
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : "-"} ${oneLine(item)}`).join("\n");
    case "table": {
      const { block: rendered, omitted } = renderTable(block.columns, block.rows, block.numeric);
      return omitted.length ? `${rendered}\n-# Not shown here: ${omitted.join(", ")} (in the proposal's .md file).` : rendered;
    }
    case "code":
      return codeBlock(block.language, block.code);
    case "facts":
      return block.items.map((fact) => `- **${oneLine(fact.label)}:** ${oneLine(fact.value)}`).join("\n");
  }
}

/** A section's blocks without its heading, for a section a card heads itself. */
export function renderBlocks(blocks: readonly Block[]): string {
  return blocks.map(renderBlock).join("\n\n");
}

export function renderSection(section: Section): string {
  return [`### ${oneLine(section.title)}`, ...section.blocks.map(renderBlock)].join("\n\n");
}

/** The document's title and one-paragraph summary. */
export function renderHead(doc: ReportDocument): string {
  const title = `## ${oneLine(doc.title)}`;
  return doc.summary.trim() ? `${title}\n> ${oneLine(doc.summary)}` : title;
}

/** The head, then the sections with the given ids in the document's order (all when omitted). */
export function renderDocument(doc: ReportDocument, sectionIds?: readonly string[]): string {
  const sections = sectionIds ? doc.sections.filter((s) => sectionIds.includes(s.id)) : doc.sections;
  return [renderHead(doc), ...sections.map(renderSection)].join("\n\n");
}
