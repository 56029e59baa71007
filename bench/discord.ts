import { performance } from "node:perf_hooks";
import { startDiscord } from "../src/adapters/discord/index.js";
import { createMemoryStore } from "../src/state/index.js";
import { APPLICATION_ID, FakeDiscord, TOKEN } from "../test/support/fake-discord/index.js";
import { summarise } from "./stats.js";

/**
 * Discord adapter latency: from a MESSAGE_CREATE dispatched on the fake gateway to Archie's first
 * reply arriving at the fake REST API (POST /channels/{thread}/messages), over a steady stream of
 * mentions, each starting its own thread (thread creation, typing, the reply: three requests).
 * The real discord.js client, the offline model and the memory store; 127.0.0.1 only. The pace
 * keeps under discord.js's default global limit of 50 requests a second, as a real bot must.
 * Usage: npx tsx bench/discord.ts
 */

const MESSAGES = 60;
const INTERVAL_MS = 100;
const WARM_UP = 3;
const TIME_LIMIT_MS = 30_000;

export async function run(): Promise<Record<string, number>> {
  const fake = await FakeDiscord.start();
  const store = createMemoryStore();
  const archie = await startDiscord(
    { model: { provider: "offline" }, turns: "inline", discord: { token: TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl } },
    { store, log: () => undefined, readyTimeoutMs: 10_000 },
  );
  const firstReply = (threadId: string) => fake.requests.find((r) => r.method === "POST" && r.path === `/api/v10/channels/${threadId}/messages` && r.status === 200);
  try {
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
    const samples = sent.map((s) => firstReply(s.id)!.at - s.at);
    const { p50, p99 } = summarise(samples);
    return { "discord.firstReply.p50": p50, "discord.firstReply.p99": p99, "discord.firstReply.messages": samples.length };
  } finally {
    await archie.stop();
    await store.close();
    await fake.close();
  }
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
