import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { createRedisStore } from "../src/state/redis-store.js";
import { emptyThreadState } from "../src/state/thread-state.js";
import type { ThreadKey, ThreadState } from "../src/state/types.js";
import { percentile } from "./stats.js";

const THREADS = 50;
const TURNS_PER_THREAD = 40;
const SEQUENTIAL_TURNS = 500;
/** A conversation keeps its recent messages only; the bench state grows to this many. */
const KEPT_MESSAGES = 20;


/** The state after one more exchange: a user question and a paragraph-long answer. */
function nextState(state: ThreadState | undefined, turn: number): ThreadState {
  const base = state ?? emptyThreadState(new Date());
  const exchange = [
    { type: "human", data: { content: `turn ${turn}: what if traffic doubles in the EU?`, role: undefined, name: undefined, tool_call_id: undefined } },
    { type: "ai", data: { content: "The database tier saturates first at 2x; ".repeat(12), role: undefined, name: undefined, tool_call_id: undefined } },
  ];
  const messages = [...base.messages, ...exchange];
  const dropped = Math.max(0, messages.length - KEPT_MESSAGES);
  return {
    ...base,
    requirements: { domain: "food-delivery app", dau: 200_000, regions: ["eu"] },
    messages: messages.slice(dropped),
    droppedMessages: base.droppedMessages + dropped,
    turns: base.turns + 1,
    updatedAt: new Date().toISOString(),
  };
}

/**
 * Conversation turns against the local Redis (REDIS_URL or 127.0.0.1:6379): 50 threads talking
 * at once, 40 turns each, then 500 turns of one thread alone. A turn is dedup + begin + commit;
 * latency is begin + commit, and under load includes waiting for the event loop.
 */
export async function run(): Promise<Record<string, number>> {
  const store = createRedisStore({ url: process.env.REDIS_URL ?? "redis://127.0.0.1:6379", keyPrefix: `archie-bench-${randomUUID()}` });
  const threads: ThreadKey[] = Array.from({ length: THREADS }, (_, i) => ({
    platform: "slack",
    workspace: "T0BENCH",
    channel: "C0BENCH",
    thread: `1712345678.${String(i).padStart(6, "0")}`,
  }));
  const latencies: number[] = [];
  let stateBytes = 0;
  try {
    await store.firstSighting(`warm-up-${randomUUID()}`, 60);
    const before = store.stats().roundTrips;
    const started = performance.now();
    await Promise.all(
      threads.map(async (key) => {
        for (let turn = 1; turn <= TURNS_PER_THREAD; turn += 1) {
          if (!(await store.firstSighting(`${key.thread}-${turn}-${randomUUID()}`, 60))) throw new Error("a new event id was seen twice");
          const t0 = performance.now();
          const { lease, state } = await store.begin(key);
          const next = nextState(state, turn);
          await store.commit(lease, next);
          latencies.push(performance.now() - t0);
          stateBytes = Math.max(stateBytes, Buffer.byteLength(JSON.stringify(next)));
        }
      }),
    );
    const elapsedMs = performance.now() - started;
    const turns = THREADS * TURNS_PER_THREAD;
    const roundTrips = store.stats().roundTrips - before;
    latencies.sort((a, b) => a - b);

    // The same turn with nothing else running: the store's own cost, without queueing behind 49 others.
    const alone: number[] = [];
    const [first] = threads;
    for (let turn = 1; first !== undefined && turn <= SEQUENTIAL_TURNS; turn += 1) {
      const t0 = performance.now();
      const { lease, state } = await store.begin(first);
      await store.commit(lease, nextState(state, turn));
      alone.push(performance.now() - t0);
    }
    alone.sort((a, b) => a - b);

    return {
      turns,
      threads: THREADS,
      beginCommitP50Ms: percentile(latencies, 50),
      beginCommitP99Ms: percentile(latencies, 99),
      roundTripsPerTurn: roundTrips / turns,
      turnsPerSecond: (turns / elapsedMs) * 1000,
      aloneBeginCommitP50Ms: percentile(alone, 50),
      aloneBeginCommitP99Ms: percentile(alone, 99),
      stateBytes,
    };
  } finally {
    await Promise.all(threads.map((key) => store.clear(key)));
    await store.close();
  }
}
