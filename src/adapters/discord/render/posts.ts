import type { PostMaterial, SurfaceRenderer } from "../../../agent/types.js";
import { buttonRows, type ButtonRow } from "./buttons.js";
import { cardMessages, type CardMessage } from "./card.js";
import { asFile, type OutboundFile } from "./files.js";
import { briefPieces, sectionPieces, shownPictures } from "./pieces.js";
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
 * A post's material as Discord messages. Questions and file lists are plain text. A proposal is
 * one Components V2 card: its brief, the pictures and the whole proposal as a file, with the
 * buttons for its parts; a part asked for is cards of its sections, whole, split across cards
 * when it is longer than one holds.
 */
export function renderPost({ post, pictures, files }: PostMaterial, context: PostContext): OutboundMessage[] {
  const rows = "actions" in post && post.actions ? buttonRows(post.actions, context.threadId) : [];
  switch (post.kind) {
    case "text":
      return textMessages(post.text, [], rows);
    case "proposal":
      return cardMessages(briefPieces(post, shownPictures(pictures), files), rows);
    case "section":
      return cardMessages(sectionPieces(post, shownPictures(pictures), files), rows);
    case "files": {
      const list = post.files.map((f) => `- ${f.filename}`).join("\n");
      return textMessages(`**Files for v${post.version}**\n${list}`, files.map(asFile), []);
    }
  }
}

/** Discord's surface: a post's material as the messages of its thread. */
export const discordRenderer: SurfaceRenderer<PostContext, OutboundMessage> = { render: renderPost };
