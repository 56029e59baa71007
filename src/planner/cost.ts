import type { BillLine } from "./design/index.js";
import { DISCOUNTS, EXCHANGE_RATES_AS_OF, PRICES, PRICES_AS_OF, PRICE_SOURCE, USD_TO } from "./prices.js";
import { COST_CATEGORIES, type Cost, type CostCategory, type Lever, type LineItem } from "./proposal.js";
import type { Currency, Budget } from "./requirements.js";
import { usd } from "./design/sizing.js";
import { round } from "./units.js";

/** Converts USD bill lines into the user's currency, each rounded to cents so the table adds up. */
export function lineItems(bill: BillLine[], currency: Currency): LineItem[] {
  const rate = USD_TO[currency];
  const convert = (b: BillLine) => (currency === "USD" ? b.basis : `(${b.basis} = $${round(b.usdMonthly).toFixed(2)}) × ${rate} ${currency}/USD`);
  return bill.map((b) => ({ item: b.item, monthly: round(b.usdMonthly * rate), componentId: b.componentId, category: b.category, basis: convert(b) }));
}

export function total(items: LineItem[]): number {
  return round(items.reduce((sum, i) => sum + i.monthly, 0));
}

export function byCategory(items: LineItem[]): Record<CostCategory, number> {
  const out = Object.fromEntries(COST_CATEGORIES.map((c) => [c, 0])) as Record<CostCategory, number>;
  for (const i of items) out[i.category] = round(out[i.category] + i.monthly);
  return out;
}

const sumUsd = (bill: BillLine[], tags: BillLine["lever"][]) => bill.filter((b) => tags.includes(b.lever)).reduce((s, b) => s + b.usdMonthly, 0);

/** The designs the levers compare against: the same load sized at 70% CPU, and sized for the average hour. */
export interface LeverInputs {
  bill: BillLine[];
  rightSized: BillLine[];
  rightSizedOffPeak: BillLine[];
  peakFactor: number;
  /** Share of CDN bytes that are video, which a lower top bitrate shrinks. */
  videoShareOfCdn: number;
  /** What scales the app tier: the levers name its autoscaler. */
  platform: "vms" | "ecs" | "kubernetes";
}

const AUTOSCALER = { vms: "the Auto Scaling groups", ecs: "ECS service autoscaling", kubernetes: "the HPA and Cluster Autoscaler" } as const;

/** A 1080p ABR ladder averages ~1.5 GB per hour watched; capped at 720p, ~0.9 GB (planning figures). */
const GB_PER_HOUR_1080P = 1.5;
const GB_PER_HOUR_720P = 0.9;

/** Off-peak hours a day during which the app tier can run at average-load size. */
const OFF_PEAK_HOURS = 16;

/**
 * Levers in a fixed order, each computed on what the previous ones left, so their savings add up
 * to the combined saving exactly (savings compound; they are not summed on the full bill).
 */
export function levers(input: LeverInputs, currency: Currency): Lever[] {
  const rate = USD_TO[currency];
  const out: Lever[] = [];
  const push = (name: string, usd: number, how: string, tradeOff: string) => {
    if (usd * rate >= 1) out.push({ name, monthlySaving: round(usd * rate), how, tradeOff });
  };
  const online = sumUsd(input.bill, ["compute"]);
  const async = sumUsd(input.bill, ["compute-async"]);
  const rsOnline = sumUsd(input.rightSized, ["compute"]);
  const rsAsync = sumUsd(input.rightSized, ["compute-async"]);
  push("Right-size to 70% CPU", online + async - rsOnline - rsAsync, "size the app tier and workers for a 70% CPU target instead of 60% (N+1 kept)", "less headroom for sudden spikes before the autoscaler reacts");

  const offOnline = sumUsd(input.rightSizedOffPeak, ["compute"]);
  const offAsync = sumUsd(input.rightSizedOffPeak, ["compute-async"]);
  const share = OFF_PEAK_HOURS / 24;
  const curveSaving = (rsOnline - offOnline + rsAsync - offAsync) * share;
  push("Scale with the daily curve", curveSaving, `let ${AUTOSCALER[input.platform]} shrink to average-load size for ~${OFF_PEAK_HOURS} off-peak hours a day (peak is ${round(input.peakFactor, 1)}x average)`, "scale-up takes 1–3 minutes for new capacity; keep the minimum at the average-load size");

  const asyncLeft = rsAsync - (rsAsync - offAsync) * share;
  push("Spot capacity for async workers", asyncLeft * DISCOUNTS.spot.rate, `run the workers on Spot (${Math.round(DISCOUNTS.spot.rate * 100)}% typical discount; ${DISCOUNTS.spot.source})`, "a worker can be reclaimed with 2 minutes' notice: jobs must be idempotent and retried");

  const onlineLeft = rsOnline - (rsOnline - offOnline) * share;
  push("Compute Savings Plan (1 year)", onlineLeft * DISCOUNTS.computeSavingsPlan1y.rate, `commit to the steady on-demand compute (${Math.round(DISCOUNTS.computeSavingsPlan1y.rate * 100)}%: ${DISCOUNTS.computeSavingsPlan1y.source})`, "a one-year spend commitment");

  const data = sumUsd(input.bill, ["database", "cache"]);
  push("Reserved database and cache nodes (1 year)", data * DISCOUNTS.reservedDatabase1y.rate, `reserve the database and Redis nodes (${Math.round(DISCOUNTS.reservedDatabase1y.rate * 100)}%: ${DISCOUNTS.reservedDatabase1y.source})`, "locked to the instance family for a year");

  const cacheLeft = sumUsd(input.bill, ["cache"]) * (1 - DISCOUNTS.reservedDatabase1y.rate);
  push("Valkey instead of Redis OSS", cacheLeft * PRICES["elasticache.valkey.discount"].usd, `ElastiCache for Valkey nodes are priced ${Math.round(PRICES["elasticache.valkey.discount"].usd * 100)}% below Redis OSS, same protocol`, "Valkey is a Redis fork: check modules you rely on");

  // Self-managed on EC2: the same memory (r7g.large) at the EC2 rate instead of the ElastiCache node rate.
  const selfHostedShare = 1 - PRICES["ec2.r7g.large"].usd / PRICES["elasticache.cache.r7g.large"].usd;
  push("Self-managed Redis on EC2", cacheLeft * (1 - PRICES["elasticache.valkey.discount"].usd) * selfHostedShare, `run Redis/Valkey on r7g.large instances (${usd(PRICES["ec2.r7g.large"].usd)}/h) instead of cache.r7g.large nodes (${usd(PRICES["elasticache.cache.r7g.large"].usd)}/h)`, "you own failover (Sentinel), patching, backups and on-call for it");

  const cdn = sumUsd(input.bill, ["cdn"]);
  push("Cap video at 720p by default", cdn * input.videoShareOfCdn * (1 - GB_PER_HOUR_720P / GB_PER_HOUR_1080P), `serve 720p unless the viewer picks 1080p: ~${GB_PER_HOUR_720P} instead of ~${GB_PER_HOUR_1080P} GB per hour watched`, "lower default picture quality on large screens");

  const staging = input.bill.filter((b) => b.componentId === "env-staging").reduce((s, b) => s + b.usdMonthly, 0);
  push("Staging only in working hours", staging * (1 - 60 / 168), "stop staging compute outside 12 h × 5 days (60 of 168 hours a week)", "load tests must be scheduled inside those hours");
  return out;
}

export function buildCost(bill: BillLine[], leverInputs: LeverInputs, currency: Currency, budget: Budget | undefined, dau: number | undefined): Cost {
  const items = lineItems(bill, currency);
  const monthly = total(items);
  const ls = levers(leverInputs, currency);
  const monthlyAfterLevers = round(Math.max(0, monthly - ls.reduce((s, l) => s + l.monthlySaving, 0)));
  const cost: Cost = {
    currency,
    monthly,
    lineItems: items,
    levers: ls,
    monthlyAfterLevers,
    pricesAsOf: PRICES_AS_OF,
    priceSource: PRICE_SOURCE,
    exchangeRate: { from: "USD", to: currency, rate: USD_TO[currency], asOf: EXCHANGE_RATES_AS_OF },
  };
  if (budget) {
    cost.budget = budget.amount;
    cost.withinBudget = monthly <= budget.amount;
    if (!cost.withinBudget) cost.leversCloseGap = monthlyAfterLevers <= budget.amount;
  }
  if (dau !== undefined && dau > 0) cost.costPerDailyUser = round(monthly / dau, 4);
  return cost;
}
