import type { Bottleneck, Cost, Proposal } from "../../planner/proposal.js";
import type { Block } from "../document.js";
import { formatAvailability, formatFactor, formatMoney, formatMonthly, formatPercent } from "../format.js";
import { codeSpan, escapeInline } from "../inline.js";
import { table } from "./blocks.js";

/** Pieces more than one section prints, so they read the same wherever they appear. */

type Alert = Proposal["reliability"]["alerts"][number];
type Slo = Proposal["reliability"]["slos"][number];

/**
 * A monthly figure against the budget. `within` is the planner's verdict when it has one (today's
 * cost); for roadmap phases the comparison is made here, on the same two numbers that are printed.
 */
export function budgetVerdict(cost: Cost, monthly: number, within?: boolean): string {
  if (cost.budget === undefined) return "no budget stated";
  const fits = within ?? monthly <= cost.budget;
  const gap = formatMoney(Math.abs(monthly - cost.budget), cost.currency);
  const budget = formatMonthly(cost.budget, cost.currency);
  return fits ? `within the ${budget} budget (${gap} to spare)` : `over the ${budget} budget by ${gap}`;
}

/** The availability target: as the user stated it, else the planner's assumption, else none. */
export function availabilityTarget(proposal: Proposal): string | undefined {
  const stated = proposal.requirements.availability;
  if (stated !== undefined) return formatAvailability(stated);
  const assumed = proposal.assumptions.find((a) => a.field === "availability");
  return assumed === undefined ? undefined : `${escapeInline(assumed.value)} (assumed)`;
}

/** Components are referred to by id elsewhere in the proposal; people read their names. */
export function componentName(proposal: Proposal, id: string): string {
  return escapeInline(proposal.components.find((c) => c.id === id)?.name ?? id);
}

export function bottleneckTable(bottlenecks: Bottleneck[]): Block {
  const ranked = [...bottlenecks].sort((a, b) => a.rank - b.rank);
  return table(
    [
      { title: "Rank", numeric: true },
      { title: "Bottleneck" },
      { title: "Severity" },
      { title: "Utilisation", numeric: true },
      { title: "Headroom", numeric: true },
      { title: "Signal" },
      { title: "Fix" },
    ],
    ranked.map((b) => [
      String(b.rank),
      escapeInline(b.title),
      b.severity,
      formatPercent(b.utilisation),
      formatFactor(b.headroomFactor),
      escapeInline(b.signal),
      escapeInline(b.fix),
    ]),
  );
}

export function sloTable(slos: Slo[]): Block {
  return table(
    [{ title: "SLO" }, { title: "Target" }],
    slos.map((s) => [escapeInline(s.name), escapeInline(s.target)]),
  );
}

export function alertTable(alerts: Alert[]): Block {
  return table(
    [{ title: "Alert" }, { title: "Condition" }, { title: "Severity" }],
    alerts.map((a) => [escapeInline(a.name), codeSpan(a.condition), a.severity]),
  );
}
