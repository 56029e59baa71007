import type { Artifact, Proposal } from "../planner/proposal.js";
import type { ReportDocument } from "../report/document.js";
import type { ThreadKey } from "../state/types.js";

/** One user message (or button press) in a thread, as every adapter hands it to the core. */
export interface Turn {
  key: ThreadKey;
  user: string;
  text: string;
  /** The platform's event id; a repeat delivery of the same id is ignored. */
  eventId?: string;
  /** A button id ("go", "show_roadmap", "export", "start_over") or a quick answer's id. */
  action?: string;
}

/** A button an adapter may show under a post. Pressing it sends a Turn with `action: id`. */
export interface Action {
  id: string;
  label: string;
}

/** What Archie posts, platform-neutral: adapters render documents and text their own way. */
export type Post =
  | { kind: "text"; text: string; actions?: Action[] }
  | {
      kind: "proposal";
      proposal: Proposal;
      document: ReportDocument;
      /** "What changed" lines against the previous version; present on revisions. */
      changes?: string[];
      /** A short remark from the model; never carries figures of its own. */
      note?: string;
      actions?: Action[];
    }
  | {
      kind: "roadmap";
      version: number;
      document: ReportDocument;
      /** The proposal the roadmap belongs to, so an adapter can draw its cost/scale chart. */
      proposal?: Proposal;
      actions?: Action[];
    }
  | { kind: "files"; version: number; files: Artifact[] };

export interface Reply {
  posts: Post[];
}

/** The agent's tools, by name (the offline model emits calls to these). */
export const TOOL_NAMES = ["update_requirements", "design", "revise", "show_roadmap", "export_artifacts", "explain_component"] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

/**
 * How far a turn has got, for a surface that shows progress while it works: the turn was taken
 * up, then each tool as the agent calls it. Surfaces word it their own way.
 */
export type TurnStep = { kind: "started" } | { kind: "tool"; tool: ToolName };

/** Told each step of a turn as it happens; it must not throw or wait (progress is a courtesy). */
export type StepListener = (step: TurnStep) => void;
