import type { Proposal } from "../../planner/proposal.js";
import type { Requirements } from "../../planner/requirements.js";
import type { Section } from "../document.js";
import {
  formatAvailability,
  formatCount,
  formatFactor,
  formatGb,
  formatMilliseconds,
  formatMonthly,
  formatNumber,
  formatPercent,
  formatRps,
} from "../format.js";
import { escapeInline } from "../inline.js";
import { code, facts, paragraph, section, table, titled } from "./blocks.js";
import { availabilityTarget, budgetVerdict } from "./shared.js";

export function summarySection(proposal: Proposal): Section {
  const { cost, reliability, capacity } = proposal;
  const target = availabilityTarget(proposal);
  const availability = formatAvailability(reliability.computedAvailabilityPercent);
  return section(
    "summary",
    "Summary",
    [
      paragraph(escapeInline(proposal.summary)),
      facts([
        ["Design", escapeInline(proposal.title)],
        ["Version", `v${proposal.version}`],
        ["Archetype", proposal.archetype],
        ["Peak traffic", formatRps(capacity.peakRps)],
        ["Monthly cost", `${formatMonthly(cost.monthly, cost.currency)}, ${budgetVerdict(cost, cost.monthly, cost.withinBudget)}`],
        ["Availability", target === undefined ? `${availability} computed` : `${availability} computed against a ${target} target`],
      ]),
    ],
    "No summary.",
  );
}

/** Every stated requirement, in a fixed order, formatted like the rest of the report. */
function statedRequirements(r: Requirements): [string, string | undefined][] {
  const join = (values: string[] | undefined) => (values === undefined ? undefined : values.map(escapeInline).join(", "));
  const count = (n: number | undefined) => (n === undefined ? undefined : formatCount(n));
  return [
    ["Domain", r.domain === undefined ? undefined : escapeInline(r.domain)],
    ["Archetype", r.archetype],
    ["Daily active users", count(r.dau)],
    ["Monthly active users", count(r.mau)],
    ["Concurrent users", count(r.concurrentUsers)],
    ["Average traffic", r.avgRps === undefined ? undefined : formatRps(r.avgRps)],
    ["Peak traffic", r.peakRps === undefined ? undefined : formatRps(r.peakRps)],
    ["Reads per write", r.readWriteRatio === undefined ? undefined : `${formatNumber(r.readWriteRatio)}:1`],
    ["Peak over average", r.peakFactor === undefined ? undefined : formatFactor(r.peakFactor)],
    ["Growth", r.growthPercentPerMonth === undefined ? undefined : `${formatPercent(r.growthPercentPerMonth / 100)} per month`],
    ["Budget", r.budget === undefined ? undefined : formatMonthly(r.budget.amount, r.budget.currency)],
    ["Latency", r.latencyP95Ms === undefined ? undefined : `p95 ≤ ${formatMilliseconds(r.latencyP95Ms)}`],
    ["Availability", r.availability === undefined ? undefined : formatAvailability(r.availability)],
    ["Regions", join(r.regions)],
    ["Compliance", join(r.compliance)],
    ["Cloud", r.cloud],
    ["Orders per day", count(r.ordersPerDay)],
    ["Video hours watched per day", count(r.videoHoursWatchedPerDay)],
    ["Writes", r.writeRps === undefined ? undefined : `${formatNumber(r.writeRps)}/s`],
    ["Reads", r.readRps === undefined ? undefined : `${formatNumber(r.readRps)}/s`],
    ["Writes per daily user", r.writesPerUserPerDay === undefined ? undefined : `${formatNumber(r.writesPerUserPerDay)} a day`],
    ["Reads per daily user", r.readsPerUserPerDay === undefined ? undefined : `${formatNumber(r.readsPerUserPerDay)} a day`],
    ["Size per item in the database", r.storedKbPerWrite === undefined ? undefined : `${String(r.storedKbPerWrite)} KB`],
    ["Size per item in object storage", r.objectKbPerWrite === undefined ? undefined : `${String(r.objectKbPerWrite)} KB`],
    ["Retention", r.retentionDays === undefined ? undefined : `${formatNumber(r.retentionDays)} days`],
    ["Database", r.database],
    ["Orchestration", r.orchestration],
    ["Service split", r.serviceSplit],
    ["Messaging", r.broker],
    ["Notes", r.notes === undefined ? undefined : escapeInline(r.notes)],
  ];
}

export function requirementsSection(proposal: Proposal): Section {
  return section(
    "requirements",
    "Requirements and assumptions",
    [
      ...titled("Stated", facts(statedRequirements(proposal.requirements))),
      ...titled(
        "Assumed (everything not stated)",
        table(
          [{ title: "Field" }, { title: "Value" }, { title: "Reason" }],
          proposal.assumptions.map((a) => [escapeInline(a.field), escapeInline(a.value), escapeInline(a.reason)]),
        ),
      ),
    ],
    "Nothing was stated and nothing had to be assumed.",
  );
}

export function capacitySection(proposal: Proposal): Section {
  const c = proposal.capacity;
  return section(
    "capacity",
    "Capacity",
    [
      facts([
        ["Average traffic", formatRps(c.avgRps)],
        ["Peak traffic", formatRps(c.peakRps)],
        ["Reads", formatRps(c.readRps)],
        ["Writes", formatRps(c.writeRps)],
        ["Concurrent connections", formatCount(c.concurrentConnections)],
        ["Requests per month", formatCount(c.requestsPerMonth)],
        ["Storage, first year", formatGb(c.storageGbYear1)],
        ["Database storage, first year", formatGb(c.databaseGbYear1)],
        ["Object storage, first year", formatGb(c.objectStorageGbYear1)],
        ["Egress", `${formatGb(c.egressGbMonth)}/month`],
        ["CDN egress", `${formatGb(c.cdnEgressGbMonth)}/month`],
        ["Origin egress", `${formatGb(c.originEgressGbMonth)}/month`],
      ]),
    ],
    "No capacity figures.",
  );
}

export function diagramSection(proposal: Proposal): Section {
  return section(
    "diagram",
    "Architecture diagram",
    [code("text", proposal.diagram.text), ...titled("Mermaid source", code("mermaid", proposal.diagram.mermaid))],
    "No diagram.",
  );
}
