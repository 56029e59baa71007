import type { ProposalPost, SectionPost } from "../../../agent/types.js";
import type { Artifact } from "../../../planner/proposal.js";
import { briefSections } from "../../../report/index.js";
import type { Picture } from "../../../report/pictures/index.js";
import type { CardPiece } from "./card.js";
import { asFile, type OutboundFile } from "./files.js";
import { renderBlocks, renderHead, renderSection } from "./markdown.js";

/**
 * What a proposal or a part of it shows in Discord, as card pieces (card.ts packs them into
 * messages): the text first, then the pictures as a gallery, then the files.
 */

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ");

/** Discord previews PNGs; the SVGs stay in the files people download. */
export const shownPictures = (pictures: readonly Picture[]): OutboundFile[] =>
  pictures.filter((p) => p.mediaType === "image/png").map((p) => ({ name: p.filename, data: p.data }));

const gallery = (images: OutboundFile[]): CardPiece[] => (images.length ? [{ kind: "gallery", images }] : []);
const filePieces = (files: readonly Artifact[]): CardPiece[] => files.map((f) => ({ kind: "file", file: asFile(f), inside: true }));

function changesText(post: ProposalPost): CardPiece[] {
  if (!post.changes?.length) return [];
  return [{ kind: "text", markdown: `**What changed in v${post.proposal.version}**\n${post.changes.map((c) => `- ${oneLine(c)}`).join("\n")}` }];
}

function attachedText(files: readonly Artifact[]): CardPiece[] {
  if (!files.length) return [];
  return [{ kind: "text", markdown: `-# The whole proposal: ${files.map((f) => f.filename).join(", ")}. Ask for a part (costs, components, bottlenecks, assumptions, roadmap) with the buttons or in words.` }];
}

/** A proposal's first reply: what changed, the brief, the model's remark, the pictures, the whole proposal as a file. */
export function briefPieces(post: ProposalPost, pictures: OutboundFile[], files: readonly Artifact[]): CardPiece[] {
  const { brief } = post;
  // The brief is one section titled like the proposal: the card's heading names it once, with its version.
  const body = briefSections(brief).map((section) => renderBlocks(section.blocks));
  const head = [`## ${oneLine(brief.title)} (v${brief.version})`, ...body].join("\n\n");
  return [
    ...changesText(post),
    { kind: "text", markdown: head },
    ...(post.note ? [{ kind: "text", markdown: `> ${oneLine(post.note)}` } as const] : []),
    ...gallery(pictures),
    { kind: "separator" },
    ...attachedText(files),
    ...filePieces(files),
  ];
}

/**
 * A part of a proposal: its head, its pictures, then each section whole, in turn (a section
 * longer than a card goes on in the next). The full proposal is its file, not dozens of cards.
 */
export function sectionPieces(post: SectionPost, pictures: OutboundFile[], files: readonly Artifact[]): CardPiece[] {
  const sections = post.part === "full" ? [] : post.document.sections;
  return [
    { kind: "text", markdown: renderHead(post.document) },
    ...gallery(pictures),
    ...sections.flatMap((section): CardPiece[] => [{ kind: "separator" }, { kind: "text", markdown: renderSection(section) }]),
    ...filePieces(files),
  ];
}
