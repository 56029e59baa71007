import { Redis } from "ioredis";
import { createConversation, type ConversationService } from "../../src/agent/conversation.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBullQueue, type BullTurnQueue } from "../../src/jobs/bull-queue.js";
import { startWorker, type RunningWorker } from "../../src/jobs/bull-worker.js";
import { createDeliveryLog } from "../../src/jobs/delivery-log.js";
import { partitionOf } from "../../src/jobs/job-id.js";
import { JOB_FAILED } from "../../src/jobs/messages.js";
import { createMemoryLimits, DEFAULT_LIMIT_SETTINGS } from "../../src/limits/index.js";
import { connectRedis } from "../../src/state/redis-connection.js";
import { createMemoryStore } from "../../src/state/memory-store.js";
import { StoreUnavailableError, type ConversationStore } from "../../src/state/types.js";
import type { DeliveryContext, ReplySink } from "../../src/jobs/types.js";
import { REDIS_URL } from "../state/redis-helpers.js";
import { deleteKeys, echoService, jobPrefix, recordingSink, turnOf, waitFor } from "./support.js";

describe("turn jobs over BullMQ", () => {
  let prefix: string;
  let admin: Redis;
  const closers: (() => Promise<void>)[] = [];

  beforeEach(() => {
    prefix = jobPrefix();
    admin = new Redis(REDIS_URL);
  });
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await deleteKeys(admin, prefix);
    admin.disconnect();
  });

  function queue(options: { attempts?: number; partitions?: number } = {}): BullTurnQueue {
    const q = createBullQueue({ url: REDIS_URL, layout: { prefix, partitions: options.partitions ?? 4 }, attempts: options.attempts ?? 3, backoffMs: 20 });
    closers.push(() => q.close());
    return q;
  }

  async function worker(
    sink: ReplySink,
    options: { delayMs?: number | (() => number); partitions?: number; concurrency?: number; service?: ConversationService } = {},
  ): Promise<RunningWorker> {
    const w = await startWorker({
      url: REDIS_URL,
      layout: { prefix, partitions: options.partitions ?? 4 },
      service: options.service ?? echoService(options.delayMs ?? 0),
      sinks: new Map([["slack", sink]]),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    });
    closers.push(() => w.close(5_000));
    return w;
  }

  it("queues an event delivered twice once, and answers it once", async () => {
    const q = queue();
    const first = await q.enqueue(turnOf("t1", "hello", "Ev001"), { channel: "C1" });
    const again = await q.enqueue(turnOf("t1", "hello", "Ev001"), { channel: "C1" });
    expect(first).toEqual({ accepted: true, duplicate: false });
    expect(again).toEqual({ accepted: false, duplicate: true });
    const sink = recordingSink();
    await worker(sink);
    await waitFor("the reply", () => sink.delivered.length > 0);
    // A retry arriving after the answer went out is still a duplicate.
    expect(await q.enqueue(turnOf("t1", "hello", "Ev001"), { channel: "C1" })).toEqual({ accepted: false, duplicate: true });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sink.delivered).toEqual([{ thread: "t1", text: "re: hello", deliveryId: "slack.Ev001" }]);
  });

  it("accepts event ids BullMQ could not take as job ids (colons, bare numbers)", async () => {
    const q = queue();
    expect(await q.enqueue(turnOf("t1", "a", "1234567890123"), {})).toEqual({ accepted: true, duplicate: false });
    expect(await q.enqueue(turnOf("t1", "b", "interaction:42:x"), {})).toEqual({ accepted: true, duplicate: false });
    const sink = recordingSink();
    await worker(sink);
    await waitFor("both replies", () => sink.delivered.length === 2);
    expect(sink.delivered.map((d) => d.deliveryId)).toEqual(["slack.1234567890123", "slack.interaction%3A42%3Ax"]);
  });

  it("answers 20 turns on 3 threads with 2 workers: each thread in order, each turn exactly once", async () => {
    const q = queue({ partitions: 3 });
    const sink = recordingSink();
    const sent = new Map<string, string[]>();
    for (let i = 0; i < 20; i += 1) {
      const thread = `t${i % 3}`;
      const text = `message ${i}`;
      sent.set(thread, [...(sent.get(thread) ?? []), `re: ${text}`]);
      expect((await q.enqueue(turnOf(thread, text, `Ev${i}`), {})).accepted).toBe(true);
    }
    // Two workers with their own connections, as two processes would have, both finding every
    // job waiting; a random delay per turn would reorder a thread whose jobs ran at once.
    const jitter = () => Math.floor(Math.random() * 15);
    await Promise.all([worker(sink, { delayMs: jitter, partitions: 3 }), worker(sink, { delayMs: jitter, partitions: 3 })]);
    await waitFor("all 20 replies", () => sink.delivered.length >= 20);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sink.delivered).toHaveLength(20);
    for (const [thread, texts] of sent) expect(sink.delivered.filter((d) => d.thread === thread).map((d) => d.text)).toEqual(texts);
  });

  it("leaves a job it has no free slot for to another worker, rather than holding it", async () => {
    const q = queue({ partitions: 4 });
    const [first, second] = ["t1", "t2", "t3", "t4", "t5"]
      .map((thread) => turnOf(thread, thread, `Ev-${thread}`))
      .filter((turn, i, turns) => turns.findIndex((other) => partitionOf(other, 4) === partitionOf(turn, 4)) === i);
    if (!first || !second) throw new Error("expected two threads on different partitions");
    // Turns that run until released, so a worker stays busy with the first while the second waits.
    const running: string[] = [];
    let release = () => undefined as void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held: ConversationService = {
      async handleTurn(turn) {
        running.push(turn.text);
        await released;
        return { posts: [{ kind: "text", text: `re: ${turn.text}` }] };
      },
    };
    const sink = recordingSink();
    await worker(sink, { concurrency: 1, service: held });
    await q.enqueue(first, {});
    await waitFor("the first turn to start", () => running.length === 1);
    await q.enqueue(second, {});
    // Time for the busy worker to take the second job, were it to take jobs it cannot start.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await worker(sink, { concurrency: 1, service: held });
    try {
      await waitFor("the idle worker to start the second turn", () => running.length === 2, 3_000);
    } finally {
      release();
    }
    await waitFor("both replies", () => sink.delivered.length === 2);
    expect(sink.delivered.map((d) => d.text).sort()).toEqual([`re: ${first.text}`, `re: ${second.text}`].sort());
  });

  it("never runs more turns at once than its concurrency, as partitions hand it their next jobs", async () => {
    const q = queue({ partitions: 6 });
    let inFlight = 0;
    let most = 0;
    const echo = echoService(() => 5 + Math.floor(Math.random() * 10));
    const counted: ConversationService = {
      async handleTurn(turn) {
        inFlight += 1;
        most = Math.max(most, inFlight);
        try {
          return await echo.handleTurn(turn);
        } finally {
          inFlight -= 1;
        }
      },
    };
    for (let i = 0; i < 24; i += 1) await q.enqueue(turnOf(`t${i % 6}`, `m${i}`, `EvC${i}`), {});
    const sink = recordingSink();
    await worker(sink, { partitions: 6, concurrency: 2, service: counted });
    await waitFor("all 24 replies", () => sink.delivered.length === 24);
    expect(most).toBe(2);
    for (let t = 0; t < 6; t += 1) {
      const texts = sink.delivered.filter((d) => d.thread === `t${t}`).map((d) => d.text);
      expect(texts).toEqual([0, 1, 2, 3].map((k) => `re: m${t + 6 * k}`));
    }
  });

  it("retries a job that keeps failing, then tells the user once and keeps it in the failed set", async () => {
    const q = queue({ attempts: 3 });
    const sink = recordingSink({ failDeliveries: true });
    await q.enqueue(turnOf("t1", "hello", "EvFail"), {});
    await worker(sink);
    await waitFor("the failure notice", () => sink.failures.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.failures).toEqual([{ thread: "t1", message: JOB_FAILED, deliveryId: "slack.EvFail" }]);
    const failed = (await Promise.all(q.queues.map((partition) => partition.getFailed()))).flat();
    expect(failed.map((job) => [job.id, job.attemptsMade])).toEqual([["slack.EvFail", 3]]);
  });

  it("retries a turn while the store is unreachable and answers it once it is back, telling the user nothing of the outage", async () => {
    const inner = createMemoryStore();
    let outages = 2;
    const store: ConversationStore = {
      ...inner,
      begin: async (...args) => {
        if (outages > 0) {
          outages -= 1;
          throw new StoreUnavailableError(new Error("ECONNREFUSED"));
        }
        return inner.begin(...args);
      },
    };
    const q = queue({ attempts: 4 });
    await q.enqueue(turnOf("t1", "a food-delivery app", "EvDown"), {});
    const sink = recordingSink();
    await worker(sink, { service: createConversation({ store }) });
    await waitFor("the reply", () => sink.delivered.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sink.failures).toEqual([]);
    expect(sink.delivered).toHaveLength(1);
    expect(sink.delivered[0]?.text).toMatch(/food.delivery/i);
    const job = await q.queues[partitionOf(turnOf("t1", ""), 4)]?.getJob("slack.EvDown");
    // Two failed attempts, then the one that answered.
    expect(job?.attemptsMade).toBe(3);
  });

  it("leaves the posting to the worker that took a job over when this run's lock lapsed", async () => {
    const q = queue({ partitions: 1 });
    await q.enqueue(turnOf("t1", "hello", "EvLapse"), {});
    const inner = echoService();
    let runs = 0;
    const service: ConversationService = {
      async handleTurn(turn, options) {
        runs += 1;
        // The first run's lock runs out mid-turn, as when its event loop or Redis stalled too long.
        if (runs === 1) await admin.del(`${prefix}:turns-p0:slack.EvLapse:lock`);
        return inner.handleTurn(turn, options);
      },
    };
    const sink = recordingSink();
    const w = await startWorker({ url: REDIS_URL, layout: { prefix, partitions: 1 }, service, sinks: new Map([["slack", sink]]), lockDurationMs: 1_000, stalledIntervalMs: 300 });
    closers.push(() => w.close(5_000));
    await waitFor("the reply", () => sink.delivered.length > 0, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(runs).toBe(2);
    expect(sink.delivered).toEqual([{ thread: "t1", text: "re: hello", deliveryId: "slack.EvLapse" }]);
  });

  it("answers a user over the rate limit once, through the worker, without running the conversation", async () => {
    const limits = createMemoryLimits({ ...DEFAULT_LIMIT_SETTINGS, userPerWindow: 1 });
    const q = createBullQueue({ url: REDIS_URL, layout: { prefix, partitions: 2 }, limits });
    closers.push(() => q.close());
    const results = [];
    for (let i = 0; i < 3; i += 1) results.push(await q.enqueue(turnOf("t1", `m${i}`, `EvRate${i}`), {}));
    expect(results.map((r) => [r.accepted, r.duplicate])).toEqual([[true, false], [false, false], [false, false]]);
    const sink = recordingSink();
    await worker(sink, { partitions: 2 });
    await waitFor("two posts", () => sink.delivered.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sink.delivered.map((d) => d.text)).toEqual(["re: m0", results[1]?.refusal]);
    expect(results[1]?.refusal).toMatch(/^You're sending messages faster than I can design/);
  });

  it("keeps a job for a platform without a sink in the failed set, saying why", async () => {
    const q = queue({ attempts: 3 });
    await q.enqueue({ ...turnOf("t1", "hello", "EvD"), key: { platform: "discord", workspace: "G", channel: "C", thread: "t" } }, {});
    await worker(recordingSink());
    let reason = "";
    await waitFor("the failed job", async () => {
      const failed = (await Promise.all(q.queues.map((partition) => partition.getFailed()))).flat();
      reason = failed[0]?.failedReason ?? "";
      return failed.length > 0;
    });
    expect(reason).toBe('no reply sink is registered for platform "discord" in this worker, so its reply cannot be posted');
  });
});

describe("a retried job and its delivery records", () => {
  let prefix: string;
  let admin: Redis;
  beforeEach(() => {
    prefix = jobPrefix();
    admin = new Redis(REDIS_URL);
  });
  afterEach(async () => {
    await deleteKeys(admin, prefix);
    admin.disconnect();
  });

  async function runOne(eventId: string, prepare: (log: ReturnType<typeof createDeliveryLog>) => Promise<void>) {
    const connection = connectRedis(REDIS_URL, 2_000, () => undefined);
    await prepare(createDeliveryLog(connection, { prefix }));
    await connection.close();
    const queue = createBullQueue({ url: REDIS_URL, layout: { prefix, partitions: 1 } });
    const sink = recordingSink();
    const service = echoService();
    const worker = await startWorker({ url: REDIS_URL, layout: { prefix, partitions: 1 }, service, sinks: new Map([["slack", sink]]) });
    try {
      await queue.enqueue(turnOf("t1", "hello", eventId), {});
      await waitFor("the job to finish", async () => (await queue.queues[0]?.getCompletedCount()) === 1);
      return { sink, service };
    } finally {
      await worker.close();
      await queue.close();
    }
  }

  it("does not post again when the reply was already delivered", async () => {
    const { sink, service } = await runOne("EvDone", (log) => log.markDelivered("slack.EvDone"));
    expect(sink.delivered).toEqual([]);
    expect(service.calls).toEqual([]);
  });

  it("tells a job's first run from a later one, and a delivered reply from one still to post", async () => {
    const connection = connectRedis(REDIS_URL, 2_000, () => undefined);
    try {
      const log = createDeliveryLog(connection, { prefix });
      expect(await log.begin("slack.EvLog")).toEqual({ delivered: false, ranBefore: false });
      expect(await log.begin("slack.EvLog")).toEqual({ delivered: false, ranBefore: true });
      expect(await log.delivered("slack.EvLog")).toBe(false);
      await log.markDelivered("slack.EvLog");
      expect(await log.delivered("slack.EvLog")).toBe(true);
      expect(await log.begin("slack.EvLog")).toEqual({ delivered: true, ranBefore: true });
    } finally {
      await connection.close();
    }
  });

  it("posts a job that ran before as a resumed delivery, so the sink looks before posting", async () => {
    const contexts: DeliveryContext[] = [];
    const sink = recordingSink();
    const watching: ReplySink = { ...sink, deliver: (turn, reply, context) => (contexts.push(context), sink.deliver(turn, reply, context)) };
    const queue = createBullQueue({ url: REDIS_URL, layout: { prefix, partitions: 1 } });
    const worker = await startWorker({ url: REDIS_URL, layout: { prefix, partitions: 1 }, service: echoService(), sinks: new Map([["slack", watching]]) });
    try {
      const connection = connectRedis(REDIS_URL, 2_000, () => undefined);
      // A run that began and never finished, as if its worker died: BullMQ counts no attempt for it.
      await createDeliveryLog(connection, { prefix }).begin("slack.EvAgain");
      await connection.close();
      await queue.enqueue(turnOf("t1", "first", "EvFresh"), {});
      await queue.enqueue(turnOf("t1", "again", "EvAgain"), {});
      await waitFor("both replies", () => sink.delivered.length === 2);
      expect(contexts.map((c) => [c.deliveryId, c.attempt, c.resume])).toEqual([["slack.EvFresh", 1, false], ["slack.EvAgain", 1, true]]);
    } finally {
      await worker.close();
      await queue.close();
    }
  });
});
