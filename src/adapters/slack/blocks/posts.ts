import type { Action, PostMaterial, ProposalPost, SectionPost, SurfaceRenderer } from "../../../agent/types.js";
import type { Artifact } from "../../../planner/proposal.js";
import type { Picture } from "../../../report/pictures/index.js";
import { escapeMrkdwn, inlineToMrkdwn, markdownToMrkdwn, safePlain, truncate } from "../text.js";
import { actionsBlock } from "./buttons.js";
import { headerBlock, MessagePacker, mrkdwnSections, packSections, type SlackMessage } from "./document.js";
import { LIMITS } from "./limits.js";

/**
 * A core Post as what goes into the Slack thread, in order: messages and file uploads. Pure:
 * the post's pictures and files come drawn and chosen in its material.
 */

export interface UploadFile {
  filename: string;
  data: Uint8Array | string;
  title: string;
  altText?: string;
}

export type Outbound = { kind: "message"; message: SlackMessage } | { kind: "upload"; comment: string; files: UploadFile[] };

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

/** The first reply: title, shape, peak and cost as fields, the first limits, what was assumed, the model's note, buttons. */
export function summaryMessage(post: ProposalPost, thread: ThreadRef): SlackMessage {
  const { brief } = post;
  const fields = [
    ["Peak traffic", brief.traffic],
    ["Monthly cost", brief.cost],
    ...(brief.levers ? [["With the levers", brief.levers]] : []),
  ].map(([label, value]) => ({ type: "mrkdwn" as const, text: truncate(`*${label}*\n${inlineToMrkdwn(value ?? "")}`, LIMITS.sectionFieldText) }));
  const limits = brief.bottlenecks.map((b, i) => `${i + 1}. ${inlineToMrkdwn(b.title)}: ${b.utilisation} used, ${b.headroom} headroom before 80%`);
  const assumed = brief.assumptions.map((a) => `• *${inlineToMrkdwn(a.label)}:* ${inlineToMrkdwn(a.value)} — say ${inlineToMrkdwn(a.change)} to change it`);
  if (brief.moreAssumptions > 0) assumed.push(`_${brief.moreAssumptions} more in the full proposal_`);
  const blocks: SlackMessage["blocks"] = [
    headerBlock(`${brief.title} (v${brief.version})`),
    ...mrkdwnSections(inlineToMrkdwn(brief.shape)).slice(0, 1),
    { type: "section", fields },
    ...(limits.length ? mrkdwnSections(`*First limits*\n${limits.join("\n")}`).slice(0, 1) : []),
    ...(assumed.length ? mrkdwnSections(`*Assumed*\n${assumed.join("\n")}`).slice(0, 1) : []),
  ];
  if (post.note) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: truncate(escapeMrkdwn(post.note), LIMITS.sectionText) }] });
  const text = escapeMrkdwn(truncate(`${safePlain(brief.title)}: ${safePlain(brief.cost)}`, 1000));
  return withActions([{ text, blocks }], post.actions, thread)[0] ?? { text, blocks };
}

function file(artifact: Artifact): UploadFile {
  return { filename: artifact.filename, data: artifact.content, title: artifact.filename };
}

const ALT_TEXT: Record<string, string> = {
  "diagram.png": "Architecture diagram",
  "cost-scale.png": "Monthly cost and capacity at 1x, 2x, 10x and 100x",
};

/** Slack shows PNGs inline; the SVGs stay in the files people download. */
const shown = (pictures: readonly Picture[]) => pictures.filter((p) => p.mediaType === "image/png");

function pictureFile(picture: Picture, title: string): UploadFile {
  return { filename: picture.filename, data: picture.data, title: picture.filename, altText: `${ALT_TEXT[picture.filename] ?? "Picture"} of ${safePlain(title)}` };
}

/**
 * A proposal: "what changed" first on a revision, the summary with its buttons, the diagram,
 * then the whole proposal as Markdown with the cost/scale chart. Its sections wait to be asked for.
 */
export function proposalOutbound({ post, pictures, files }: PostMaterial<ProposalPost>, thread: ThreadRef): Outbound[] {
  const out: Outbound[] = [];
  const { proposal, brief } = post;
  if (post.changes?.length) out.push(message(changesMessage(proposal.version, post.changes)));
  out.push(message(summaryMessage(post, thread)));
  const [first, ...rest] = shown(pictures);
  if (first) out.push({ kind: "upload", comment: `Architecture diagram, v${proposal.version}`, files: [pictureFile(first, brief.title)] });
  const attached = [...files.map(file), ...rest.map((p) => pictureFile(p, brief.title))];
  if (attached.length) out.push({ kind: "upload", comment: `The whole proposal v${proposal.version} as Markdown, and the cost/scale chart`, files: attached });
  return out;
}

/** A part on request: its sections (the full proposal goes as its file instead of a dozen messages), pictures, files. */
export function sectionOutbound({ post, pictures, files }: PostMaterial<SectionPost>, thread: ThreadRef): Outbound[] {
  const { document } = post;
  const packer = new MessagePacker();
  packer.add([headerBlock(document.title)], document.title);
  const messages = post.part === "full" ? packer.messages() : packSections(document.sections, packer);
  const uploads = [...shown(pictures).map((p) => pictureFile(p, document.title)), ...files.map(file)];
  const upload: Outbound[] = uploads.length ? [{ kind: "upload", comment: post.part === "full" ? `The whole proposal v${post.version}` : `${safePlain(document.title)}`, files: uploads }] : [];
  return [...withActions(messages, post.actions, thread).map(message), ...upload];
}

/** Every message and upload for one post. */
export function postOutbound(material: PostMaterial, thread: ThreadRef): Outbound[] {
  const { post } = material;
  switch (post.kind) {
    case "text":
      return textMessages(post.text, post.actions, thread).map(message);
    case "proposal":
      return proposalOutbound({ ...material, post }, thread);
    case "section":
      return sectionOutbound({ ...material, post }, thread);
    case "files":
      return material.files.length ? [{ kind: "upload", comment: `Files for v${post.version}: k6 load tests, HPA manifests and the whole proposal`, files: material.files.map(file) }] : [];
  }
}

/** Slack's surface: a post's material as the messages and uploads of its thread. */
export const slackRenderer: SurfaceRenderer<ThreadRef, Outbound> = { render: postOutbound };
