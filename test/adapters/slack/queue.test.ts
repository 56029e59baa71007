import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import "../../../src/adapters/slack/sink.js";
import { startSlackApp, EVENTS_PATH, type RunningSlackApp } from "../../../src/adapters/slack/app.js";
import type { WorkerSlackSink } from "../../../src/adapters/slack/worker-sink.js";
import { createConversation } from "../../../src/agent/conversation.js";
import type { Config } from "../../../src/config.js";
import { createBullQueue, type BullTurnQueue } from "../../../src/jobs/bull-queue.js";
import { startWorker, type RunningWorker } from "../../../src/jobs/bull-worker.js";
import { sinkRegistry } from "../../../src/jobs/sinks.js";
import { createMetrics, type Metrics } from "../../../src/observability/metrics.js";
import type { TurnQueue } from "../../../src/jobs/types.js";
import { createStore } from "../../../src/state/index.js";
import type { ConversationStore } from "../../../src/state/types.js";
import { BOT_USER, startFakeSlack, type FakeSlack } from "../../support/fake-slack.js";
import { STARTED_STATUS } from "../../../src/adapters/slack/thread-status.js";
import { assistantMessage } from "../../support/slack-assistant.js";
import { eventEnvelope, sendSigned, SIGNING_SECRET } from "../../support/slack-requests.js";
import { deleteKeys, jobPrefix, waitFor } from "../../jobs/support.js";
import { REDIS_URL } from "../../state/redis-helpers.js";

/**
 * TURNS=queue: the real Bolt receiver only queues (BullMQ on the local Redis, a random prefix per
 * test); a real worker in this process answers through the Slack sink `archie worker` loads.
 * The conversation store uses its default prefix, as in production, so each test has a team id
 * of its own and removes that team's keys afterwards.
 */

let fake: FakeSlack;
let prefix: string;
let team: string;
let admin: Redis;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  fake = await startFakeSlack();
  prefix = jobPrefix();
  team = `T${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
  admin = new Redis(REDIS_URL);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await fake.close();
  await deleteKeys(admin, prefix);
  await deleteKeys(admin, `archie:slack:${team}`);
  admin.disconnect();
  expect(fake.violations).toEqual([]);
});

const slackConfig = () => ({ botToken: "xoxb-test-token-abcdef", connection: { mode: "http" as const, signingSecret: SIGNING_SECRET }, port: 0, apiUrl: fake.apiUrl });

function conversationStore(): ConversationStore {
  const store = createStore({ redisUrl: REDIS_URL });
  cleanups.push(() => store.close());
  return store;
}

function bullQueue(): BullTurnQueue {
  const queue = createBullQueue({ url: REDIS_URL, layout: { prefix, partitions: 2 }, backoffMs: 50 });
  cleanups.push(() => queue.close());
  return queue;
}

/** A web process: the receiver and the intake, nothing that converses. */
async function web(queue: TurnQueue): Promise<{ app: RunningSlackApp; events: string }> {
  const app = await startSlackApp({ slack: slackConfig(), queue, store: conversationStore(), log: () => undefined });
  cleanups.push(() => app.stop());
  return { app, events: `http://127.0.0.1:${app.port}${EVENTS_PATH}` };
}

/** A worker with the sinks from the registry, as `archie worker` builds them. */
async function worker(metrics?: Metrics): Promise<RunningWorker> {
  const config: Config = { model: { provider: "offline" }, turns: "queue", redisUrl: REDIS_URL, slack: slackConfig() };
  const store = conversationStore();
  const sinks = await sinkRegistry.build(config, { ...(metrics ? { metrics } : {}), store });
  const running = await startWorker({ url: REDIS_URL, layout: { prefix, partitions: 2 }, service: createConversation({ store }), sinks, stalledIntervalMs: 1_000 });
  cleanups.push(async () => {
    await running.close(5_000);
    for (const sink of sinks.values()) await (sink as WorkerSlackSink).close();
  });
  return running;
}

let tsCounter = 0;
const mention = (text: string) => ({ type: "app_mention", user: "U0USER001", text: `<@${BOT_USER}> ${text}`, ts: `1720000000.${String(++tsCounter).padStart(6, "0")}`, channel: "C0CHAN001" });
const posts = () => fake.called("chat.postMessage");
const send = (url: string, event: Record<string, unknown>, eventId: string, retryNum?: number) =>
  sendSigned(url, eventEnvelope(event, eventId, team), "application/json", retryNum !== undefined ? { retryNum } : {});

describe("Slack with TURNS=queue (real Bolt, BullMQ, a worker, fake Slack)", () => {
  it("the web process only queues; a worker answers the mention in its thread exactly once and takes the ⏳ off", async () => {
    const { events } = await web(bullQueue());
    const event = mention("design a food delivery app");
    const response = await send(events, event, `Ev${team}1`);
    expect(response.status).toBe(200);
    await waitFor("the working reaction", () => fake.called("reactions.add").length === 1);
    // No worker yet: the web process converses with nobody and posts nothing.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(posts()).toHaveLength(0);

    await worker();
    await waitFor("the reaction to come off", () => fake.called("reactions.remove").length === 1, 15_000);
    const replies = posts();
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => r.args.channel === "C0CHAN001" && r.args.thread_ts === event.ts)).toBe(true);
    expect(JSON.stringify(replies[0]?.args.blocks)).toContain("traffic");
    expect(fake.called("reactions.remove")[0]?.args).toMatchObject({ channel: "C0CHAN001", timestamp: event.ts, name: "hourglass_flowing_sand" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(posts()).toHaveLength(replies.length);
  });

  it("in the AI-app pane, the worker shows the turn's status while it answers, clears it and names the thread", async () => {
    const { events } = await web(bullQueue());
    await worker();
    const thread = `1720000100.${String(++tsCounter).padStart(6, "0")}`;
    await send(events, assistantMessage("D0DM00001", thread, `${thread}1`, "design a marketplace for 20k daily users on $3k/month"), `Ev${team}AI`);
    await waitFor("the pane's title", () => fake.assistantThreads.get(`D0DM00001:${thread}`)?.title !== undefined, 15_000);
    await waitFor("the status to clear", () => fake.assistantThreads.get(`D0DM00001:${thread}`)?.statuses.at(-1) === "", 15_000);
    const pane = fake.assistantThreads.get(`D0DM00001:${thread}`);
    expect(pane?.statuses[0]).toBe(STARTED_STATUS);
    expect(pane?.title).toBe("Architecture for marketplace");
    expect(posts().every((p) => p.args.channel === "D0DM00001" && p.args.thread_ts === thread)).toBe(true);
    expect(fake.called("reactions.add")).toHaveLength(0);
  });

  it("a retried event gives one reply, whichever web process the retries reach and whenever they come", async () => {
    const queue = bullQueue();
    const [a, b] = [await web(queue), await web(bullQueue())];
    await worker();
    const event = mention("design a marketplace");
    const id = `Ev${team}2`;
    expect((await send(a.events, event, id)).status).toBe(200);
    expect((await send(b.events, event, id, 1)).status).toBe(200);
    await waitFor("the reply", () => fake.called("reactions.remove").length === 1, 15_000);
    const once = posts().length;
    expect(once).toBeGreaterThan(0);
    expect((await send(b.events, event, id, 2)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(posts()).toHaveLength(once);
    expect(fake.called("reactions.add")).toHaveLength(1);
  });

  it("answers 500 when the turn cannot be queued, so Slack delivers the event again", async () => {
    const down: TurnQueue = { enqueue: () => Promise.reject(new Error("Redis is unreachable")), close: async () => undefined };
    const { events, app } = await web(down);
    const response = await send(events, mention("design a bank"), `Ev${team}3`);
    expect(response.status).toBe(500);
    await app.idle();
    expect(fake.called("reactions.add")).toHaveLength(0);
    expect(posts()).toHaveLength(0);
  });
});

describe("Slack with TURNS=queue when Slack fails", () => {
  /** How often each reply message was stored by the fake Slack, by its marker. */
  const storedByMarker = () => {
    const counts = new Map<string, number>();
    for (const m of fake.messages) {
      const marker = m.metadata?.event_payload.marker;
      if (typeof marker === "string") counts.set(marker, (counts.get(marker) ?? 0) + 1);
    }
    return counts;
  };

  it("waits out a 429, checks the thread after a 500, retries the job when it cannot check, posts nothing twice, and counts each failure", async () => {
    const { events } = await web(bullQueue());
    const metrics = createMetrics({ processMetrics: false });
    await worker(metrics);
    fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    const first = mention("design a food delivery app");
    await send(events, first, `Ev${team}F1`);
    await waitFor("the first reply", () => fake.called("reactions.remove").length === 1, 15_000);
    const attempts = posts();
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);

    // Posted, but the answer is lost (500); the thread cannot be read either: the job is retried and resumes after what is there.
    fake.failNext("chat.postMessage", { status: 500, afterWork: true });
    fake.failNext("conversations.replies", { error: "internal_error" });
    const second = mention("design a chat app");
    await send(events, second, `Ev${team}F2`);
    await waitFor("the second reply", () => fake.called("reactions.remove").length === 2, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.called("conversations.replies").length).toBeGreaterThanOrEqual(2);
    const counts = storedByMarker();
    expect([...counts.keys()].filter((m) => m.includes(`Ev${team}F2`)).length).toBeGreaterThan(0);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(fake.messages.filter((m) => m.thread_ts === second.ts).length).toBe([...counts.keys()].filter((m) => m.includes(`Ev${team}F2`)).length);
    const exposed = await metrics.registry.metrics();
    expect(exposed).toContain('archie_platform_rate_limited_total{platform="slack",method="chat.postMessage"} 1');
    expect(exposed).toMatch(/archie_platform_api_errors_total\{platform="slack",method="chat.postMessage",status="500"\} 1/);
  });
});
