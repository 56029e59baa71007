import type { ReportDocument, Section } from "./document.js";

/**
 * The parts of a proposal a person can ask for after its summary, each a set of the document's
 * sections. "full" is the whole proposal; every surface also offers it as one Markdown file.
 */
export const PROPOSAL_PARTS = ["roadmap", "costs", "components", "bottlenecks", "assumptions", "full"] as const;
export type ProposalPart = (typeof PROPOSAL_PARTS)[number];

interface PartDefinition {
  /** How the part is named in a heading and on its button. */
  title: string;
  /** Which sections of the proposal's document it holds. */
  holds: (section: Section) => boolean;
}

const ids = (...wanted: string[]) => (section: Section) => wanted.includes(section.id);

export const PARTS: Record<ProposalPart, PartDefinition> = {
  roadmap: { title: "Roadmap", holds: (s) => s.id.startsWith("roadmap-") },
  costs: { title: "Costs", holds: ids("cost") },
  components: { title: "Components", holds: ids("components", "stack") },
  bottlenecks: { title: "Bottlenecks", holds: ids("bottlenecks", "capacity") },
  assumptions: { title: "Assumptions", holds: ids("requirements") },
  full: { title: "Full proposal", holds: () => true },
};

/** The part of a proposal's document, titled for its version; files are left to the caller. */
export function partDocument(document: ReportDocument, part: ProposalPart, version: number): ReportDocument {
  const { title } = PARTS[part];
  const sections = document.sections.filter(PARTS[part].holds);
  return {
    title: part === "full" ? document.title : `${title} — ${document.title} (v${version})`,
    summary: part === "full" ? document.summary : "",
    // A document without such sections (an older proposal) still answers with the whole text.
    sections: sections.length > 0 ? sections : document.sections,
    files: [],
  };
}
