import type { Post } from "../../../agent/types.js";
import type { Picture } from "../../../report/pictures/index.js";
import { buttonRows, type ButtonRow } from "./buttons.js";
import { cardMessages, type CardMessage } from "./card.js";
import { asFile, type OutboundFile } from "./files.js";
import { DETAIL_SECTIONS, proposalPieces, roadmapPieces, sectionPieces } from "./pieces.js";
import { neutraliseMentions } from "./safe.js";
import { splitMessage } from "./split.js";

export type { OutboundFile } from "./files.js";
export type { CardMessage } from "./card.js";

/** A plain message: content within 2,000 characters, attachments, buttons. */
export interface TextMessage {
  kind: "text";
  content: string;
  files: OutboundFile[];
  components: ButtonRow[];
}

/** One Discord message to send: plain text, or a Components V2 card (card.ts). */
export type OutboundMessage = TextMessage | CardMessage;

export interface PostContext {
  /** The thread (or DM channel) the messages go to; buttons carry it. */
  threadId: string;
  /** Pictures of the post's proposal, when they could be drawn. */
  pictures?: readonly Picture[];
}

/** Discord takes at most ten attachments a message. */
export const MAX_FILES = 10;

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const textMessage = (content: string): TextMessage => ({ kind: "text", content, files: [], components: [] });

/**
 * Text split into 2,000-character messages; the last carries the files (extra messages when
 * they pass ten) and the buttons.
 */
function textMessages(text: string, files: OutboundFile[], components: ButtonRow[]): TextMessage[] {
  const out = splitMessage(neutraliseMentions(text)).map(textMessage);
  if (out.length === 0) out.push(textMessage(""));
  const groups = chunk(files, MAX_FILES);
  out.at(-1)!.files.push(...(groups.shift() ?? []));
  for (const group of groups) out.push({ ...textMessage(""), files: group });
  out.at(-1)!.components = components;
  return out;
}

/**
 * A post as Discord messages. Questions and file lists are plain text; a proposal and a roadmap
 * are cards, the proposal's first one holding its summary, figures, diagram and files.
 */
export function renderPost(post: Post, context: PostContext): OutboundMessage[] {
  const rows = "actions" in post && post.actions ? buttonRows(post.actions, context.threadId) : [];
  switch (post.kind) {
    case "text":
      return textMessages(post.text, [], rows);
    case "proposal":
      return [...cardMessages(proposalPieces(post, context.pictures)), ...cardMessages(sectionPieces(post.document, DETAIL_SECTIONS), rows)];
    case "roadmap":
      return cardMessages(roadmapPieces(post, context.pictures), rows);
    case "files": {
      const list = post.files.map((f) => `- ${f.filename}`).join("\n");
      return textMessages(`**Files for v${post.version}**\n${list}`, post.files.map(asFile), []);
    }
  }
}
