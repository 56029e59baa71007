export { buildDocument } from "./build/document.js";
export { roadmapSections } from "./build/roadmap.js";
export { buildText } from "./build/sections.js";
export { renderMarkdown } from "./markdown.js";
export { buildArtifacts, withArtifacts } from "./artifacts/build.js";
export {
  formatAvailability,
  formatCount,
  formatFactor,
  formatGb,
  formatMilliseconds,
  formatMinutes,
  formatMoney,
  formatMonthly,
  formatMonthsFromNow,
  formatNumber,
  formatPercent,
  formatRps,
  formatSeconds,
} from "./format.js";
export { codeSpan, escapeInline } from "./inline.js";
export { briefSections, buildBrief, changeSentence } from "./build/brief.js";
export { partDocument, PARTS, PROPOSAL_PARTS, type ProposalPart } from "./parts.js";
export type { BriefAssumption, BriefBottleneck, ProposalBrief } from "./document.js";
