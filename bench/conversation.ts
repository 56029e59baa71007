import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { createConversation } from "../src/agent/conversation.js";
import { createRedisStore } from "../src/state/redis-store.js";
import type { ThreadKey } from "../src/state/types.js";
import { summarise } from "./stats.js";
import { CONVERSATION_SCRIPT } from "./script.js";

/**
 * Whole conversation turns through the service with the offline model and the Redis store
 * (REDIS_URL or 127.0.0.1:6379): dedup, lock, agent loop, planner, report, save. Target: p99
 * under 20 ms. Turns that plan a proposal carry the planner's and the report's cost; the others
 * measure the conversation layer alone. Run alone: npx tsx bench/conversation.ts [threads]
 */


export async function run(threads = 50): Promise<Record<string, number>> {
  const store = createRedisStore({ url: process.env.REDIS_URL ?? "redis://127.0.0.1:6379", keyPrefix: `archie-bench-${randomUUID()}`, ttlSeconds: 300 });
  const service = createConversation({ store });
  const all: number[] = [];
  const planning: number[] = [];
  const talking: number[] = [];
  try {
    // Warm-up: module initialisation, JIT and the first connection are not per-turn costs.
    const warm: ThreadKey = { platform: "console", workspace: "bench", channel: "warm", thread: "0" };
    for (const text of CONVERSATION_SCRIPT) await service.handleTurn({ key: warm, user: "bench", text });
    const before = store.stats().roundTrips;
    const started = performance.now();
    for (let i = 0; i < threads; i += 1) {
      const key: ThreadKey = { platform: "console", workspace: "bench", channel: "c", thread: String(i) };
      for (const text of CONVERSATION_SCRIPT) {
        const t0 = performance.now();
        const reply = await service.handleTurn({ key, user: "bench", text, eventId: randomUUID() });
        const ms = performance.now() - t0;
        if (reply.posts.length === 0) throw new Error(`no reply to "${text}"`);
        all.push(ms);
        (reply.posts.some((post) => post.kind === "proposal") ? planning : talking).push(ms);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const total = summarise(all);
    return {
      turnsPerSecond: all.length / seconds,
      turnP50Ms: total.p50,
      turnP99Ms: total.p99,
      planningTurnP99Ms: summarise(planning).p99,
      otherTurnP99Ms: summarise(talking).p99,
      redisRoundTripsPerTurn: (store.stats().roundTrips - before) / all.length,
    };
  } finally {
    await store.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run(Number(process.argv[2] ?? 50)).then(
    (figures) => {
      for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(24)} ${value.toFixed(2)}`);
      console.log((figures.turnP99Ms ?? Infinity) < 20 ? "p99 within the 20 ms target" : "p99 above the 20 ms target");
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
