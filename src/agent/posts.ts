import type { Proposal } from "../planner/proposal.js";
import { formatMoney } from "../planner/readable.js";
import { buildDocument, buildText, roadmapSections, withArtifacts } from "../report/index.js";
import type { Post } from "./types.js";

/**
 * The posts a proposal yields, built from the proposal alone. Both the tools and the saved-reply
 * codec build them here, so a post rebuilt from a proposal's requirements is the one first built.
 */

type ProposalPost = Extract<Post, { kind: "proposal" }>;
type RoadmapPost = Extract<Post, { kind: "roadmap" }>;
type FilesPost = Extract<Post, { kind: "files" }>;

export function proposalPost(proposal: Proposal, changes?: string[]): ProposalPost {
  return { kind: "proposal", proposal, document: buildDocument(proposal), ...(changes ? { changes } : {}) };
}

/** One line per growth step, for the roadmap's summary and the model. */
export function roadmapPhases(proposal: Proposal): string[] {
  return proposal.roadmap.phases.map(
    (p) => `${p.scale}: ${Math.round(p.peakRps).toLocaleString("en-US")} peak RPS, ${formatMoney(p.costMonthly, proposal.cost.currency)}/month`,
  );
}

/** The roadmap sections of the proposal's document (the whole document if it has none). */
export function roadmapPost(proposal: Proposal): RoadmapPost {
  const sections = roadmapSections(proposal);
  return {
    kind: "roadmap",
    version: proposal.version,
    document: {
      title: `Roadmap — ${proposal.title} (v${proposal.version})`,
      summary: roadmapPhases(proposal).join("; "),
      sections: sections.length ? sections : buildText(proposal).sections,
      files: [],
    },
    proposal,
  };
}

export function filesPost(proposal: Proposal): FilesPost {
  return { kind: "files", version: proposal.version, files: withArtifacts(proposal).artifacts };
}
