import { run as conversation } from "./conversation.js";
import { run as discord } from "./discord.js";
import { run as jobs } from "./jobs.js";
import { run as parse } from "./parse.js";
import { run as pictures } from "./pictures.js";
import { run as planner } from "./planner.js";
import { run as proposals } from "./proposals.js";
import { run as slack } from "./slack.js";
import { run as slackLoad } from "./slack-load.js";
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
  ["conversation turns (offline model, Redis)", conversation],
  ["slack acknowledgements (real Bolt receiver vs a bare Bolt app)", slack],
  ["discord MESSAGE_CREATE to first reply (real discord.js, fake gateway)", discord],
  ["jobs: two worker processes on BullMQ", jobs],
  ["proposals: one worker posting proposals with pictures through the Slack sink", proposals],
  ["slack load: two web processes, two workers, one Redis", slackLoad],
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
