import { parseRequirements } from "../src/planner/parse/index.js";
import { percentile } from "./stats.js";

const MESSAGES = [
  "@Archie design a food-delivery app for 50k DAU in the EU, peak 800 RPS, budget $2k/month",
  "budget is really €2k",
  "what if we go EU-only?",
  "use MySQL and drop Kubernetes",
  "10M users, flash sales spike to 6x, 100:1 reads to writes, +30%/mo, p95 < 200 ms, four nines",
  "actually 50k DAU, not 5k",
  "10 million pastes created a month and 100 million paste views a month; each paste is about 1.27 KB",
  "3 million trucks, each pinging its location every 5 seconds; keep 90 days of tracks",
  "an HR self-service portal for a 200-person company; a typical member files 3 requests a day",
];
const LONG = `${MESSAGES.join(". ")}. `.repeat(60).slice(0, 20_000);


/** How fast the parser reads typical chat messages and a request at the 20,000-character limit. */
export async function run(): Promise<Record<string, number>> {
  for (const message of MESSAGES) parseRequirements(message);
  const times: number[] = [];
  for (let round = 0; round < 200; round++) {
    for (const message of MESSAGES) {
      const started = performance.now();
      parseRequirements(message);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const longStarted = performance.now();
  parseRequirements(LONG);
  return {
    messageP50Ms: percentile(times, 50),
    messageP95Ms: percentile(times, 95),
    maxLengthRequestMs: performance.now() - longStarted,
  };
}
