import type { Action, Post } from "../../../agent/types.js";
import type { Artifact } from "../../../planner/proposal.js";
import type { Section } from "../../../report/document.js";
import type { Picture } from "../../../report/pictures/index.js";
import { escapeMrkdwn, inlineToMrkdwn, markdownToMrkdwn, safePlain, truncate } from "../text.js";
import { actionsBlock } from "./buttons.js";
import { headerBlock, MessagePacker, mrkdwnSections, packSections, type SlackMessage } from "./document.js";
import { LIMITS } from "./limits.js";

/**
 * A core Post as what goes into the Slack thread, in order: messages and file uploads. Pure:
 * pictures are drawn by the caller and handed in.
 */

export interface UploadFile {
  filename: string;
  data: Uint8Array | string;
  title: string;
  altText?: string;
}

/** A document to open as a canvas; `fallback` is the same document as a file, for where Slack refuses canvases. */
export interface CanvasRequest {
  title: string;
  markdown: string;
  version: number;
  fallback: UploadFile;
}

export type Outbound =
  | { kind: "message"; message: SlackMessage }
  | { kind: "upload"; comment: string; files: UploadFile[] }
  /** Published (or turned into its fallback upload) when its turn comes: see canvas.ts. */
  | { kind: "canvas"; canvas: CanvasRequest };

export interface ThreadRef {
  channel: string;
  thread: string;
}

const message = (m: SlackMessage): Outbound => ({ kind: "message", message: m });

function withActions(messages: SlackMessage[], actions: readonly Action[] | undefined, thread: ThreadRef): SlackMessage[] {
  const buttons = actions?.length ? actionsBlock(actions, thread) : undefined;
  const last = messages.at(-1);
  if (!buttons || !last) return messages;
  const packer = new MessagePacker();
  packer.add(last.blocks, last.text);
  if (packer.fits([buttons])) return [...messages.slice(0, -1), { ...last, blocks: [...last.blocks, buttons] }];
  return [...messages, { text: last.text, blocks: [buttons] }];
}

export function textMessages(text: string, actions: readonly Action[] | undefined, thread: ThreadRef): SlackMessage[] {
  const packer = new MessagePacker();
  const plain = truncate(text.split("\n")[0] ?? "", 300);
  packer.add(mrkdwnSections(markdownToMrkdwn(text)), plain);
  return withActions(packer.messages(), actions, thread);
}

function changesMessage(version: number, changes: readonly string[]): SlackMessage {
  const title = `What changed in v${version}`;
  const lines = changes.map((c) => `• ${escapeMrkdwn(c)}`).join("\n");
  return { text: escapeMrkdwn(title), blocks: [headerBlock(title), ...mrkdwnSections(lines).slice(0, LIMITS.blocksPerMessage - 1)] };
}

/** The summary message: title, the summary paragraph, key figures as fields, the model's note, buttons. */
export function summaryMessage(post: Extract<Post, { kind: "proposal" }>, thread: ThreadRef): SlackMessage {
  const { document } = post;
  const summary = document.sections.find((s) => s.id === "summary");
  const facts = summary?.blocks.flatMap((b) => (b.kind === "facts" ? b.items : [])) ?? [];
  const blocks: SlackMessage["blocks"] = [headerBlock(document.title), ...mrkdwnSections(inlineToMrkdwn(document.summary)).slice(0, 3)];
  if (facts.length) {
    blocks.push({
      type: "section",
      fields: facts.slice(0, LIMITS.sectionFields).map((f) => ({ type: "mrkdwn", text: truncate(`*${inlineToMrkdwn(f.label)}*\n${inlineToMrkdwn(f.value)}`, LIMITS.sectionFieldText) })),
    });
  }
  if (post.note) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: truncate(escapeMrkdwn(post.note), LIMITS.sectionText) }] });
  const text = escapeMrkdwn(truncate(`${document.title}: ${document.summary.replace(/\\(.)/g, "$1").replace(/\*\*|`/g, "")}`, 1000));
  return withActions([{ text, blocks }], post.actions, thread)[0] ?? { text, blocks };
}

const isRoadmap = (s: Section) => s.id.startsWith("roadmap-");

function file(artifact: Artifact): UploadFile {
  return { filename: artifact.filename, data: artifact.content, title: artifact.filename };
}

function pictureFile(picture: Picture, altText: string): UploadFile {
  return { filename: picture.filename, data: picture.data, title: picture.filename, altText };
}

/** The whole document as a canvas, its Markdown file the fallback. */
function canvasOf(title: string, version: number, markdown: Artifact): Outbound {
  return { kind: "canvas", canvas: { title, markdown: markdown.content, version, fallback: file(markdown) } };
}

/**
 * A proposal: "what changed" first on a revision, the summary with its buttons, the diagram,
 * then the sections (the roadmap phases wait for "Show roadmap"), then the whole proposal as a
 * canvas (or its Markdown file) and the cost/scale chart.
 */
export function proposalOutbound(post: Extract<Post, { kind: "proposal" }>, thread: ThreadRef, pictures: readonly Picture[]): Outbound[] {
  const out: Outbound[] = [];
  const { proposal, document } = post;
  if (post.changes?.length) out.push(message(changesMessage(proposal.version, post.changes)));
  out.push(message(summaryMessage(post, thread)));
  const diagram = pictures.find((p) => p.filename === "diagram.png");
  if (diagram) out.push({ kind: "upload", comment: `Architecture diagram, v${proposal.version}`, files: [pictureFile(diagram, `Architecture diagram of ${safePlain(document.title)}`)] });
  const sections = document.sections.filter((s) => s.id !== "summary" && !isRoadmap(s));
  out.push(...packSections(sections).map(message));
  const markdown = document.files.find((f) => f.filename.endsWith(".md"));
  if (markdown) out.push(canvasOf(document.title, proposal.version, markdown));
  const chart = pictures.find((p) => p.filename === "cost-scale.png");
  if (chart) out.push({ kind: "upload", comment: `Cost and capacity of v${proposal.version} at 1x, 2x, 10x and 100x`, files: [pictureFile(chart, "Monthly cost and capacity at 1x, 2x, 10x and 100x")] });
  return out;
}

/** Every message and upload for one post. */
export function postOutbound(post: Post, thread: ThreadRef, pictures: readonly Picture[] = []): Outbound[] {
  switch (post.kind) {
    case "text":
      return textMessages(post.text, post.actions, thread).map(message);
    case "proposal":
      return proposalOutbound(post, thread, pictures);
    case "roadmap": {
      const packer = new MessagePacker();
      packer.add([headerBlock(post.document.title)], post.document.title);
      const messages = packSections(post.document.sections, packer);
      return withActions(messages, post.actions, thread).map(message);
    }
    case "files":
      return post.files.length ? [{ kind: "upload", comment: `Files for v${post.version}: k6 load tests, HPA manifests and the whole proposal`, files: post.files.map(file) }] : [];
  }
}
