import type { PostMaterial, SurfaceRenderer } from "../../../agent/types.js";
import type { Artifact } from "../../../planner/proposal.js";
import { briefSections } from "../../../report/index.js";
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
}

/** Discord takes at most ten attachments a message. */
export const MAX_FILES = 10;

/** Discord previews PNGs; the SVGs stay in the files people download. */
const shown = (pictures: readonly Picture[]): OutboundFile[] =>
  pictures.filter((p) => p.mediaType === "image/png").map((p) => ({ name: p.filename, data: p.data }));

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

/**
 * A post's material as Discord messages. A proposal shows its brief with the diagram first and
 * the whole proposal attached (the rest of its pictures with it); a part shows its sections
 * with its pictures, and the full proposal goes as its file rather than dozens of messages.
 */
export function renderPost({ post, pictures, files }: PostMaterial, context: PostContext): OutboundMessage[] {
  const rows = "actions" in post && post.actions ? buttonRows(post.actions, context.threadId) : [];
  const [lead, ...rest] = shown(pictures);
  const attached = [...files.map(asFile), ...rest];
  switch (post.kind) {
    case "text":
      return messages(post.text, [], [], rows);
    case "proposal": {
      const { proposal, brief } = post;
      const changes = post.changes?.length ? `**What changed in v${proposal.version}**\n${post.changes.map((c) => `- ${c}`).join("\n")}\n\n` : "";
      const note = post.note ? `\n\n> ${post.note.replace(/\s*\n\s*/g, " ")}` : "";
      const head = renderDocument({ title: `${brief.title} (v${brief.version})`, summary: "", sections: briefSections(brief), files: [] });
      const list = files.length ? `\n\n-# Attached: the whole proposal (${files.map((f) => f.filename).join(", ")}); ask for a part: costs, components, bottlenecks, roadmap.` : "";
      return messages(`${changes}${head}${note}${list}`, lead ? [lead] : [], attached, rows);
    }
    case "section": {
      const text = post.part === "full" ? renderDocument({ ...post.document, sections: [] }) : renderDocument(post.document);
      return messages(text, lead ? [lead] : [], attached, rows);
    }
    case "files": {
      const list = post.files.map((f) => `- ${f.filename}`).join("\n");
      return messages(`**Files for v${post.version}**\n${list}`, [], files.map(asFile), []);
    }
  }
}

/** Discord's surface: a post's material as the messages of its thread. */
export const discordRenderer: SurfaceRenderer<PostContext, OutboundMessage> = { render: renderPost };
