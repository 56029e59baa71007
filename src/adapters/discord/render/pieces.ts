import type { Post } from "../../../agent/types.js";
import type { ReportDocument } from "../../../report/document.js";
import type { Picture } from "../../../report/pictures/index.js";
import type { CardPiece } from "./card.js";
import { asFile, picture, type OutboundFile } from "./files.js";
import { renderDocument, renderHead, renderSection } from "./markdown.js";

/**
 * What a proposal or a roadmap shows in Discord, as card pieces (card.ts packs them into
 * messages). The proposal leads with what a reader decides on: the summary with its figures,
 * the ranked bottlenecks and the diagram; the whole document is the attached .md, one click away.
 */

/** The sections the first card of a proposal shows. */
export const SUMMARY_SECTIONS = ["summary", "bottlenecks"] as const;

/** The sections that follow it in chat; every other section is in the .md file. */
export const DETAIL_SECTIONS = ["components", "cost"] as const;

const DIAGRAM = "diagram.png";
const CHART = "cost-scale.png";
const PROPOSAL_FILE_TYPE = "text/markdown";

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ");

type ProposalPost = Extract<Post, { kind: "proposal" }>;
type RoadmapPost = Extract<Post, { kind: "roadmap" }>;

function changesText(post: ProposalPost): CardPiece[] {
  if (!post.changes?.length) return [];
  return [{ kind: "text", markdown: `**What changed in v${post.proposal.version}**\n${post.changes.map((c) => `- ${oneLine(c)}`).join("\n")}` }];
}

function filesText(document: ReportDocument, proposalFile: string | undefined): CardPiece[] {
  const others = document.files.filter((f) => f.filename !== proposalFile).map((f) => f.filename);
  const whole = proposalFile ? `The whole proposal (requirements, capacity, components, stack, costs, reliability, security, observability, roadmap) is ${proposalFile}` : "";
  const artefacts = others.length ? `${whole ? "; its" : "Its"} artefacts: ${others.join(", ")}` : "";
  return whole || artefacts ? [{ kind: "text", markdown: `-# ${whole}${artefacts}.` }] : [];
}

/** A proposal: what changed, the head and summary figures, the bottlenecks, the diagram, then its files. */
export function proposalPieces(post: ProposalPost, pictures: readonly Picture[] | undefined): CardPiece[] {
  const { document } = post;
  const proposalFile = document.files.find((f) => f.mediaType === PROPOSAL_FILE_TYPE);
  const diagram = picture(pictures, DIAGRAM);
  return [
    ...changesText(post),
    { kind: "text", markdown: renderDocument(document, SUMMARY_SECTIONS) },
    ...(post.note ? [{ kind: "text", markdown: `> ${oneLine(post.note)}` } as const] : []),
    ...(diagram.length ? [{ kind: "gallery", images: diagram } as const] : []),
    { kind: "separator" },
    ...filesText(document, proposalFile?.filename),
    ...(proposalFile ? [{ kind: "file", file: asFile(proposalFile), inside: true } as const] : []),
    ...document.files.filter((f) => f !== proposalFile).map((f): CardPiece => ({ kind: "file", file: asFile(f) })),
  ];
}

/** Sections of a document, each in turn; a section longer than a card goes on in the next. */
export function sectionPieces(document: ReportDocument, ids: readonly string[]): CardPiece[] {
  return document.sections
    .filter((section) => ids.includes(section.id))
    .flatMap((section, i): CardPiece[] => [...(i ? [{ kind: "separator" } as const] : []), { kind: "text", markdown: renderSection(section) }]);
}

/** A document shown whole (a roadmap, a section asked for): the head, its picture, each section in turn, its files. */
export function documentPieces(document: ReportDocument, images: readonly OutboundFile[]): CardPiece[] {
  const gallery: CardPiece[] = images.length ? [{ kind: "gallery", images: [...images] }] : [];
  return [
    { kind: "text", markdown: renderHead(document) },
    ...gallery,
    ...document.sections.flatMap((section): CardPiece[] => [{ kind: "separator" }, { kind: "text", markdown: renderSection(section) }]),
    ...document.files.map((f): CardPiece => ({ kind: "file", file: asFile(f) })),
  ];
}

export function roadmapPieces(post: RoadmapPost, pictures: readonly Picture[] | undefined): CardPiece[] {
  return documentPieces(post.document, picture(pictures, CHART));
}
