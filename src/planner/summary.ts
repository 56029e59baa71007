import { formatMoney, formatNumber } from "./readable.js";
import type { Proposal } from "./proposal.js";
import type { Resolved } from "./resolve.js";

/** Over budget: the levers, else the floor (this design is the cheapest rung that meets the requirements) and what reaches the budget. */
function overBudget(c: Proposal["cost"]): string {
  const levers = `the levers bring it to ${formatMoney(c.monthlyAfterLevers, c.currency)}`;
  if (c.leversCloseGap) return `${levers}, inside the budget.`;
  const reach = c.budgetFloor?.options.filter((o) => o.withinBudget).map((o) => `${o.option} (${formatMoney(o.monthly, c.currency)})`) ?? [];
  const floor = `this is the cheapest configuration that meets the requirements, so ${formatMoney(c.monthly, c.currency)} is the floor; ${levers}`;
  return reach.length > 0 ? `${floor}; within the budget: ${reach.join(", or ")}.` : `${floor}, still over: no lower availability target or later date fits the budget either.`;
}

/** One paragraph with the figures an engineer checks first. */
export function summarise(p: Proposal, r: Resolved): string {
  const c = p.cost;
  const parts = [
    `${/^[aeiou]/i.test(r.profile.label) ? "An" : "A"} ${r.profile.label.toLowerCase()} architecture for ${formatNumber(Math.round(r.dau))} daily users: ${formatNumber(p.capacity.peakRps)} RPS at peak (${formatNumber(p.capacity.avgRps)} on average), stage ${p.stage.rung} (${p.stage.name.toLowerCase()}): ${p.stage.shape}, in ${r.regionNames.join(" + ")}.`,
    `It costs ${formatMoney(c.monthly, c.currency)} a month`,
  ];
  if (c.budget !== undefined) {
    if (c.withinBudget) parts[1] += `, within the ${formatMoney(c.budget, c.currency)} budget (${Math.round((c.monthly / c.budget) * 100)}% of it).`;
    else parts[1] += `, over the ${formatMoney(c.budget, c.currency)} budget by ${formatMoney(c.monthly - c.budget, c.currency)}; ${overBudget(c)}`;
  } else parts[1] += " (no budget given).";
  const top = p.bottlenecks[0];
  if (top) parts.push(`First limit: ${top.title} at ${Math.round(top.utilisation * 100)}% of capacity at today's peak (${top.headroomFactor}x headroom before 80%).`);
  return parts.join(" ");
}
