import { formatMoney, formatNumber } from "./readable.js";
import type { Proposal } from "./proposal.js";
import type { Resolved } from "./resolve.js";

/** One paragraph with the figures an engineer checks first. */
export function summarise(p: Proposal, r: Resolved): string {
  const c = p.cost;
  const servers = p.components.filter((x) => x.type === "server").length;
  const parts = [
    `${/^[aeiou]/i.test(r.profile.label) ? "An" : "A"} ${r.profile.label.toLowerCase()} architecture for ${formatNumber(Math.round(r.dau))} daily users: ${formatNumber(p.capacity.peakRps)} RPS at peak (${formatNumber(p.capacity.avgRps)} on average), ${servers} service${servers === 1 ? "" : "s"} on ${r.orchestration === "kubernetes" ? "Kubernetes" : "VMs"} in ${r.regionNames.join(" + ")}.`,
    `It costs ${formatMoney(c.monthly, c.currency)} a month`,
  ];
  if (c.budget !== undefined) {
    if (c.withinBudget) parts[1] += `, within the ${formatMoney(c.budget, c.currency)} budget (${Math.round((c.monthly / c.budget) * 100)}% of it).`;
    else parts[1] += `, over the ${formatMoney(c.budget, c.currency)} budget by ${formatMoney(c.monthly - c.budget, c.currency)}; the levers bring it to ${formatMoney(c.monthlyAfterLevers, c.currency)}${c.leversCloseGap ? ", inside the budget." : ", still over: the budget needs a smaller scope or a later date."}`;
  } else parts[1] += " (no budget given).";
  const top = p.bottlenecks[0];
  if (top) parts.push(`First limit: ${top.title} at ${Math.round(top.utilisation * 100)}% of capacity at today's peak (${top.headroomFactor}x headroom before 80%).`);
  return parts.join(" ");
}
