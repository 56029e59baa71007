import { run as parse } from "./parse.js";
import { run as pictures } from "./pictures.js";
import { run as planner } from "./planner.js";
import { run as store } from "./store.js";

/**
 * Every benchmark in one run on the same machine, so ratios compare like with like. Figures are
 * medians or percentiles of many samples; the machines are shared, so read them as ranges.
 */
const BENCHES: [string, () => Promise<Record<string, number>>][] = [
  ["planner", planner],
  ["parser", parse],
  ["pictures", pictures],
  ["conversation store (Redis)", store],
];

const show = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1));

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  let failed = false;
  for (const [name, bench] of BENCHES) {
    if (only.length > 0 && !only.some((o) => name.includes(o))) continue;
    process.stdout.write(`\n${name}\n`);
    try {
      const figures = await bench();
      for (const [figure, value] of Object.entries(figures)) process.stdout.write(`  ${figure.padEnd(48)} ${show(value)}\n`);
    } catch (error) {
      failed = true;
      process.stdout.write(`  failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
