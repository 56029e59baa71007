import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import "../src/adapters/discord/sink.js";
import { startDiscord } from "../src/adapters/discord/index.js";
import { createConversation } from "../src/agent/conversation.js";
import { loadJobsConfig, type Config } from "../src/config.js";
import { startWorker } from "../src/jobs/bull-worker.js";
import { sinkRegistry } from "../src/jobs/sinks.js";
import { createMemoryStore } from "../src/state/index.js";
import { APPLICATION_ID, FakeDiscord, TOKEN } from "../test/support/fake-discord/index.js";
import { summarise } from "./stats.js";

/**
 * Discord adapter latency: from a MESSAGE_CREATE dispatched on the fake gateway to Archie's first
 * reply arriving at the fake REST API (POST /channels/{thread}/messages), over a steady stream of
 * mentions, each starting its own thread (thread creation, typing, the reply: three requests).
 * The real discord.js client, the offline model and the memory store; 127.0.0.1 only. The pace
 * keeps under discord.js's default global limit of 50 requests a second, as a real bot must.
 * Twice: TURNS=inline (one process), and TURNS=queue (the gateway queues in Redis at REDIS_URL,
 * default redis://127.0.0.1:6379, and a BullMQ worker in the same process posts over REST).
 * Usage: npx tsx bench/discord.ts
 */

const MESSAGES = 60;
const INTERVAL_MS = 100;
const WARM_UP = 3;
const TIME_LIMIT_MS = 30_000;

interface Running {
  stop(): Promise<void>;
}

async function firstReplies(fake: FakeDiscord): Promise<{ p50: number; p99: number; messages: number }> {
  const firstReply = (threadId: string) => fake.requests.find((r) => r.method === "POST" && r.path === `/api/v10/channels/${threadId}/messages` && r.status === 200);
  for (let i = 0; i < WARM_UP; i++) {
    const id = fake.say(`design a chat app number ${i}`, { mention: true });
    await fake.waitFor(() => firstReply(id) !== undefined, 10_000, "the warm-up reply");
  }
  const sent: { id: string; at: number }[] = [];
  const started = performance.now();
  for (let i = 0; i < MESSAGES && performance.now() - started < TIME_LIMIT_MS; i++) {
    sent.push({ at: performance.now(), id: fake.say(`design a food-delivery app for city ${i}, 50k DAU`, { mention: true }) });
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
  }
  await fake.waitFor(() => sent.every((s) => firstReply(s.id) !== undefined), TIME_LIMIT_MS, "every first reply");
  const { p50, p99 } = summarise(sent.map((s) => firstReply(s.id)!.at - s.at));
  return { p50, p99, messages: sent.length };
}

const configFor = (fake: FakeDiscord, turns: Config["turns"]): Config => ({ model: { provider: "offline" }, turns, discord: { token: TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl } });

async function inline(fake: FakeDiscord): Promise<Running> {
  const store = createMemoryStore();
  const archie = await startDiscord(configFor(fake, "inline"), { store, log: () => undefined, readyTimeoutMs: 10_000 });
  return {
    async stop() {
      await archie.stop();
      await store.close();
    },
  };
}

async function queued(fake: FakeDiscord): Promise<Running> {
  const url = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";
  const prefix = `archie-bench-discord-${randomUUID().slice(0, 8)}`;
  // One person sends every message here: the per-user limit would otherwise refuse most of them.
  const jobs = loadJobsConfig({ REDIS_URL: url, JOB_QUEUE_PREFIX: prefix, JOB_PARTITIONS: "8", OPS_PORT: "0", RATE_LIMIT_USER_PER_MINUTE: "100000", RATE_LIMIT_WORKSPACE_PER_MINUTE: "100000" });
  const gatewayStore = createMemoryStore();
  const workerStore = createMemoryStore();
  const config = configFor(fake, "queue");
  const worker = await startWorker({ url, layout: { prefix, partitions: jobs.partitions }, service: createConversation({ store: workerStore }), sinks: await sinkRegistry.build(config) });
  const archie = await startDiscord(config, { jobs, store: gatewayStore, log: () => undefined, readyTimeoutMs: 10_000 });
  return {
    async stop() {
      await archie.stop();
      await worker.close(5_000);
      await Promise.all([gatewayStore.close(), workerStore.close()]);
      const admin = new Redis(url);
      let cursor = "0";
      do {
        const [next, keys] = await admin.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
        if (keys.length > 0) await admin.del(...keys);
        cursor = next;
      } while (cursor !== "0");
      admin.disconnect();
    },
  };
}

async function measure(start: (fake: FakeDiscord) => Promise<Running>): Promise<{ p50: number; p99: number; messages: number }> {
  const fake = await FakeDiscord.start();
  try {
    const running = await start(fake);
    try {
      return await firstReplies(fake);
    } finally {
      await running.stop();
    }
  } finally {
    await fake.close();
  }
}

export async function run(): Promise<Record<string, number>> {
  const here = await measure(inline);
  const viaWorker = await measure(queued);
  return {
    "discord.firstReply.p50": here.p50,
    "discord.firstReply.p99": here.p99,
    "discord.firstReply.messages": here.messages,
    "discord.queue.firstReply.p50": viaWorker.p50,
    "discord.queue.firstReply.p99": viaWorker.p99,
    "discord.queue.firstReply.messages": viaWorker.messages,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then(
    (result) => console.log(result),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
