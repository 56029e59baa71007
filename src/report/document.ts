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
