import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { createConversation } from "../src/agent/conversation.js";
import { createRedisStore } from "../src/state/index.js";
import type { ThreadKey } from "../src/state/types.js";

/**
 * Turns per second and per-turn latency of the conversation service with the offline model and
 * the Redis store (REDIS_URL, default redis://127.0.0.1:6379). Target: p99 under 20 ms.
 * Usage: npx tsx bench/conversation.ts [threads]
 */

const SCRIPT = [
  "We're building a food-delivery app for one city",
  "budget is about $3k a month",
  "50k DAU",
  "what if traffic is 10x",
  "use MySQL",
  "why PostgreSQL?",
  "show the roadmap",
  "drop Kubernetes",
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function main(): Promise<void> {
  const threads = Number(process.argv[2] ?? 50);
  const url = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";
  const store = createRedisStore({ url, keyPrefix: `bench:${randomUUID()}:`, ttlSeconds: 300 });
  const service = createConversation({ store });
  const timings: number[] = [];
  // Turns that run the planner carry its cost; the others measure the conversation layer alone.
  const planning: number[] = [];
  const talking: number[] = [];
  try {
    // Warm-up: module initialisation and the first Redis connection are not per-turn costs.
    const warm: ThreadKey = { platform: "console", workspace: "bench", channel: "warm", thread: "0" };
    for (const text of SCRIPT) await service.handleTurn({ key: warm, user: "bench", text });
    const before = store.stats().roundTrips;
    const started = performance.now();
    for (let i = 0; i < threads; i += 1) {
      const key: ThreadKey = { platform: "console", workspace: "bench", channel: "c", thread: String(i) };
      for (const text of SCRIPT) {
        const t0 = performance.now();
        const reply = await service.handleTurn({ key, user: "bench", text, eventId: randomUUID() });
        const ms = performance.now() - t0;
        timings.push(ms);
        (reply.posts.some((post) => post.kind === "proposal") ? planning : talking).push(ms);
        if (reply.posts.length === 0) throw new Error(`no reply to "${text}"`);
      }
    }
    const elapsed = performance.now() - started;
    const roundTrips = store.stats().roundTrips - before;
    const sorted = [...timings].sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    const line = (label: string, values: number[]) => {
      const s = [...values].sort((a, b) => a - b);
      return `${label}: ${values.length} turns, p50 ${percentile(s, 50).toFixed(2)} ms, p99 ${percentile(s, 99).toFixed(2)} ms`;
    };
    console.log(`turns: ${timings.length} over ${threads} threads in ${(elapsed / 1000).toFixed(2)} s`);
    console.log(`turns/s: ${(timings.length / (elapsed / 1000)).toFixed(0)}`);
    console.log(`p50: ${percentile(sorted, 50).toFixed(2)} ms  p95: ${percentile(sorted, 95).toFixed(2)} ms  p99: ${p99.toFixed(2)} ms  max: ${(sorted.at(-1) ?? 0).toFixed(2)} ms`);
    console.log(line("  turns that plan a proposal", planning));
    console.log(line("  turns that do not", talking));
    console.log(`redis round trips per turn: ${(roundTrips / timings.length).toFixed(2)}`);
    console.log(p99 < 20 ? "p99 within the 20 ms target" : "p99 ABOVE the 20 ms target");
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
