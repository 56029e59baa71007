import { COST_CATEGORIES, type Phase, type Proposal } from "../../planner/proposal.js";
import type { Section } from "../document.js";
import {
  formatCount,
  formatFactor,
  formatMilliseconds,
  formatMinutes,
  formatMoney,
  formatMonthly,
  formatMonthsFromNow,
  formatPercent,
  formatRps,
  formatSeconds,
} from "../format.js";
import { codeSpan, escapeInline } from "../inline.js";
import { k6Filename, orderedPhases, scalingArtifact } from "../artifacts/plan.js";
import { facts, list, section, table, titled } from "./blocks.js";
import { componentTable } from "./design.js";
import { bottleneckTable, budgetVerdict } from "./shared.js";

function phaseSection(proposal: Proposal, phase: Phase): Section {
  const { cost } = proposal;
  const test = phase.loadTest;
  const scaling = phase.autoscaling;
  const byCategory = COST_CATEGORIES.flatMap((category) => {
    const monthly = phase.costByCategory[category];
    return monthly === undefined ? [] : [[category, formatMoney(monthly, cost.currency)]];
  });
  return section(
    `roadmap-${phase.scale}`,
    `Roadmap: ${phase.scale}`,
    [
      facts([
        ["Peak traffic", `${formatRps(phase.peakRps)} (${formatFactor(phase.factor)} today's peak)`],
        ["Average traffic", formatRps(phase.avgRps)],
        ["When", formatMonthsFromNow(phase.monthsFromNow)],
        ["Stage", `rung ${phase.stage.rung}: ${escapeInline(phase.stage.name)} — ${escapeInline(phase.stage.shape)}`],
        ["Cost", `${formatMonthly(phase.costMonthly, cost.currency)}, ${budgetVerdict(cost, phase.costMonthly)}`],
      ]),
      ...titled(
        "Architecture changes",
        table(
          [{ title: "Change" }, { title: "Element" }, { title: "Trigger" }, { title: "Migration without downtime" }],
          phase.architectureChanges.map((c) => [c.kind, escapeInline(c.element), escapeInline(c.trigger), escapeInline(c.migration)]),
        ),
      ),
      ...titled("Changes", list(phase.changes.map(escapeInline))),
      ...titled("Bottlenecks that appear", bottleneckTable(phase.bottlenecks)),
      ...titled(
        `Load-test gate (${codeSpan(k6Filename(phase.scale))})`,
        facts([
          ["Target", formatRps(test.targetRps)],
          ["Ramp", formatMinutes(test.rampMinutes)],
          ["Soak", formatMinutes(test.soakMinutes)],
          ["Passes when", `p95 < ${formatMilliseconds(test.thresholds.p95Ms)} and errors < ${formatPercent(test.thresholds.errorRate)}`],
        ]),
      ),
      ...titled("Chaos experiments, during the soak", list(test.chaos.map(escapeInline))),
      ...titled(
        `Autoscaling (${codeSpan(scalingArtifact(phase).filename)})`,
        facts([
          ["Replicas", `${formatCount(scaling.minReplicas)}–${formatCount(scaling.maxReplicas)} in total`],
          ["Target CPU", formatPercent(scaling.targetCpuPercent / 100)],
          ["Scale-up stabilization", formatSeconds(scaling.scaleUpStabilizationSeconds)],
          ["Scale-down stabilization", formatSeconds(scaling.scaleDownStabilizationSeconds)],
        ]),
        table(
          [{ title: "Deployment" }, { title: "Min", numeric: true }, { title: "Max", numeric: true }],
          scaling.deployments.map((d) => [escapeInline(d.name), formatCount(d.minReplicas), formatCount(d.maxReplicas)]),
        ),
      ),
      ...titled("Caching", list(phase.caching.map(escapeInline))),
      ...titled("Database path", list(phase.database.map(escapeInline))),
      ...titled("Components at this scale", componentTable(phase.components)),
      ...titled(
        "Cost by category",
        table(
          [{ title: "Category" }, { title: "Monthly", numeric: true }],
          byCategory,
        ),
      ),
    ],
    "No changes planned for this phase.",
  );
}

export function roadmapSections(proposal: Proposal): Section[] {
  return orderedPhases(proposal).map((phase) => phaseSection(proposal, phase));
}

export function trafficSection(proposal: Proposal): Section {
  return section(
    "traffic",
    "Traffic management",
    [list(proposal.roadmap.trafficManagement.map(escapeInline))],
    "No traffic management plan.",
  );
}

export function runbookSection(proposal: Proposal): Section {
  return section("runbook", "Runbook", [list(proposal.roadmap.runbook.map(escapeInline), true)], "No runbook.");
}
