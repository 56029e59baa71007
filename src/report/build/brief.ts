import type { Proposal } from "../../planner/proposal.js";
import type { BriefAssumption, ProposalBrief, Section } from "../document.js";
import { formatFactor, formatMonthly, formatPercent, formatRps } from "../format.js";
import { escapeInline } from "../inline.js";
import { facts, list, paragraph, section, titled } from "./blocks.js";
import { budgetVerdict } from "./shared.js";

/** Bottlenecks and assumptions a brief shows; the rest are one request away. */
const BRIEF_BOTTLENECKS = 3;
const BRIEF_ASSUMPTIONS = 4;

/** The stage the planner placed the design on, when it says (older proposals do not). */
interface Stage {
  rung: number;
  name: string;
  shape: string;
}

function stageOf(proposal: Proposal): Stage | undefined {
  if (!("stage" in proposal)) return undefined;
  const stage: unknown = (proposal as { stage?: unknown }).stage;
  if (typeof stage !== "object" || stage === null) return undefined;
  const { rung, name, shape } = stage as Record<string, unknown>;
  return typeof rung === "number" && typeof name === "string" && typeof shape === "string" ? { rung, name, shape } : undefined;
}

/** Tiers worth naming in one line: the stores and streams a design is built around. */
const NAMED_TYPES = new Set(["database", "cache", "search", "message-broker", "queue"]);

/** The shape read off the components: services and what they run on, then the stateful tiers. */
function derivedShape(proposal: Proposal): string {
  const services = proposal.components.filter((c) => c.type === "server");
  const replicas = services.reduce((sum, c) => sum + c.count, 0);
  const platform = proposal.stack.find((s) => /platform/i.test(s.layer))?.choice.split(" with ")[0];
  const serviceText = `${services.length} service${services.length === 1 ? "" : "s"} (${replicas} replicas)${platform ? ` on ${platform}` : ""}`;
  const tiers = proposal.components.filter((c) => NAMED_TYPES.has(c.type)).map((c) => `${c.name} ×${c.count}`);
  return [serviceText, ...tiers].map(escapeInline).join(" · ");
}

function shapeLine(proposal: Proposal): string {
  const stage = stageOf(proposal);
  if (!stage) return derivedShape(proposal);
  return `Stage ${stage.rung}, ${escapeInline(stage.name)}: ${escapeInline(stage.shape)}`;
}

interface Change {
  label: string;
  /** Words the parser reads as a new value for the field; undefined when none can change it. */
  sentence: (value: string) => string | undefined;
}

const quoted = (words: string) => `“${words}”`;

/**
 * For each assumed field, what it means and the words that replace it. The sentences are
 * requirement statements the parser reads (a test feeds each one back to it); fields derived
 * from others change when a figure is stated directly.
 */
const CHANGES: Record<string, Change> = {
  dau: { label: "Daily users", sentence: () => "we have 120k daily users" },
  concurrentUsers: { label: "Connected at peak", sentence: () => "20k concurrent users" },
  requestsPerUserPerDay: { label: "Requests per user per day", sentence: () => "peak is 800 RPS" },
  sessionMinutesPerDay: { label: "Minutes connected per user", sentence: () => "20k concurrent users" },
  peakFactor: { label: "Peak over average", sentence: () => "traffic spikes to 6x at peak" },
  budget: { label: "Budget", sentence: () => "budget is $5k/month" },
  readWriteRatio: { label: "Reads per write", sentence: () => "10 reads per write" },
  database: { label: "Database", sentence: (value) => (/mysql/i.test(value) ? "use PostgreSQL" : "use MySQL") },
  orchestration: { label: "Orchestration", sentence: (value) => (/kubernetes/i.test(value) ? "drop Kubernetes" : "use Kubernetes") },
  availability: { label: "Availability", sentence: () => "99.99% availability" },
  latencyP95Ms: { label: "Latency", sentence: () => "p95 under 200 ms" },
  growthPercentPerMonth: { label: "Growth", sentence: () => "growing 10% a month" },
  regions: { label: "Regions", sentence: () => "EU-only" },
  cloud: { label: "Cloud", sentence: (value) => (/gcp|google/i.test(value) ? "run it on AWS" : "we're on GCP") },
};

/** The order a reader weighs assumptions in: traffic first, then money, then the choices. */
const WEIGHT = Object.keys(CHANGES);

function briefAssumptions(proposal: Proposal): BriefAssumption[] {
  return proposal.assumptions
    .flatMap((a) => {
      const change = CHANGES[a.field];
      const sentence = change?.sentence(a.value);
      return change && sentence ? [{ field: a.field, label: change.label, value: escapeInline(a.value), change: escapeInline(quoted(sentence)) }] : [];
    })
    .sort((a, b) => WEIGHT.indexOf(a.field) - WEIGHT.indexOf(b.field))
    .map(({ label, value, change }) => ({ label, value, change }));
}

/** The sentence a user can send to replace an assumed field, or undefined when none can. */
export function changeSentence(field: string, value: string): string | undefined {
  return CHANGES[field]?.sentence(value);
}

export function buildBrief(proposal: Proposal): ProposalBrief {
  const { cost, capacity } = proposal;
  const assumptions = briefAssumptions(proposal);
  const shown = assumptions.slice(0, BRIEF_ASSUMPTIONS);
  const levers = cost.levers.length > 0 && cost.monthlyAfterLevers < cost.monthly ? cost.monthlyAfterLevers : undefined;
  return {
    title: escapeInline(proposal.title),
    version: proposal.version,
    shape: shapeLine(proposal),
    traffic: `${formatRps(capacity.peakRps)} at peak, ${formatRps(capacity.avgRps)} on average`,
    cost: `${formatMonthly(cost.monthly, cost.currency)}, ${budgetVerdict(cost, cost.monthly, cost.withinBudget)}`,
    ...(cost.withinBudget !== undefined ? { withinBudget: cost.withinBudget } : {}),
    ...(levers !== undefined
      ? { levers: `${cost.levers.length} lever${cost.levers.length === 1 ? "" : "s"} bring it to ${formatMonthly(levers, cost.currency)}, ${budgetVerdict(cost, levers)}` }
      : {}),
    bottlenecks: [...proposal.bottlenecks]
      .sort((a, b) => a.rank - b.rank)
      .slice(0, BRIEF_BOTTLENECKS)
      .map((b) => ({ title: escapeInline(b.title), utilisation: formatPercent(b.utilisation), headroom: formatFactor(b.headroomFactor) })),
    assumptions: shown,
    moreAssumptions: proposal.assumptions.length - shown.length,
  };
}

/**
 * The brief as document sections, for surfaces that show text only (the terminal, a plain
 * fallback): the same facts, in the same order, as the rich renderings.
 */
export function briefSections(brief: ProposalBrief): Section[] {
  const assumed = brief.assumptions.map((a) => `**${a.label}:** ${a.value} — say ${a.change} to change it`);
  const more = brief.moreAssumptions > 0 ? [paragraph(`${brief.moreAssumptions} more assumption${brief.moreAssumptions === 1 ? "" : "s"} in the full proposal.`)] : [];
  return [
    section(
      "brief",
      brief.title,
      [
        paragraph(brief.shape),
        facts([
          ["Peak traffic", brief.traffic],
          ["Monthly cost", brief.cost],
          ["With the levers", brief.levers],
        ]),
        ...titled("First limits", list(brief.bottlenecks.map((b) => `${b.title}: ${b.utilisation} used, ${b.headroom} headroom before 80%`), true)),
        ...titled("Assumed", list(assumed)),
        ...more,
      ],
      "No summary.",
    ),
  ];
}
