import { describe, expect, it } from "vitest";
import type { Proposal } from "../../../src/planner/proposal.js";
import { costChartData, TODAY } from "../../../src/report/pictures/chart-data.js";
import { makeProposalFixture } from "../../fixtures/proposal.js";

describe("costChartData", () => {
  const proposal = makeProposalFixture();
  const data = costChartData(proposal);

  it("has today then each roadmap phase, totalled as the proposal states", () => {
    expect(data.steps).toEqual([TODAY, "2x", "10x", "100x"]);
    expect(data.totals.map((t) => t.total)).toEqual([proposal.cost.monthly, ...proposal.roadmap.phases.map((p) => p.costMonthly)]);
    expect(data.totals.map((t) => t.label)).toEqual(["€3,762", "€7,580", "€26,500", "€170,000"]);
    expect(data.budget).toEqual({ amount: 6000, label: "Budget €6,000" });
  });

  it("groups today's line items by category", () => {
    const today = data.segments.filter((s) => s.step === TODAY);
    expect(Object.fromEntries(today.map((s) => [s.category, s.amount]))).toEqual({
      compute: 410 + 540 + 100,
      data: 960 + 420 + 330,
      network: 165 + 45 + 120,
      storage: 115,
      platform: 67 + 180,
      environments: 310,
    });
  });

  it("stacks each bar from the axis floor to its total, each segment's log length in proportion to its amount", () => {
    for (const total of data.totals) {
      const segments = data.segments.filter((s) => s.step === total.step);
      expect(segments[0]?.low).toBeCloseTo(data.axisMin, 6);
      expect(segments.at(-1)?.high).toBeCloseTo(total.total, 6);
      segments.slice(1).forEach((s, i) => expect(s.low).toBeCloseTo(segments[i]?.high ?? Number.NaN, 6));
      const span = Math.log(total.total / data.axisMin);
      const sum = segments.reduce((acc, s) => acc + s.amount, 0);
      for (const s of segments) expect(Math.log(s.high / s.low) / span).toBeCloseTo(s.amount / sum, 9);
    }
  });

  it("puts the axis floor a decade below the smallest figure and room above the largest", () => {
    expect(data.axisMin).toBe(100);
    expect(data.axisMax).toBeGreaterThan(170_000);
  });

  it("follows the top three bottlenecks through the phases by id", () => {
    expect(data.bottlenecks).toEqual(["1. PostgreSQL primary writes", "2. Gateway connections", "3. Redis memory"]);
    const writes = data.utilisation.filter((u) => u.bottleneck === "1. PostgreSQL primary writes");
    expect(writes.map((u) => [u.step, Math.round(u.percent)])).toEqual([[TODAY, 62], ["2x", 71], ["10x", 68], ["100x", 84]]);
  });

  it("leaves a gap where a phase no longer has a bottleneck, and draws no budget when there is none", () => {
    const changed: Proposal = structuredClone(proposal);
    const last = changed.roadmap.phases[2];
    if (last === undefined) throw new Error("fixture has three phases");
    last.bottlenecks = last.bottlenecks.filter((b) => b.id !== "redis-memory");
    delete changed.cost.budget;
    const result = costChartData(changed);
    expect(result.utilisation.filter((u) => u.bottleneck === "3. Redis memory").map((u) => u.step)).toEqual([TODAY, "2x", "10x"]);
    expect(result.budget).toBeUndefined();
  });
});
