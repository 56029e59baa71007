import { describe, expect, it } from "vitest";
import { mergeRequirements, scaleTraffic } from "../../src/agent/merge.js";
import { plan } from "../../src/planner/index.js";

describe("mergeRequirements", () => {
  it("lets later statements win and reports what changed", () => {
    const merged = mergeRequirements({ dau: 5000, database: "postgresql" }, { dau: 50_000, database: "postgresql" });
    expect(merged).toEqual({ requirements: { dau: 50_000, database: "postgresql" }, changed: ["dau"], problems: [] });
  });

  it("accumulates compliance regimes, and clears them on an explicit none", () => {
    expect(mergeRequirements({ compliance: ["PCI-DSS"] }, { compliance: ["GDPR"] }).requirements.compliance).toEqual(["PCI-DSS", "GDPR"]);
    expect(mergeRequirements({ compliance: ["PCI-DSS"] }, { compliance: [] }).requirements.compliance).toEqual([]);
  });

  it("refuses an update that contradicts what is stated, keeping the thread as it was", () => {
    const merged = mergeRequirements({ avgRps: 800 }, { peakRps: 500 });
    expect(merged.requirements).toEqual({ avgRps: 800 });
    expect(merged.changed).toEqual([]);
    expect(merged.problems[0]).toMatch(/peak traffic \(500 RPS\) cannot be below the average \(800 RPS\)/);
  });
});

describe("scaleTraffic", () => {
  it("scales every stated traffic figure", () => {
    const capacity = plan({ dau: 1000 }).capacity;
    expect(scaleTraffic({ dau: 1000, concurrentUsers: 50, budget: { amount: 1, currency: "USD", period: "month" } }, 10, capacity)).toEqual({ dau: 10_000, concurrentUsers: 500 });
  });

  it("scales the proposal's own rates when no traffic was stated", () => {
    const capacity = plan({ domain: "a blog" }).capacity;
    const scaled = scaleTraffic({ domain: "a blog" }, 2, capacity);
    expect(scaled.peakRps).toBeCloseTo(capacity.peakRps * 2, 0);
    expect(scaled.avgRps).toBeCloseTo(capacity.avgRps * 2, 0);
  });
});
