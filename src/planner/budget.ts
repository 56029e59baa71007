import { computeLoad } from "./capacity.js";
import { buildDesign, DEFAULT_DESIGN_OPTIONS, type BillLine, type DesignOptions } from "./design/index.js";
import { stagingBill } from "./environments.js";
import { TRIGGERS } from "./facts.js";
import { USD_TO } from "./prices.js";
import type { Cost } from "./proposal.js";
import { formatMoney } from "./readable.js";
import type { Currency } from "./requirements.js";
import type { Resolved } from "./resolve.js";
import { monthsUntil } from "./roadmap.js";
import { formatNumber, round } from "./units.js";

type Floor = NonNullable<Cost["budgetFloor"]>;

const usdTotal = (bill: BillLine[]) => bill.reduce((s, b) => s + b.usdMonthly, 0);

/** The monthly bill (in the user's currency) of the design the ladder picks for `factor` × the load. */
function monthlyAt(r: Resolved, factor: number, options: DesignOptions = DEFAULT_DESIGN_OPTIONS): number {
  const design = buildDesign(r, computeLoad(r, factor), options);
  return round(usdTotal([...design.bill, ...stagingBill(r, design)]) * USD_TO[r.currency]);
}

/** Bisection steps for the share of the load a budget carries: 2^-7, under 1% of the stated load. */
const SHARE_STEPS = 7;

/**
 * Over budget, today's design is the floor: the cheapest rung that meets the stated load, availability
 * and compliance. What reaches the budget without dropping a requirement the user cares to keep: the
 * ladder's own choices, a lower availability target (single-AZ), or the stated load at a later date.
 */
export function budgetFloor(r: Resolved, monthly: number, budget: number, ladderChoice: boolean): Floor {
  const options: Floor["options"] = [];
  const add = (option: string, cost: number, tradeOff: string) => options.push({ option, monthly: cost, withinBudget: cost <= budget, tradeOff });
  if (ladderChoice) add("the ladder's platform, service split and broker instead of the ones asked for", monthlyAt(r, 1, { ...DEFAULT_DESIGN_OPTIONS, ignoreUserChoices: true }), "the parts you asked for arrive when their triggers fire (see the decisions)");
  const singleAz = TRIGGERS.multiAz.threshold;
  if (r.availability > singleAz) add(`a ${singleAz}% availability target (single-AZ database)`, monthlyAt({ ...r, availability: singleAz }, 1), `up to ${formatNumber(round((1 - singleAz / 100) * 30 * 24 * 60), 0)} minutes of downtime a month; a zone failure means restoring from backups`);
  let carried = 0;
  let over = 1;
  for (let i = 0; i < SHARE_STEPS; i++) {
    const mid = (carried + over) / 2;
    if (monthlyAt(r, mid) <= budget) carried = mid;
    else over = mid;
  }
  if (carried > 0) {
    const months = monthsUntil(1 / carried, r.growthPercentPerMonth);
    const when = months === undefined ? "when the traffic arrives" : `in about ${formatNumber(months, 1)} months at ${formatNumber(r.growthPercentPerMonth, 1)}% a month`;
    add(
      `launch at ${Math.floor(carried * 100)}% of the stated load (${formatNumber(r.peakRps * carried, 2)} req/s at peak) and reach the stated load ${when}`,
      monthlyAt(r, carried),
      "the design grows along the roadmap; the budget must reach the floor by the time the stated load does",
    );
  }
  return { monthly, options };
}

/** What the user's platform, split and broker choices cost against the ladder's own design. */
export function choiceCost(chosen: BillLine[], ladder: BillLine[], currency: Currency): string {
  const rate = USD_TO[currency];
  const [a, b] = [round(usdTotal(chosen) * rate), round(usdTotal(ladder) * rate)];
  const diff = round(a - b);
  if (Math.abs(diff) < 1) return "the requested choices cost the same as the ladder's design";
  return `the requested choices together cost ${formatMoney(Math.abs(diff), currency)} a month ${diff > 0 ? "more" : "less"} than the ladder's design (${formatMoney(a, currency)} against ${formatMoney(b, currency)})`;
}
