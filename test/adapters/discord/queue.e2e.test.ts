import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import "../../../src/adapters/discord/sink.js";
import { startDiscord, type RunningDiscord } from "../../../src/adapters/discord/index.js";
import { createConversation } from "../../../src/agent/conversation.js";
import { loadJobsConfig, type Config } from "../../../src/config.js";
import { startWorker, type RunningWorker } from "../../../src/jobs/bull-worker.js";
import { sinkRegistry } from "../../../src/jobs/sinks.js";
import { createMetrics, type Metrics } from "../../../src/observability/metrics.js";
import { createMemoryStore, createRedisStore } from "../../../src/state/index.js";
import type { ConversationStore } from "../../../src/state/types.js";
import { deleteKeys, jobPrefix } from "../../jobs/support.js";
import { deletePrefix, REDIS_URL, testPrefix } from "../../state/redis-helpers.js";
import { freePort } from "../../support/redis-server.js";
import { FakeDiscord, TOKEN } from "../../support/fake-discord/index.js";
import { discordConfig } from "./harness.js";

/**
 * TURNS=queue: the gateway process (the real discord.js client) only takes events in and queues
 * them in Redis; a BullMQ worker with the Discord sink from the registry answers over REST. Both
 * talk to the same fake Discord on 127.0.0.1.
 */

let fake: FakeDiscord;
let prefix: string;
let admin: Redis;
const logs: string[] = [];
const closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  fake = await FakeDiscord.start();
  prefix = jobPrefix();
  admin = new Redis(REDIS_URL);
  logs.length = 0;
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await fake.close();
  await deleteKeys(admin, prefix);
  admin.disconnect();
  expect(logs.join("\n")).not.toContain(TOKEN);
});

const config = (): Config => ({ ...discordConfig(fake), turns: "queue" });

/** A gateway process; with `shared`, its conversation store is that one (Redis, as in production), else its own memory. */
async function gateway(opsPort = 0, shared?: ConversationStore): Promise<RunningDiscord> {
  const jobs = loadJobsConfig({ REDIS_URL, JOB_QUEUE_PREFIX: prefix, JOB_PARTITIONS: "2", JOB_ATTEMPTS: "3", JOB_BACKOFF_MS: "50", OPS_PORT: String(opsPort) });
  const store = shared ?? createMemoryStore();
  const running = await startDiscord(config(), { jobs, store, log: (line) => logs.push(line), readyTimeoutMs: 10_000 });
  closers.push(async () => {
    await running.stop();
    if (!shared) await store.close();
  });
  return running;
}

async function worker(metrics?: Metrics, shared?: ConversationStore): Promise<RunningWorker> {
  const store = shared ?? createMemoryStore();
  const sinks = await sinkRegistry.build(config(), { ...(metrics ? { metrics } : {}), store });
  const running = await startWorker({ url: REDIS_URL, layout: { prefix, partitions: 2 }, service: createConversation({ store }), sinks });
  closers.push(async () => {
    await running.close(5_000);
    if (!shared) await store.close();
  });
  return running;
}

/** One conversation store in Redis for every process of a test, under a prefix of its own. */
function redisStore(): ConversationStore {
  const keyPrefix = testPrefix();
  const store = createRedisStore({ url: REDIS_URL, keyPrefix });
  closers.push(async () => {
    await store.close();
    await deletePrefix(admin, keyPrefix);
  });
  return store;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
const postsTo = (channelId: string) => fake.requests.filter((r) => r.method === "POST" && r.path === `/api/v10/channels/${channelId}/messages`);

describe("Archie on Discord with TURNS=queue", () => {
  it("a mention: the gateway starts the thread and queues the turn; the worker posts the questions there, once", async () => {
    const opsPort = await freePort();
    await gateway(opsPort);
    const threadId = fake.say("design a food-delivery app for one city", { mention: true });
    await fake.waitFor(() => fake.requests.some((r) => r.path === `/api/v10/channels/${threadId}/typing`), 10_000, "the typing indicator");
    expect(fake.threads().map((t) => t.id)).toEqual([threadId]);
    await settle();
    // Nothing is posted until a worker runs: the gateway process only queues.
    expect(fake.posted).toHaveLength(0);

    await worker();
    await fake.waitFor(() => fake.postedIn(threadId).length > 0, 10_000, "the questions in the thread");
    await settle();
    const [question, ...more] = fake.postedIn(threadId);
    expect(more).toHaveLength(0);
    expect(question!.content).toMatch(/How much traffic/);
    expect(question!.allowedMentions).toEqual({ parse: [] });
    expect(question!.buttons.some((b) => b.custom_id === `archie:${threadId}:go`)).toBe(true);
    expect(postsTo(threadId)[0]!.body).toMatchObject({ enforce_nonce: true, nonce: expect.stringMatching(/^[\w-]{25}$/) });
    expect(fake.postedIn(fake.channelId)).toHaveLength(0);

    const ready = await fetch(`http://127.0.0.1:${opsPort}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, checks: { redis: true, gateway: true } });
    const metrics = await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text();
    expect(metrics).toMatch(/archie_events_received_total\{platform="discord",kind="mention"\} 1/);
    expect(metrics).toMatch(/archie_jobs_queued_total\{platform="discord"\} 1/);
  });

  it("/design: deferred and its thread started by the gateway, the proposal posted by the worker", async () => {
    await gateway();
    await worker();
    fake.slashDesign("a food-delivery app, 50k DAU, $3k/month");
    await fake.waitFor(() => fake.posted.some((m) => m.files.includes("proposal-v1.md")), 20_000, "the proposal");
    const callbacks = fake.requests.filter((r) => r.path.endsWith("/callback"));
    expect(callbacks.map((r) => r.body?.["type"])).toEqual([5]);
    const request = fake.postedIn(fake.channelId)[0]!;
    expect(request.content).toContain("a food-delivery app, 50k DAU, $3k/month");
    const [thread] = fake.threads();
    expect(thread?.id).toBe(request.id);
    const proposal = fake.postedIn(thread!.id);
    // The worker posts the summary as one Components V2 card, its pictures and the whole proposal with it.
    expect(proposal[0]!.flags).toBe(1 << 15);
    expect(proposal[0]!.files).toEqual(expect.arrayContaining(["diagram.png", "proposal-v1.md"]));
    expect(proposal.map((m) => m.text).join("\n")).toMatch(/\$3,000\/month/);
    expect(callbacks[0]!.at).toBeLessThan(fake.requests.find((r) => r.path.endsWith("/threads"))!.at);
  });

  it("the same MESSAGE_CREATE reaching a restarted gateway process is answered once", async () => {
    const first = await gateway();
    await worker();
    const text = "design a chat app";
    const threadId = fake.say(text, { mention: true });
    await fake.waitFor(() => fake.postedIn(threadId).length > 0, 10_000, "the first reply");
    await settle();
    const replies = fake.postedIn(threadId).length;
    await first.stop();
    closers.splice(0, 1);

    await gateway();
    fake.say(text, { mention: true, id: threadId });
    const threadRequests = () => fake.requests.filter((r) => r.path.endsWith(`/messages/${threadId}/threads`));
    await fake.waitFor(() => threadRequests().length === 2, 10_000, "the second process to try the thread");
    await settle();
    expect(threadRequests().map((r) => r.status)).toEqual([201, 400]);
    expect(fake.threads()).toHaveLength(1);
    expect(fake.postedIn(threadId)).toHaveLength(replies);
    expect(fake.postedIn(fake.channelId)).toHaveLength(0);
  });

  it("a thread someone else started: after the gateway restarts, a reply without a mention still reaches the worker, also after a start over", async () => {
    const store = redisStore();
    const first = await gateway(0, store);
    await worker(undefined, store);
    const threadId = fake.userThread("our new app");
    // "start over" leaves no conversation in the store; the worker's reply marks the thread as followed.
    fake.say("start over", { channelId: threadId, mention: true });
    await fake.waitFor(() => fake.postedIn(threadId).length > 0, 10_000, "the answer to the mention");
    expect(fake.postedIn(threadId)[0]!.content).toMatch(/Starting over/);
    await first.stop();
    closers.splice(1, 1); // the first gateway's (after the store's, before the worker's)

    await gateway(0, store);
    const count = fake.postedIn(threadId).length;
    fake.say("design a chat app", { channelId: threadId });
    await fake.waitFor(() => fake.postedIn(threadId).length > count, 10_000, "the worker's reply after the restart");
    expect(fake.postedIn(threadId).at(-1)!.content).toMatch(/How much traffic/);
    expect(fake.threads().map((t) => t.id)).toEqual([threadId]);
  });

  it("a 429 on the worker's post is waited out, counted in the worker's metrics, and the reply posted once", async () => {
    await gateway();
    const metrics = createMetrics({ processMetrics: false });
    await worker(metrics);
    fake.rateLimitNext("POST", /^\/api\/v10\/channels\/\d+\/messages$/, 0.3);
    const threadId = fake.say("design a food-delivery app for one city", { mention: true });
    await fake.waitFor(() => fake.postedIn(threadId).length > 0, 10_000, "the reply");
    await settle();
    expect(postsTo(threadId).map((r) => r.status)).toEqual([429, 200]);
    expect(fake.postedIn(threadId)).toHaveLength(1);
    const exposed = await metrics.registry.metrics();
    expect(exposed).toContain('archie_platform_rate_limited_total{platform="discord",method="POST /channels/:id/messages"} 1');
  });
});
