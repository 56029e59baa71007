import { describe, expect, it } from "vitest";
import { computeLoad, toCapacity, yearOneMonths } from "../../src/planner/capacity.js";
import { plan } from "../../src/planner/index.js";
import { resolve } from "../../src/planner/resolve.js";
import { SECONDS_PER_MONTH } from "../../src/planner/units.js";

describe("capacity math against hand-worked examples", () => {
  it("reproduces system-design-primer's scaling_aws figures: 1 B writes/month at 100:1 → ≈400 writes/s, ≈40 k reads/s", () => {
    // 1 B writes + 100 B reads a month, as an average rate over a 30-day month.
    const avgRps = (1e9 + 100e9) / SECONDS_PER_MONTH;
    const p = plan({ archetype: "generic", avgRps, readWriteRatio: 100 });
    expect(p.capacity.writeRps).toBeCloseTo(1e9 / SECONDS_PER_MONTH, 1); // 385.8/s
    expect(Math.abs(p.capacity.writeRps - 400) / 400).toBeLessThan(0.05);
    expect(Math.abs(p.capacity.readRps - 40_000) / 40_000).toBeLessThan(0.05);
    expect(p.capacity.requestsPerMonth).toBe(101e9);
  });

  it("derives RPS from daily users: 1 M DAU × 50 requests ÷ 86,400 s = 578.70 average, ×2 peak = 1,157.41", () => {
    const p = plan({ archetype: "generic", dau: 1_000_000 });
    expect(p.capacity.avgRps).toBe(578.7);
    expect(p.capacity.peakRps).toBe(1157.41);
    expect(p.assumptions.find((a) => a.field === "requestsPerUserPerDay")?.value).toBe("50");
    expect(p.assumptions.find((a) => a.field === "peakFactor")?.value).toBe("2x");
  });

  it("uses a stated peak as stated and derives the average from the peak factor", () => {
    const p = plan({ archetype: "ecommerce", peakRps: 800, peakFactor: 6 });
    expect(p.capacity.peakRps).toBe(800);
    expect(p.capacity.avgRps).toBe(133.33);
    expect(p.assumptions.some((a) => a.field === "peakFactor")).toBe(false);
  });

  it("splits reads and writes at the stated ratio and keeps their sum equal to the average", () => {
    const p = plan({ archetype: "generic", avgRps: 1_100, readWriteRatio: 10 });
    expect(p.capacity.writeRps).toBe(100);
    expect(p.capacity.readRps).toBe(1_000);
  });

  it("derives daily users from MAU with the archetype's stickiness and lists it", () => {
    const r = resolve({ archetype: "chat", mau: 1_000_000 });
    expect(r.dau).toBe(500_000);
    expect(r.assumptions.map((a) => a.field)).toContain("dauOverMau");
  });

  it("derives daily users from stated concurrency: 10 k concurrent at 60 connected minutes and 2.5x peak → 96,000 DAU", () => {
    const r = resolve({ archetype: "chat", concurrentUsers: 10_000 });
    expect(r.dau).toBeCloseTo(10_000 / ((60 / 1440) * 2.5), 6);
    expect(r.concurrentUsers).toBe(10_000);
  });

  it("sums year-one volume with compound monthly growth", () => {
    expect(yearOneMonths(0)).toBe(12);
    expect(yearOneMonths(10)).toBeCloseTo((1.1 ** 12 - 1) / 0.1, 9); // 21.384
  });

  it("computes storage and egress from the profile: generic, 10 k DAU, no growth", () => {
    const r = resolve({ archetype: "generic", dau: 10_000, growthPercentPerMonth: 0, readWriteRatio: 9 });
    const load = computeLoad(r, 1);
    const avg = (10_000 * 50) / 86_400;
    const writesPerMonth = (avg / 10) * SECONDS_PER_MONTH;
    expect(load.databaseGbYear1).toBeCloseTo((writesPerMonth * 500 * 12) / 1e9, 6); // 0.5 KB a write
    expect(load.objectStorageGbYear1).toBeCloseTo((writesPerMonth * 10_000 * 12) / 1e9, 6); // 10 KB a write
    expect(load.apiEgressGbMonth).toBeCloseTo((avg * SECONDS_PER_MONTH * 5_000) / 1e9, 6); // 5 KB a response
    expect(load.cdnEgressGbMonth).toBeCloseTo((10_000 * 2_000_000 * 30) / 1e9, 6); // 2 MB a user a day
    const cap = toCapacity(load);
    expect(cap.egressGbMonth).toBeCloseTo(cap.cdnEgressGbMonth + cap.originEgressGbMonth, 1);
  });

  it("sends stream-bound writes (telemetry) to the OLAP store, not the relational primary", () => {
    const load = computeLoad(resolve({ archetype: "iot", dau: 100_000 }), 1);
    expect(load.peakStreamWriteRps).toBeGreaterThan(load.peakDbWriteRps * 5);
    expect(load.streamStoreGbYear1).toBeGreaterThan(0);
  });
});
