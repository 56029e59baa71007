import type { types } from "@slack/bolt";

/**
 * Slack's documented Block Kit limits and a checker for them. Builders stay within these; the
 * checker is what the tests (and the fake Slack) hold every payload to.
 */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerModal: 100,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  markdownTotal: 12_000,
  tableRows: 100,
  tableCells: 20,
  tablesPerMessage: 1,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  contextElements: 10,
  messageText: 40_000,
  modalTitle: 24,
  privateMetadata: 3000,
  /**
   * Slack refuses a message whose blocks are too long in total (msg_blocks_too_long) below any
   * documented per-block limit (seen near 13k characters); builders keep the serialised blocks
   * of one message under this.
   */
  blocksJsonBudget: 12_000,
} as const;

type AnyBlock = types.KnownBlock | types.Block;

interface TextObject {
  type?: string;
  text?: string;
}

function textOf(value: unknown): string | undefined {
  return typeof value === "object" && value !== null && typeof (value as TextObject).text === "string" ? (value as TextObject).text : undefined;
}

function checkBlock(block: AnyBlock, at: string, problems: string[]): void {
  const b = block as unknown as Record<string, unknown>;
  switch (block.type) {
    case "section": {
      const text = textOf(b.text);
      if (text !== undefined && text.length > LIMITS.sectionText) problems.push(`${at}: section text ${text.length} > ${LIMITS.sectionText}`);
      if (text !== undefined && text.length === 0) problems.push(`${at}: empty section text`);
      const fields = Array.isArray(b.fields) ? b.fields : [];
      if (fields.length > LIMITS.sectionFields) problems.push(`${at}: ${fields.length} fields > ${LIMITS.sectionFields}`);
      for (const field of fields) {
        const t = textOf(field) ?? "";
        if (t.length > LIMITS.sectionFieldText) problems.push(`${at}: field text ${t.length} > ${LIMITS.sectionFieldText}`);
      }
      if (text === undefined && fields.length === 0) problems.push(`${at}: section without text or fields`);
      break;
    }
    case "header": {
      const text = textOf(b.text) ?? "";
      if (text.length === 0 || text.length > LIMITS.headerText) problems.push(`${at}: header text length ${text.length} outside 1..${LIMITS.headerText}`);
      break;
    }
    case "table": {
      const rows = Array.isArray(b.rows) ? (b.rows as unknown[]) : [];
      if (rows.length === 0 || rows.length > LIMITS.tableRows) problems.push(`${at}: table rows ${rows.length} outside 1..${LIMITS.tableRows}`);
      for (const row of rows) {
        if (!Array.isArray(row) || row.length > LIMITS.tableCells) problems.push(`${at}: table row with more than ${LIMITS.tableCells} cells`);
      }
      break;
    }
    case "actions": {
      const elements = Array.isArray(b.elements) ? (b.elements as Record<string, unknown>[]) : [];
      if (elements.length === 0 || elements.length > LIMITS.actionsElements) problems.push(`${at}: actions elements ${elements.length} outside 1..${LIMITS.actionsElements}`);
      const ids = new Set<string>();
      for (const element of elements) {
        const label = textOf(element.text) ?? "";
        if (label.length === 0 || label.length > LIMITS.buttonText) problems.push(`${at}: button text length ${label.length} outside 1..${LIMITS.buttonText}`);
        const value = typeof element.value === "string" ? element.value : "";
        if (value.length > LIMITS.buttonValue) problems.push(`${at}: button value ${value.length} > ${LIMITS.buttonValue}`);
        const id = typeof element.action_id === "string" ? element.action_id : "";
        if (id.length > LIMITS.actionId) problems.push(`${at}: action_id ${id.length} > ${LIMITS.actionId}`);
        if (ids.has(id)) problems.push(`${at}: duplicate action_id ${id}`);
        ids.add(id);
      }
      break;
    }
    case "context": {
      const elements = Array.isArray(b.elements) ? b.elements : [];
      if (elements.length === 0 || elements.length > LIMITS.contextElements) problems.push(`${at}: context elements ${elements.length} outside 1..${LIMITS.contextElements}`);
      break;
    }
    default:
      break;
  }
}

/** Every way a message payload breaks Slack's limits; empty when it is fine. */
export function checkMessage(payload: { text?: string; blocks?: readonly AnyBlock[] }): string[] {
  const problems: string[] = [];
  const blocks = payload.blocks ?? [];
  if ((payload.text ?? "").length > LIMITS.messageText) problems.push(`message text ${payload.text?.length} > ${LIMITS.messageText}`);
  if (blocks.length > LIMITS.blocksPerMessage) problems.push(`${blocks.length} blocks > ${LIMITS.blocksPerMessage}`);
  const tables = blocks.filter((b) => b.type === "table").length;
  if (tables > LIMITS.tablesPerMessage) problems.push(`${tables} table blocks > ${LIMITS.tablesPerMessage}`);
  const markdown = blocks.reduce((sum, b) => sum + (b.type === "markdown" ? (textOf(b)?.length ?? 0) : 0), 0);
  if (markdown > LIMITS.markdownTotal) problems.push(`markdown blocks total ${markdown} > ${LIMITS.markdownTotal}`);
  const json = JSON.stringify(blocks).length;
  if (json > LIMITS.blocksJsonBudget) problems.push(`blocks serialise to ${json} characters > ${LIMITS.blocksJsonBudget}`);
  blocks.forEach((block, i) => checkBlock(block, `block ${i} (${block.type})`, problems));
  return problems;
}

/** Every way a modal view breaks Slack's limits. */
export function checkView(view: { title?: unknown; blocks?: readonly AnyBlock[]; private_metadata?: string }): string[] {
  const problems: string[] = [];
  const blocks = view.blocks ?? [];
  if (blocks.length > LIMITS.blocksPerModal) problems.push(`${blocks.length} blocks > ${LIMITS.blocksPerModal}`);
  const title = textOf(view.title) ?? "";
  if (title.length === 0 || title.length > LIMITS.modalTitle) problems.push(`modal title length ${title.length} outside 1..${LIMITS.modalTitle}`);
  if ((view.private_metadata ?? "").length > LIMITS.privateMetadata) problems.push(`private_metadata > ${LIMITS.privateMetadata}`);
  blocks.forEach((block, i) => checkBlock(block, `block ${i} (${block.type})`, problems));
  return problems;
}
