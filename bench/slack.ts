import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { createConversation } from "../src/agent/conversation.js";
import { EVENTS_PATH, startSlackApp } from "../src/adapters/slack/app.js";
import { createBullQueue } from "../src/jobs/bull-queue.js";
import { createMemoryStore } from "../src/state/index.js";
import { Redis } from "ioredis";
import { randomUUID } from "node:crypto";
import { BOT_ID, BOT_USER, startFakeSlack } from "../test/support/fake-slack.js";
import { eventEnvelope, sign, SIGNING_SECRET } from "../test/support/slack-requests.js";
import { summarise } from "./stats.js";

/**
 * Acknowledgement latency of signed Events API requests through the real HTTP receiver, at a
 * steady rate: Archie's app answering in the same process (TURNS=inline, its turns running after
 * each ack, against a loopback fake Slack), Archie's web process as production runs it
 * (TURNS=queue: acknowledge after the turn is written to the Redis queue), and, in the same run,
 * a bare Bolt app that only acks. Alternating rounds keep machine drift out of the comparison.
 * 127.0.0.1 only; bounded in count and time.
 * Target: Archie's p99 < 100 ms and within 1.5x of the bare app's.
 */

const RATE_PER_SECOND = 10;
const EVENTS_PER_ROUND = 100;
const ROUNDS = 2;
const REQUEST_TIMEOUT_MS = 5000;

let sequence = 0;

async function signedMention(url: string): Promise<number> {
  sequence += 1;
  const ts = `1720000000.${String(sequence).padStart(6, "0")}`;
  const body = eventEnvelope({ type: "app_mention", user: "U0BENCH01", text: `<@${BOT_USER}> design a food delivery app`, ts, channel: "C0BENCH01", event_ts: ts }, `EvBENCH${sequence}`);
  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-slack-request-timestamp": String(timestamp), "x-slack-signature": sign(body, timestamp) },
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`the receiver answered ${response.status}`);
  return performance.now() - started;
}

/** Sends `count` events at a fixed rate without waiting for answers (an open workload). */
async function steady(url: string, count: number): Promise<number[]> {
  const interval = 1000 / RATE_PER_SECOND;
  const start = performance.now();
  const pending: Promise<number>[] = [];
  for (let i = 0; i < count; i += 1) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(signedMention(url));
  }
  return Promise.all(pending);
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
