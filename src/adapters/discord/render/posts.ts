import type { Post } from "../../../agent/types.js";
import type { Artifact } from "../../../planner/proposal.js";
import type { Picture } from "../../../report/pictures/index.js";
import { buttonRows, type ButtonRow } from "./buttons.js";
import { renderDocument } from "./markdown.js";
import { neutraliseMentions } from "./safe.js";
import { splitMessage } from "./split.js";

/** One Discord message to send: content within the limit, attachments, buttons. */
export interface OutboundMessage {
  content: string;
  files: OutboundFile[];
  components: ButtonRow[];
}

export interface OutboundFile {
  name: string;
  data: Uint8Array;
}

export interface PostContext {
  /** The thread (or DM channel) the messages go to; buttons carry it. */
  threadId: string;
  /** Pictures of the post's proposal, when they could be drawn. */
  pictures?: readonly Picture[];
}

/** Discord takes at most ten attachments a message. */
export const MAX_FILES = 10;

/**
 * The proposal in chat shows what a reader needs to decide (the summary, the components with
 * their counts, the ranked bottlenecks, the cost and budget verdict); every other section is in
 * the attached .md file, which would otherwise take dozens of messages.
 */
export const PROPOSAL_SECTIONS = ["summary", "components", "bottlenecks", "cost"] as const;

const DIAGRAM = "diagram.png";
const CHART = "cost-scale.png";

function picture(pictures: readonly Picture[] | undefined, name: string): OutboundFile[] {
  const found = pictures?.find((p) => p.filename === name);
  return found ? [{ name: found.filename, data: found.data }] : [];
}

const asFile = (artifact: Artifact): OutboundFile => ({ name: artifact.filename, data: new TextEncoder().encode(artifact.content) });

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Text split into messages; the first carries `lead` files, the last carries `trail` files
 * (extra messages when they pass ten) and the buttons.
 */
function messages(text: string, lead: OutboundFile[], trail: OutboundFile[], components: ButtonRow[]): OutboundMessage[] {
  const out: OutboundMessage[] = splitMessage(neutraliseMentions(text)).map((content) => ({ content, files: [], components: [] }));
  if (out.length === 0) out.push({ content: "", files: [], components: [] });
  out[0]!.files.push(...lead);
  const last = out.at(-1)!;
  const groups = chunk(trail, MAX_FILES);
  const first = groups.shift() ?? [];
  if (last.files.length + first.length <= MAX_FILES) last.files.push(...first);
  else groups.unshift(first);
  for (const group of groups) out.push({ content: "", files: group, components: [] });
  out.at(-1)!.components = components;
  return out;
}

export function renderPost(post: Post, context: PostContext): OutboundMessage[] {
  const rows = "actions" in post && post.actions ? buttonRows(post.actions, context.threadId) : [];
  switch (post.kind) {
    case "text":
      return messages(post.text, [], [], rows);
    case "proposal": {
      const { proposal, document } = post;
      const changes = post.changes?.length ? `**What changed in v${proposal.version}**\n${post.changes.map((c) => `- ${c}`).join("\n")}\n\n` : "";
      const note = post.note ? `\n\n> ${post.note.replace(/\s*\n\s*/g, " ")}` : "";
      const attached = document.files.length
        ? `\n\n-# Attached: the whole proposal (requirements, capacity, stack, environments, reliability, security, observability, roadmap) and its artefacts: ${document.files.map((f) => f.filename).join(", ")}.`
        : "";
      const text = `${changes}${renderDocument(document, PROPOSAL_SECTIONS)}${note}${attached}`;
      return messages(text, picture(context.pictures, DIAGRAM), document.files.map(asFile), rows);
    }
    case "roadmap":
      return messages(renderDocument(post.document), picture(context.pictures, CHART), [], rows);
    case "files": {
      const list = post.files.map((f) => `- ${f.filename}`).join("\n");
      return messages(`**Files for v${post.version}**\n${list}`, [], post.files.map(asFile), []);
    }
  }
}
