import type { Artifact } from "../planner/proposal.js";

/**
 * The platform-neutral document that leaves the core. Adapters render it (Markdown, Block Kit,
 * Discord messages); nothing here knows about a platform. Inline text may use a small Markdown
 * subset: **bold**, `code` and _italic_.
 */
export type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[]; ordered: boolean }
  | { kind: "table"; columns: string[]; rows: string[][]; numeric: boolean[] }
  | { kind: "code"; language: string; code: string }
  | { kind: "facts"; items: { label: string; value: string }[] };

export interface Section {
  /** Stable id ("summary", "capacity", "roadmap-10x", …) so adapters can split and order. */
  id: string;
  title: string;
  blocks: Block[];
}

export interface ReportDocument {
  title: string;
  /** One short paragraph: what is proposed, key numbers, the budget verdict. */
  summary: string;
  sections: Section[];
  files: Artifact[];
}

/** A capacity limit as the summary shows it. */
export interface BriefBottleneck {
  title: string;
  /** Load ÷ capacity at today's peak, e.g. "43%". */
  utilisation: string;
  /** How far traffic can grow before it passes 80%, e.g. "×1.84". */
  headroom: string;
}

/** A value the user did not state, with the sentence that would replace it. */
export interface BriefAssumption {
  /** What was assumed, in words ("Peak over average"). */
  label: string;
  value: string;
  /** Words the user can send to change it, e.g. `"peaks are 6x the average"`. */
  change: string;
}

/**
 * The first reply to a design: what a person needs to act on, nothing else. Every string is
 * inline text in the same Markdown subset as the document, and every figure is the document's.
 */
export interface ProposalBrief {
  title: string;
  version: number;
  /** The stage and shape in one line ("Stage 3, Kubernetes: 5 services (11 pods) on Amazon EKS · PostgreSQL ×2 · …"). */
  shape: string;
  /** Peak and average traffic ("694 RPS at peak, 231 RPS on average"). */
  traffic: string;
  /** The monthly cost against the budget ("€4,038/month, over the €4,000/month budget by €38"). */
  cost: string;
  /** The planner's verdict; absent when no budget was stated. */
  withinBudget?: boolean;
  /** What the levers bring the cost to, when any apply. */
  levers?: string;
  /** The top bottlenecks, most loaded first. */
  bottlenecks: BriefBottleneck[];
  /** What was assumed, most consequential first. */
  assumptions: BriefAssumption[];
  /** Assumptions left out of the brief (they are all in the full proposal). */
  moreAssumptions: number;
}
