import type { Artifact, Proposal } from "../planner/proposal.js";
import type { ProposalBrief, ReportDocument } from "../report/document.js";
import type { ProposalPart } from "../report/parts.js";
import type { Picture } from "../report/pictures/picture.js";
import type { ThreadKey } from "../state/types.js";

export type { ProposalPart } from "../report/parts.js";

/** One user message (or button press) in a thread, as every adapter hands it to the core. */
export interface Turn {
  key: ThreadKey;
  user: string;
  text: string;
  /** The platform's event id; a repeat delivery of the same id is ignored. */
  eventId?: string;
  /** A button id ("go", "show_roadmap", "show:costs", "export", "start_over") or a quick answer's id. */
  action?: string;
}

/** A button an adapter may show under a post. Pressing it sends a Turn with `action: id`. */
export interface Action {
  id: string;
  label: string;
}

/**
 * A new or revised proposal. It is read at three depths: the `brief` is the first reply (what a
 * person acts on), a part of the `document` comes on request as a `section` post, and the whole
 * document is one action away as a Markdown file.
 */
export interface ProposalPost {
  kind: "proposal";
  proposal: Proposal;
  /** What the first reply shows: shape, peak, cost against the budget, first limits, assumptions. */
  brief: ProposalBrief;
  /** The whole proposal; surfaces show the brief, and its sections only on request. */
  document: ReportDocument;
  /** The parts that can be asked for next (the `actions` carry them as buttons). */
  parts: readonly ProposalPart[];
  /** "What changed" lines against the previous version; present on revisions and shown first. */
  changes?: string[];
  /** A short remark from the model; never carries figures of its own. */
  note?: string;
  actions?: Action[];
}

/** One part of the current proposal, asked for after its brief ("show costs", "roadmap", "all"). */
export interface SectionPost {
  kind: "section";
  part: ProposalPart;
  version: number;
  /** The part's sections, titled for the version (`full`: the whole proposal). */
  document: ReportDocument;
  /** The proposal it belongs to, so the pictures of the part can be drawn. */
  proposal?: Proposal;
  actions?: Action[];
}

/** What Archie posts, platform-neutral: surfaces render documents and text their own way. */
export type Post =
  | { kind: "text"; text: string; actions?: Action[] }
  | ProposalPost
  | SectionPost
  | { kind: "files"; version: number; files: Artifact[] };

export interface Reply {
  posts: Post[];
}

/**
 * A post with what it shows and attaches, produced once for every surface (src/agent/material.ts):
 * which pictures a post gets is decided there, never by a surface.
 */
export interface PostMaterial<P extends Post = Post> {
  post: P;
  /** Pictures the post shows, PNG and SVG of each, most important first. */
  pictures: Picture[];
  /** Files the post attaches (the proposal's Markdown, artefacts), in order. */
  files: Artifact[];
}

export interface ReplyMaterial {
  posts: PostMaterial[];
}

/**
 * A surface: the one thing a new platform implements. It renders each post's material to what
 * it sends (Block Kit messages and uploads, Discord messages, terminal text) for a target
 * (a Slack thread, a Discord channel, a terminal). Pure: drawing and sending happen elsewhere.
 */
export interface SurfaceRenderer<Target, Output> {
  render(material: PostMaterial, target: Target): Output[];
}

/** The agent's tools, by name (the offline model emits calls to these). */
export const TOOL_NAMES = ["update_requirements", "design", "revise", "show_roadmap", "show_section", "export_artifacts", "explain_component"] as const;
export type ToolName = (typeof TOOL_NAMES)[number];
