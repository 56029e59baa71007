import { describeValue } from "./describe.js";
import type { Proposal } from "./proposal.js";
import { componentChanges } from "./roadmap.js";
import { formatMoney, formatNumber } from "./readable.js";

/** What changed from one version to the next, most consequential first, in plain words. */
export function diffProposals(previous: Proposal, next: Proposal): string[] {
  const out: string[] = [];
  const keys = new Set([...Object.keys(previous.requirements), ...Object.keys(next.requirements)] as (keyof Proposal["requirements"])[]);
  for (const k of keys) {
    const [a, b] = [previous.requirements[k], next.requirements[k]];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (k === "budget" && next.requirements.budget) {
      const was = previous.requirements.budget;
      out.push(`Budget: ${was ? formatMoney(was.amount, was.currency) : "not stated"} → ${formatMoney(next.requirements.budget.amount, next.requirements.budget.currency)} a month`);
    } else if (b === undefined) out.push(`No longer stated: ${describeValue(k, a)}`);
    else out.push(`Now stated: ${describeValue(k, b)}${a === undefined ? "" : ` (was ${describeValue(k, a)})`}`);
  }
  if (previous.archetype !== next.archetype) out.push(`Domain: ${previous.archetype} → ${next.archetype}`);
  if (previous.capacity.peakRps !== next.capacity.peakRps) out.push(`Peak traffic: ${formatNumber(previous.capacity.peakRps)} → ${formatNumber(next.capacity.peakRps)} RPS`);
  for (const s of next.stack) {
    const before = previous.stack.find((x) => x.layer === s.layer);
    if (before && before.choice !== s.choice) out.push(`${s.layer}: ${before.choice} → ${s.choice}`);
  }
  out.push(...componentChanges(previous.components, next.components));
  const [pc, nc] = [previous.cost, next.cost];
  if (pc.monthly !== nc.monthly || pc.currency !== nc.currency) out.push(`Monthly cost: ${formatMoney(pc.monthly, pc.currency)} → ${formatMoney(nc.monthly, nc.currency)}`);
  if (pc.withinBudget !== nc.withinBudget && nc.withinBudget !== undefined) out.push(nc.withinBudget ? "Now within budget" : "Now over budget (see the cost levers)");
  return out;
}
