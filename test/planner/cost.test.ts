import { describe, expect, it } from "vitest";
import { plan } from "../../src/planner/index.js";
import { CLOUDFRONT_TIERS, INTERNET_EGRESS_TIERS, PRICES, USD_TO, tieredCostUsd } from "../../src/planner/prices.js";
import { monthlyUsd, replicasFor } from "../../src/planner/design/sizing.js";
import { planDatabase } from "../../src/planner/design/database.js";

describe("cost and sizing math", () => {
  it("prices tiered transfer band by band", () => {
    expect(tieredCostUsd(15_000, CLOUDFRONT_TIERS)).toBeCloseTo(10_000 * 0.085 + 5_000 * 0.08, 9); // $1,250
    expect(tieredCostUsd(60_000, INTERNET_EGRESS_TIERS)).toBeCloseTo(10_000 * 0.09 + 40_000 * 0.085 + 10_000 * 0.07, 9);
    expect(tieredCostUsd(0, CLOUDFRONT_TIERS)).toBe(0);
  });

  it("prices always-on units at 730 hours", () => {
    expect(monthlyUsd(6, PRICES["ec2.c7g.large"].usd, 1)).toBeCloseTo(6 * 0.0725 * 730, 9); // $317.55
  });

  it("sizes replicas at the target utilisation plus one, never below two", () => {
    expect(replicasFor(100, 250, 0.6)).toBe(2);
    expect(replicasFor(1_000, 250, 0.6)).toBe(8); // ceil(6.67) = 7, +1
    expect(replicasFor(150, 250, 0.6)).toBe(2); // exactly 1 needed, +1
  });

  it("picks the smallest database class that holds the writes, and shards only past the largest", () => {
    expect(planDatabase(5_000, 0, 10, 1, 0.6).cls.name).toBe("db.r6g.4xlarge"); // 6,000 × 0.6 = 3,600 < 5,000 ≤ 10,000 × 0.6
    const sharded = planDatabase(20_000, 0, 10, 1, 0.6);
    expect(sharded.shards).toBe(3); // 20,000 ÷ (16,000 × 0.6)
    expect(sharded.cls.name).toBe("db.r6g.8xlarge"); // 6,667 writes/s a shard
    const readHeavy = planDatabase(100, 20_000, 10, 1, 0.6);
    expect(readHeavy.replicasPerShard).toBe(Math.ceil(20_000 / (8_000 * 0.6)));
  });

  it("adds line items up to the monthly total and converts at the stated rate", () => {
    const usd = plan({ archetype: "saas", dau: 20_000 });
    const eur = plan({ archetype: "saas", dau: 20_000, budget: { amount: 10_000, currency: "EUR", period: "month" } });
    const sum = usd.cost.lineItems.reduce((s, l) => s + l.monthly, 0);
    expect(usd.cost.monthly).toBeCloseTo(sum, 2);
    expect(eur.cost.currency).toBe("EUR");
    expect(eur.cost.exchangeRate.rate).toBe(USD_TO.EUR);
    expect(eur.cost.monthly).toBeCloseTo(usd.cost.monthly * USD_TO.EUR, 0);
    expect(eur.cost.lineItems[0]?.basis).toContain("EUR/USD");
  });

  it("says over budget, gives levers whose savings add up, and whether they close the gap", () => {
    const p = plan({ archetype: "ecommerce", dau: 200_000, budget: { amount: 2_000, currency: "USD", period: "month" } });
    expect(p.cost.withinBudget).toBe(false);
    expect(p.cost.levers.length).toBeGreaterThan(2);
    const saved = p.cost.levers.reduce((s, l) => s + l.monthlySaving, 0);
    expect(p.cost.monthlyAfterLevers).toBeCloseTo(p.cost.monthly - saved, 1);
    expect(p.cost.leversCloseGap).toBe(p.cost.monthlyAfterLevers <= 2_000);
    expect(p.summary).toContain("over the $2,000 budget");
  });

  it("reports cost per daily user only when users were stated", () => {
    expect(plan({ archetype: "generic", dau: 10_000 }).cost.costPerDailyUser).toBeGreaterThan(0);
    expect(plan({ archetype: "generic", peakRps: 100 }).cost.costPerDailyUser).toBeUndefined();
  });

  it("costs a region outside the US at its price factor", () => {
    const us = plan({ archetype: "generic", dau: 10_000 });
    const eu = plan({ archetype: "generic", dau: 10_000, regions: ["eu"] });
    const nodes = (p: typeof us) => p.cost.lineItems.find((l) => l.item.startsWith("Application (modular monolith)"))!.monthly;
    expect(nodes(eu) / nodes(us)).toBeCloseTo(1.15, 2);
  });
});
