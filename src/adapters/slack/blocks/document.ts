import type { types } from "@slack/bolt";
import type { Block, Section } from "../../../report/document.js";
import { escapeMrkdwn, inlineToMrkdwn, safePlain, truncate } from "../text.js";
import { LIMITS } from "./limits.js";
import { codeTable, nativeTable } from "./table.js";

/** The report's blocks as Block Kit, packed into messages that each keep Slack's limits. */

export type SlackBlock = types.KnownBlock;

export interface SlackMessage {
  /** The notification and accessibility text. */
  text: string;
  blocks: SlackBlock[];
}

export function headerBlock(title: string): types.HeaderBlock {
  return { type: "header", text: { type: "plain_text", text: truncate(safePlain(title), LIMITS.headerText), emoji: true } };
}

export function mrkdwnSection(text: string): types.SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text: text || " " } };
}

/** Splits mrkdwn into sections under the text limit, at line breaks where possible. */
export function mrkdwnSections(text: string): types.SectionBlock[] {
  const max = LIMITS.sectionText;
  const out: string[] = [];
  let current = "";
  for (const raw of text.split("\n")) {
    const line = raw.length > max ? truncate(raw, max) : raw;
    if (current && current.length + 1 + line.length > max) {
      out.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) out.push(current);
  return out.map(mrkdwnSection);
}

/** Code in fenced mrkdwn sections, split by lines so each fits. */
export function codeSections(code: string): types.SectionBlock[] {
  const budget = LIMITS.sectionText - 8;
  const chunks: string[] = [];
  let current = "";
  for (const raw of escapeMrkdwn(code.trimEnd()).split("\n")) {
    const line = raw.length > budget ? truncate(raw, budget) : raw;
    if (current && current.length + 1 + line.length > budget) {
      chunks.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  chunks.push(current || " ");
  return chunks.map((chunk) => mrkdwnSection(`\`\`\`${chunk}\`\`\``));
}

/** One report block as Slack blocks; a table is native only where the message has none yet. */
export function renderBlock(block: Block, tableAllowed: boolean): SlackBlock[] {
  switch (block.kind) {
    case "paragraph":
      return mrkdwnSections(inlineToMrkdwn(block.text));
    case "list":
      return mrkdwnSections(block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : "•"} ${inlineToMrkdwn(item)}`).join("\n"));
    case "facts":
      return mrkdwnSections(block.items.map((f) => `*${inlineToMrkdwn(f.label)}:* ${inlineToMrkdwn(f.value)}`).join("\n"));
    case "code":
      return codeSections(block.code);
    case "table": {
      const native = tableAllowed ? nativeTable(block) : undefined;
      // A native table must also leave room in its message for a header and some text.
      return native && size([native]) <= LIMITS.blocksJsonBudget * 0.75 ? [native] : codeTable(block).map(mrkdwnSection);
    }
  }
}

const size = (blocks: readonly SlackBlock[]) => JSON.stringify(blocks).length;
const hasTable = (blocks: readonly SlackBlock[]) => blocks.some((b) => b.type === "table");

/** Gathers blocks into messages under the block count, table and size limits. */
export class MessagePacker {
  private readonly done: SlackMessage[] = [];
  private blocks: SlackBlock[] = [];
  private label = "";

  /** Would these blocks fit in the message being filled? */
  fits(blocks: readonly SlackBlock[]): boolean {
    const next = [...this.blocks, ...blocks];
    return next.length <= LIMITS.blocksPerMessage && size(next) <= LIMITS.blocksJsonBudget && next.filter((b) => b.type === "table").length <= LIMITS.tablesPerMessage;
  }

  get tableAllowed(): boolean {
    return !hasTable(this.blocks);
  }

  get empty(): boolean {
    return this.blocks.length === 0;
  }

  /** Adds blocks, each one where it fits, starting new messages as needed. */
  add(blocks: readonly SlackBlock[], label: string): void {
    for (const block of blocks) {
      if (!this.fits([block])) this.flush();
      if (!this.label) this.label = label;
      this.blocks.push(block);
    }
  }

  /** Adds blocks that should stay together, in a fresh message if the current one is too full. */
  addTogether(blocks: readonly SlackBlock[], label: string): void {
    if (!this.fits(blocks)) this.flush();
    this.add(blocks, label);
  }

  flush(): void {
    if (this.blocks.length === 0) return;
    this.done.push({ text: escapeMrkdwn(truncate(this.label, 300)), blocks: this.blocks });
    this.blocks = [];
    this.label = "";
  }

  messages(): SlackMessage[] {
    this.flush();
    return this.done;
  }
}

/** Report blocks that are noise in a chat thread (the Mermaid source ships as a file instead). */
const skipped = (block: Block) => block.kind === "code" && block.language === "mermaid";

/**
 * Packs sections into messages. A section goes whole into the current message when it fits
 * (tables native where allowed), else into a fresh one, else block by block.
 */
export function packSections(sections: readonly Section[], packer = new MessagePacker()): SlackMessage[] {
  for (const section of sections) {
    const content = section.blocks.filter((b) => !skipped(b));
    const whole = [headerBlock(section.title), ...renderTogether(content, packer.tableAllowed)];
    if (packer.fits(whole)) {
      packer.add(whole, section.title);
      continue;
    }
    packer.flush();
    const fresh = [headerBlock(section.title), ...renderTogether(content, true)];
    if (packer.fits(fresh)) {
      packer.add(fresh, section.title);
      continue;
    }
    packer.add([headerBlock(section.title)], section.title);
    for (const block of content) packer.addTogether(renderBlock(block, packer.tableAllowed), section.title);
  }
  return packer.messages();
}

/** Renders a run of report blocks with at most one native table among them. */
function renderTogether(blocks: readonly Block[], tableAllowed: boolean): SlackBlock[] {
  const out: SlackBlock[] = [];
  let allowed = tableAllowed;
  for (const block of blocks) {
    const rendered = renderBlock(block, allowed);
    if (hasTable(rendered)) allowed = false;
    out.push(...rendered);
  }
  return out;
}
