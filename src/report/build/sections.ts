import type { Proposal } from "../../planner/proposal.js";
import type { ReportDocument, Section } from "../document.js";
import { planArtifacts } from "../artifacts/plan.js";
import { formatMonthly, formatRps } from "../format.js";
import { codeSpan, escapeInline } from "../inline.js";
import { list, section } from "./blocks.js";
import { costSection } from "./cost.js";
import {
  bottlenecksSection,
  componentsSection,
  configurationSection,
  discoverySection,
  environmentsSection,
  stackSection,
} from "./design.js";
import { observabilitySection, reliabilitySection, securitySection } from "./operations.js";
import { capacitySection, diagramSection, requirementsSection, summarySection } from "./overview.js";
import { roadmapSections, runbookSection, trafficSection } from "./roadmap.js";
import { shapeSection } from "./shape.js";
import { budgetVerdict } from "./shared.js";

function artifactsSection(proposal: Proposal): Section {
  return section(
    "artifacts",
    "Artefacts",
    [list(planArtifacts(proposal).map((a) => `${codeSpan(a.filename)}: ${escapeInline(a.description)}`))],
    "No files.",
  );
}

/** Every section in reading order; the Markdown artefact is rendered from exactly these. */
export function buildSections(proposal: Proposal): Section[] {
  return [
    summarySection(proposal),
    requirementsSection(proposal),
    capacitySection(proposal),
    shapeSection(proposal),
    diagramSection(proposal),
    componentsSection(proposal),
    stackSection(proposal),
    discoverySection(proposal),
    environmentsSection(proposal),
    bottlenecksSection(proposal),
    reliabilitySection(proposal),
    securitySection(proposal),
    observabilitySection(proposal),
    costSection(proposal),
    configurationSection(proposal),
    ...roadmapSections(proposal),
    trafficSection(proposal),
    runbookSection(proposal),
    artifactsSection(proposal),
  ];
}

/** One short paragraph: what is proposed, the peak it is sized for, and the budget verdict. */
export function summaryLine(proposal: Proposal): string {
  const { cost } = proposal;
  const components = proposal.components.length;
  return [
    `${escapeInline(proposal.title)} (v${proposal.version}, ${proposal.archetype}): stage ${proposal.stage.rung} (${escapeInline(proposal.stage.name.toLowerCase())}), ${components} components`,
    `sized for ${formatRps(proposal.capacity.peakRps)} at peak,`,
    `costing ${formatMonthly(cost.monthly, cost.currency)}, ${budgetVerdict(cost, cost.monthly, cost.withinBudget)}.`,
  ].join(" ");
}

/** The document without its files: all the Markdown artefact needs, and no dependency on it. */
export function buildText(proposal: Proposal): ReportDocument {
  return {
    title: escapeInline(proposal.title),
    summary: summaryLine(proposal),
    sections: buildSections(proposal),
    files: [],
  };
}
