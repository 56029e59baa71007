import fc from "fast-check";
import { plan } from "../src/planner/index.js";
import { requirementsArb } from "../test/planner/arbitraries.js";
import { summarise } from "./stats.js";

const PASSES = 3;

/**
 * The planner over a fixed set of 1,000 varied requirements (same seed every run). Each input is
 * timed in three passes and its median kept, so one descheduling on a shared machine is not a p99.
 */
export async function run(): Promise<Record<string, number>> {
  const inputs = fc.sample(requirementsArb, { seed: 20261121, numRuns: 1_000 });
  for (const input of inputs.slice(0, 100)) plan(input);
  const timings: number[][] = inputs.map(() => []);
  let elapsed = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    const started = performance.now();
    inputs.forEach((input, i) => {
      const t = performance.now();
      plan(input);
      timings[i]!.push(performance.now() - t);
    });
    elapsed += performance.now() - started;
  }
  const medians = timings.map((t) => [...t].sort((a, b) => a - b)[1]!);
  const s = summarise(medians);
  return {
    "planner proposals/s": Math.round(((inputs.length * PASSES) / elapsed) * 1_000),
    "planner p50 ms": s.p50,
    "planner p99 ms": s.p99,
  };
}
