import type { Bottleneck, CostCategory, Proposal } from "../../planner/proposal.js";
import { COST_CATEGORIES } from "../../planner/proposal.js";
import { formatMoney } from "./money.js";

/** A category's part of one step's bar, placed on the log axis (see `placeSegments`). */
export interface CostSegment {
  step: string;
  category: CostCategory;
  amount: number;
  low: number;
  high: number;
}

export interface StepTotal {
  step: string;
  total: number;
  label: string;
  /** Where the label sits: the bar top, or the axis floor for a zero total a log axis cannot place. */
  y: number;
}

export interface UtilisationPoint {
  step: string;
  bottleneck: string;
  /** Percent of capacity at the step's peak. */
  percent: number;
}

/** Everything the chart draws, in the proposal's currency, already computed and labelled. */
export interface CostChartData {
  currency: Proposal["cost"]["currency"];
  steps: string[];
  segments: CostSegment[];
  totals: StepTotal[];
  budget?: { amount: number; label: string };
  /** Lower end of the cost axis: every bar starts here. */
  axisMin: number;
  axisMax: number;
  utilisation: UtilisationPoint[];
  /** Series names in rank order ("1. PostgreSQL writes"), so the legend reads like the report. */
  bottlenecks: string[];
}

export const TODAY = "Today";
const TOP_BOTTLENECKS = 3;

type Breakdown = Partial<Record<CostCategory, number>>;

function todayBreakdown(proposal: Proposal): Breakdown {
  const breakdown: Breakdown = {};
  for (const line of proposal.cost.lineItems) {
    breakdown[line.category] = (breakdown[line.category] ?? 0) + line.monthly;
  }
  return breakdown;
}

/**
 * Cost at 100x is typically tens of times today's, so a linear axis would flatten today's bar
 * (the one the budget is about) to a sliver. The axis is logarithmic instead. Stacking raw amounts on a
 * log axis would exaggerate whichever category sits at the bottom, so each bar's length on the
 * log axis stands for its total and is split in proportion to each category's share of it:
 * segment lengths read as shares, bar tops read as totals.
 */
function placeSegments(step: string, total: number, breakdown: Breakdown, axisMin: number): CostSegment[] {
  const parts = COST_CATEGORIES.map((category) => ({ category, amount: breakdown[category] ?? 0 })).filter((p) => p.amount > 0);
  const sum = parts.reduce((acc, p) => acc + p.amount, 0);
  if (sum <= 0 || total <= axisMin) return [];
  const span = Math.log(total / axisMin);
  let share = 0;
  return parts.map(({ category, amount }) => {
    const low = axisMin * Math.exp(span * share);
    share += amount / sum;
    const high = axisMin * Math.exp(span * share);
    return { step, category, amount, low, high };
  });
}

/** One decade below the smallest figure, so even the cheapest bar spans at least a decade and its parts stay visible. */
function lowerBound(values: number[]): number {
  const smallest = Math.min(...values.filter((v) => v > 0));
  return Number.isFinite(smallest) ? 10 ** (Math.floor(Math.log10(smallest)) - 1) : 1;
}

/** The rank keeps two bottlenecks with the same title apart and ties the legend to the report's list. */
function seriesName(b: Bottleneck): string {
  return `${b.rank}. ${b.title}`;
}

/** Turns a proposal into the figures the cost and scale chart shows; no drawing here. */
export function costChartData(proposal: Proposal): CostChartData {
  const { currency, budget } = proposal.cost;
  const phases = proposal.roadmap.phases;
  const rows = [
    { step: TODAY, total: proposal.cost.monthly, breakdown: todayBreakdown(proposal), bottlenecks: proposal.bottlenecks },
    ...phases.map((p) => ({ step: p.scale, total: p.costMonthly, breakdown: p.costByCategory, bottlenecks: p.bottlenecks })),
  ];
  const figures = [...rows.map((r) => r.total), ...(budget !== undefined ? [budget] : [])];
  const axisMin = lowerBound(figures);
  // Room above the tallest bar for its total label.
  const axisMax = Math.max(axisMin * 10, ...figures) * 1.8;

  const top = [...proposal.bottlenecks].sort((a, b) => a.rank - b.rank).slice(0, TOP_BOTTLENECKS);
  const utilisation: UtilisationPoint[] = [];
  for (const row of rows) {
    for (const b of top) {
      const match = row.bottlenecks.find((x) => x.id === b.id);
      if (match !== undefined) utilisation.push({ step: row.step, bottleneck: seriesName(b), percent: match.utilisation * 100 });
    }
  }

  return {
    currency,
    steps: rows.map((r) => r.step),
    segments: rows.flatMap((r) => placeSegments(r.step, r.total, r.breakdown, axisMin)),
    totals: rows.map((r) => ({ step: r.step, total: r.total, label: formatMoney(r.total, currency), y: Math.max(r.total, axisMin) })),
    ...(budget !== undefined ? { budget: { amount: budget, label: `Budget ${formatMoney(budget, currency)}` } } : {}),
    axisMin,
    axisMax,
    utilisation,
    bottlenecks: top.map(seriesName),
  };
}
