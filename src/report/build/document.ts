import type { Proposal } from "../../planner/proposal.js";
import type { ReportDocument } from "../document.js";
import { buildArtifacts } from "../artifacts/build.js";
import { buildText } from "./sections.js";

/**
 * The proposal as a platform-neutral document. Its files are always built from the proposal
 * itself, never copied from `proposal.artifacts`, so a revised proposal cannot carry the files
 * of an earlier version.
 */
export function buildDocument(proposal: Proposal): ReportDocument {
  const text = buildText(proposal);
  return { ...text, files: buildArtifacts(proposal, text) };
}
