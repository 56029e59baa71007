import type { Proposal } from "../../planner/proposal.js";
import type { Section } from "../document.js";
import { formatMoney, formatMonthly } from "../format.js";
import { escapeInline } from "../inline.js";
import { facts, paragraph, section, table, titled } from "./blocks.js";
import { budgetVerdict } from "./shared.js";

function exchangeRate(cost: Proposal["cost"]): string {
  const { from, to, rate, asOf } = cost.exchangeRate;
  if (to === from) return `prices are in ${from}; no conversion`;
  return `1 ${from} = ${rate} ${to} (as of ${escapeInline(asOf)})`;
}

function leverOutcome(cost: Proposal["cost"]): string {
  const after = formatMonthly(cost.monthlyAfterLevers, cost.currency);
  if (cost.leversCloseGap === undefined) return after;
  return cost.leversCloseGap ? `${after}, which closes the gap to the budget` : `${after}, which does not close the gap to the budget`;
}

export function costSection(proposal: Proposal): Section {
  const cost = proposal.cost;
  const money = (amount: number) => formatMoney(amount, cost.currency);
  return section(
    "cost",
    "Cost",
    [
      table(
        [{ title: "Item" }, { title: "Category" }, { title: "Basis" }, { title: "Monthly", numeric: true }],
        cost.lineItems.map((l) => [escapeInline(l.item), l.category, escapeInline(l.basis), money(l.monthly)]),
      ),
      facts([
        ["Total", formatMonthly(cost.monthly, cost.currency)],
        ["Budget", cost.budget === undefined ? "not stated" : formatMonthly(cost.budget, cost.currency)],
        ["Verdict", budgetVerdict(cost, cost.monthly, cost.withinBudget)],
        ["Cost per daily user", cost.costPerDailyUser === undefined ? undefined : `${money(cost.costPerDailyUser)}/month`],
      ]),
      ...titled(
        "Levers",
        table(
          [{ title: "Lever" }, { title: "How" }, { title: "Saving", numeric: true }, { title: "Trade-off" }],
          cost.levers.map((l) => [escapeInline(l.name), escapeInline(l.how), `${money(l.monthlySaving)}/month`, escapeInline(l.tradeOff)]),
        ),
        paragraph(cost.levers.length === 0 ? "" : `With every lever applied together (savings compound): ${leverOutcome(cost)}.`),
      ),
      ...titled(
        "Budget floor",
        paragraph(cost.budgetFloor === undefined ? "" : `${formatMonthly(cost.budgetFloor.monthly, cost.currency)} is the cheapest configuration that meets the requirements as stated. What would reach the budget:`),
        table(
          [{ title: "Option" }, { title: "Monthly", numeric: true }, { title: "Within budget" }, { title: "Trade-off" }],
          (cost.budgetFloor?.options ?? []).map((o) => [escapeInline(o.option), money(o.monthly), o.withinBudget ? "yes" : "no", escapeInline(o.tradeOff)]),
        ),
      ),
      facts([
        ["Prices as of", escapeInline(cost.pricesAsOf)],
        ["Price source", escapeInline(cost.priceSource)],
        ["Exchange rate", exchangeRate(cost)],
      ]),
    ],
    "No cost estimate.",
  );
}
