import type { Proposal } from "../planner/proposal.js";
import { formatMoney } from "../planner/readable.js";
import type { Artifact } from "../planner/proposal.js";
import { buildArtifacts, buildBrief, buildDocument, buildText, partDocument, withArtifacts, type ProposalPart } from "../report/index.js";
import type { Post, ProposalPost, SectionPost } from "./types.js";

/**
 * The posts a proposal yields, built from the proposal alone. Both the tools and the saved-reply
 * codec build them here, so a post rebuilt from a proposal's requirements is the one first built.
 */

type FilesPost = Extract<Post, { kind: "files" }>;

/** The parts a proposal's first reply offers, in the order its buttons show them. */
export const OFFERED_PARTS: readonly ProposalPart[] = ["roadmap", "costs", "components", "bottlenecks", "assumptions", "full"];

export function proposalPost(proposal: Proposal, changes?: string[]): ProposalPost {
  return {
    kind: "proposal",
    proposal,
    brief: buildBrief(proposal),
    document: buildDocument(proposal),
    parts: OFFERED_PARTS,
    ...(changes ? { changes } : {}),
  };
}

/** One line per growth step, for the roadmap's summary and the model. */
export function roadmapPhases(proposal: Proposal): string[] {
  return proposal.roadmap.phases.map(
    (p) => `${p.scale}: ${Math.round(p.peakRps).toLocaleString("en-US")} peak RPS, ${formatMoney(p.costMonthly, proposal.cost.currency)}/month`,
  );
}

/** The whole proposal as Markdown, among a proposal's files. */
export const isProposalMarkdown = (file: Artifact): boolean => file.mediaType === "text/markdown" || file.filename.endsWith(".md");

/** One part of the proposal's document; the roadmap's summary lists its steps. */
export function sectionPost(proposal: Proposal, part: ProposalPart): SectionPost {
  const text = buildText(proposal);
  const document = partDocument(text, part, proposal.version);
  // The whole proposal also goes as its Markdown file, the form people keep and forward.
  const files = part === "full" ? buildArtifacts(proposal, text).filter(isProposalMarkdown) : [];
  return {
    kind: "section",
    part,
    version: proposal.version,
    document: { ...document, ...(part === "roadmap" ? { summary: roadmapPhases(proposal).join("; ") } : {}), files },
    proposal,
  };
}

export function filesPost(proposal: Proposal): FilesPost {
  return { kind: "files", version: proposal.version, files: withArtifacts(proposal).artifacts };
}
