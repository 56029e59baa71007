import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createConversation } from "../src/agent/conversation.js";
import { EVENTS_PATH, startSlackApp } from "../src/adapters/slack/app.js";
import { createBullQueue } from "../src/jobs/bull-queue.js";
import { createMemoryStore } from "../src/state/index.js";
import { Redis } from "ioredis";
import { randomUUID } from "node:crypto";
import { BOT_ID, BOT_USER, startFakeSlack } from "../test/support/fake-slack.js";
import { SIGNING_SECRET } from "../test/support/slack-requests.js";
import { summarise } from "./stats.js";

/**
 * Acknowledgement latency of signed Events API requests through the real HTTP receiver, at a
 * steady rate: Archie's app answering in the same process (TURNS=inline, its turns running after
 * each ack, against a loopback fake Slack), Archie's web process as production runs it
 * (TURNS=queue: acknowledge after the turn is written to the Redis queue), and, in the same run,
 * a bare Bolt app that only acks. Alternating rounds keep machine drift out of the comparison.
 * The requests come from a process of their own (bench/slack-client.ts), as Slack's do.
 * 127.0.0.1 only; bounded in count and time.
 * Target: Archie's p99 < 100 ms and within 1.5x of the bare app's.
 */

const RATE_PER_SECOND = 10;
const EVENTS_PER_ROUND = 100;
const ROUNDS = 2;
const CLIENT = fileURLToPath(new URL("./slack-client.ts", import.meta.url));

/** The load generator's process (bench/slack-client.ts): `steady` sends `count` events to `url` at the fixed rate. */
function startClient(): { steady(url: string, count: number): Promise<number[]>; stop(): void } {
  const child = spawn(process.execPath, ["--import", "tsx", CLIENT], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return {
    async steady(url, count) {
      child.stdin!.write(`${JSON.stringify({ url, count, ratePerSecond: RATE_PER_SECOND })}\n`);
      const { value, done } = await lines.next();
      if (done) throw new Error("the bench's Slack client exited");
      const answer = JSON.parse(value as string) as number[] | { error: string };
      if (!Array.isArray(answer)) throw new Error(answer.error);
      return answer;
    },
    stop: () => child.kill(),
  };
}

async function bareApp(apiUrl: string): Promise<{ url: string; stop(): Promise<unknown> }> {
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: EVENTS_PATH, logLevel: LogLevel.ERROR });
  const app = new App({ token: "xoxb-bench", botUserId: BOT_USER, botId: BOT_ID, receiver, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: apiUrl } });
  app.event("app_mention", async () => undefined);
  const server = await app.start(0);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${EVENTS_PATH}`, stop: () => app.stop() };
}

/** Removes every key the bench's queue wrote. */
async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

export async function run(): Promise<Record<string, number>> {
  const fake = await startFakeSlack();
  const store = createMemoryStore();
  const logs: string[] = [];
  const service = createConversation({ store, log: (line) => logs.push(line) });
  const archie = await startSlackApp({
    slack: { botToken: "xoxb-bench-token", connection: { mode: "http", signingSecret: SIGNING_SECRET }, port: 0, apiUrl: fake.apiUrl },
    service,
    store,
    log: (line) => logs.push(line),
  });
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const prefix = `archie-bench-${randomUUID()}`;
  const queue = createBullQueue({ url: redisUrl, layout: { prefix, partitions: 4 } });
  const web = await startSlackApp({
    slack: { botToken: "xoxb-bench-token", connection: { mode: "http", signingSecret: SIGNING_SECRET }, port: 0, apiUrl: fake.apiUrl },
    queue,
    store,
    log: (line) => logs.push(line),
  });
  const bare = await bareApp(fake.apiUrl);
  const archieUrl = `http://127.0.0.1:${archie.port}${EVENTS_PATH}`;
  const webUrl = `http://127.0.0.1:${web.port}${EVENTS_PATH}`;
  const archieSamples: number[] = [];
  const webSamples: number[] = [];
  const bareSamples: number[] = [];
  const client = startClient();
  const steady = (url: string, count: number) => client.steady(url, count);
  const started = performance.now();
  try {
    // Warm both paths (JIT, first connections) before measuring.
    await steady(bare.url, 20);
    await steady(archieUrl, 20);
    await steady(webUrl, 20);
    await archie.idle();
    for (let round = 0; round < ROUNDS; round += 1) {
      bareSamples.push(...(await steady(bare.url, EVENTS_PER_ROUND)));
      webSamples.push(...(await steady(webUrl, EVENTS_PER_ROUND)));
      archieSamples.push(...(await steady(archieUrl, EVENTS_PER_ROUND)));
      await archie.idle();
    }
  } finally {
    client.stop();
    await archie.stop();
    await web.stop();
    await queue.close();
    await deleteKeys(redisUrl, prefix);
    await bare.stop();
    await store.close();
    await fake.close();
  }
  const a = summarise(archieSamples);
  const w = summarise(webSamples);
  const b = summarise(bareSamples);
  return {
    events_per_app: archieSamples.length,
    rate_per_second: RATE_PER_SECOND,
    archie_ack_p50_ms: round2(a.p50),
    archie_ack_p99_ms: round2(a.p99),
    bare_ack_p50_ms: round2(b.p50),
    bare_ack_p99_ms: round2(b.p99),
    p99_ratio: round2(a.p99 / b.p99),
    p50_ratio: round2(a.p50 / b.p50),
    queue_web_ack_p50_ms: round2(w.p50),
    queue_web_ack_p99_ms: round2(w.p99),
    queue_web_p99_ratio: round2(w.p99 / b.p99),
    replies_posted: fake.called("chat.postMessage").length,
    seconds: round2((performance.now() - started) / 1000),
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  run().then((result) => console.log(JSON.stringify(result, null, 2)));
}
