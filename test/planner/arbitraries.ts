import fc from "fast-check";
import { ARCHETYPES, COMPLIANCE_REGIMES, CURRENCIES, type Requirements } from "../../src/planner/requirements.js";

const users = fc.integer({ min: 1, max: 500_000_000 });
const rps = fc.double({ min: 0.01, max: 2_000_000, noNaN: true });

/** Traffic stated in any one of the forms users give it (or not at all). */
const traffic: fc.Arbitrary<Partial<Requirements>> = fc.oneof(
  fc.record({ dau: users }),
  fc.record({ mau: users }),
  fc.record({ concurrentUsers: fc.integer({ min: 1, max: 50_000_000 }) }),
  fc.record({ avgRps: rps }),
  fc.record({ peakRps: rps }),
  fc.tuple(rps, fc.double({ min: 1, max: 20, noNaN: true })).map(([avg, k]) => ({ avgRps: avg, peakRps: avg * k })),
  fc.record({ ordersPerDay: fc.integer({ min: 1, max: 50_000_000 }) }),
  fc.record({ videoHoursWatchedPerDay: fc.integer({ min: 1, max: 100_000_000 }) }),
  fc.constant({}),
);

export const requirementsArb: fc.Arbitrary<Requirements> = fc
  .record(
    {
      archetype: fc.constantFrom(...ARCHETYPES),
      readWriteRatio: fc.double({ min: 0.05, max: 1_000, noNaN: true }),
      peakFactor: fc.double({ min: 1, max: 20, noNaN: true }),
      growthPercentPerMonth: fc.double({ min: 0, max: 100, noNaN: true }),
      budget: fc.record({ amount: fc.integer({ min: 50, max: 5_000_000 }), currency: fc.constantFrom(...CURRENCIES), period: fc.constant("month" as const) }),
      latencyP95Ms: fc.integer({ min: 20, max: 5_000 }),
      availability: fc.constantFrom(99, 99.5, 99.9, 99.95, 99.99),
      regions: fc.subarray(["us", "eu", "ap"], { minLength: 1 }),
      compliance: fc.subarray([...COMPLIANCE_REGIMES]),
      database: fc.constantFrom("postgresql" as const, "mysql" as const),
      orchestration: fc.constantFrom("kubernetes" as const, "vms" as const),
      cloud: fc.constantFrom("aws" as const, "gcp" as const, "azure" as const),
    },
    { requiredKeys: ["archetype"] },
  )
  .chain((base) => traffic.map((t) => ({ ...base, ...t }) as Requirements))
  .filter((r) => !(r.avgRps !== undefined && r.peakRps !== undefined && r.peakRps < r.avgRps));
