import { createServer, type Server } from "node:net";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createBullQueue, type BullTurnQueue } from "../../src/jobs/bull-queue.js";
import { startFakeSlack, type FakeSlack } from "../support/fake-slack.js";
import { buildDist, killGroup, procfileCommand, startManaged, type ManagedProcess } from "../support/production.js";
import { freePort } from "../support/redis-server.js";
import { REDIS_URL } from "../state/redis-helpers.js";
import type { Turn } from "../../src/agent/types.js";
import { deleteKeys, jobPrefix, threadKey, waitFor } from "./support.js";

/**
 * The production deployment as the Procfile writes it: the compiled worker (npm run build),
 * started through a shell in a process group of its own, as Heroku, Kubernetes and foreman
 * start and stop it.
 */
describe("the Procfile's worker, compiled", () => {
  const prefix = jobPrefix();
  const started: ManagedProcess[] = [];
  let queue: BullTurnQueue;
  let slack: FakeSlack;
  let admin: Redis;

  beforeAll(async () => {
    await buildDist();
    admin = new Redis(REDIS_URL);
    slack = await startFakeSlack();
  }, 180_000);
  afterEach(async () => {
    for (const managed of started.splice(0)) await killGroup(managed);
    await queue?.close();
    await deleteKeys(admin, prefix);
    // The conversation store's keys name the workspace, which is this run's prefix.
    await deleteKeys(admin, `*${prefix}`);
  });
  afterAll(async () => {
    await slack?.close();
    admin?.disconnect();
  });

  /** The worker's environment as a platform gives it: no OPS_PORT or PORT unless a test sets one. */
  function env(extra: Record<string, string | undefined>): Record<string, string | undefined> {
    return {
      REDIS_URL,
      JOB_QUEUE_PREFIX: prefix,
      JOB_PARTITIONS: "2",
      LOG_LEVEL: "info",
      OPS_PORT: undefined,
      PORT: undefined,
      SLACK_BOT_TOKEN: "xoxb-production-test",
      SLACK_SIGNING_SECRET: "production-test-secret",
      SLACK_API_URL: slack.apiUrl,
      ...extra,
    };
  }

  async function worker(extra: Record<string, string | undefined>): Promise<ManagedProcess> {
    const managed = startManaged(await procfileCommand("worker"), env(extra));
    started.push(managed);
    return managed;
  }

  /** A turn in a workspace of this run's own, so no earlier run's thread state is read back. */
  const turnOf = (thread: string, text: string, eventId: string): Turn => ({ key: threadKey(thread, prefix), user: "U1", text, eventId });

  function newQueue(): BullTurnQueue {
    queue = createBullQueue({ url: REDIS_URL, layout: { prefix, partitions: 2 }, attempts: 3 });
    return queue;
  }

  async function jobCounts(): Promise<Record<string, number>> {
    const totals: Record<string, number> = {};
    for (const q of queue.queues) {
      for (const [state, count] of Object.entries(await q.getJobCounts("waiting", "active", "completed", "failed", "delayed", "prioritized"))) totals[state] = (totals[state] ?? 0) + count;
    }
    return totals;
  }

  it("drains on a group SIGTERM: the turn in hand finishes once, nothing is redone, exit code 0", async () => {
    newQueue();
    const opsPort = await freePort();
    const managed = await worker({ OPS_PORT: String(opsPort), SHUTDOWN_GRACE_MS: "15000" });
    await managed.printed('"msg":"worker started"');
    // The turn's first post is held by Slack, so the turn is in hand when the signal comes.
    slack.failNext("chat.postMessage", { delayMs: 1_500 });
    const thread = "1700000100.000100";
    const before = slack.messages.length;
    await queue.enqueue(turnOf(thread, "design a food delivery app, 50k DAU, budget is $5k/month, go", "EvDrain1"), { team: prefix, channel: "C1", thread });
    await waitFor("the turn's first post", () => slack.called("chat.postMessage").length > 0, 15_000);
    managed.signalGroup("SIGTERM");

    expect(await managed.exitedWithin(25_000)).toEqual({ code: 0, signal: null });
    expect(managed.output()).toContain("SIGTERM: finishing the turns in hand");
    expect(managed.output()).toContain('"msg":"worker stopped"');
    // Finished here: the proposal and its pictures were posted, and the job is done, not handed back.
    const posted = slack.messages.slice(before).filter((m) => m.thread_ts === thread);
    expect(posted.length).toBeGreaterThan(0);
    expect(slack.uploads.filter((u) => u.thread === thread).map((u) => u.filename)).toEqual(expect.arrayContaining(["diagram.png", "cost-scale.png"]));
    expect(await jobCounts()).toMatchObject({ completed: 1, waiting: 0, active: 0, delayed: 0, failed: 0 });
    // A worker started afterwards finds nothing to redo.
    const next = await worker({ OPS_PORT: String(opsPort) });
    await next.printed('"msg":"worker started"');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(slack.messages.slice(before).filter((m) => m.thread_ts === thread)).toHaveLength(posted.length);
  }, 60_000);

  it("runs two workers on one host with the PORT a process manager gives each", async () => {
    newQueue();
    const ports = [await freePort(), await freePort()];
    const workers = await Promise.all(ports.map((port) => worker({ PORT: String(port) })));
    await Promise.all(workers.map((w) => w.printed('"msg":"worker started"')));
    for (const port of ports) expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    for (const w of workers) w.signalGroup("SIGTERM");
    for (const w of workers) expect(await w.exitedWithin(20_000)).toEqual({ code: 0, signal: null });
  }, 60_000);

  it("stops at start-up, naming OPS_PORT, when its port is taken, and takes no job", async () => {
    newQueue();
    const port = await freePort();
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, "0.0.0.0", resolve));
    try {
      const thread = "1700000200.000100";
      await queue.enqueue(turnOf(thread, "hello", "EvPortTaken"), { team: prefix, channel: "C1", thread });
      const managed = await worker({ OPS_PORT: String(port) });
      expect(await managed.exitedWithin(20_000)).toEqual({ code: 2, signal: null });
      expect(managed.output()).toContain(`archie: OPS_PORT ${port} is in use by another process: give each worker on this host its own OPS_PORT`);
      expect(managed.output()).not.toContain("worker started");
      expect(managed.output()).not.toMatch(/\n\s+at /);
      expect(await jobCounts()).toMatchObject({ waiting: 1, active: 0, completed: 0 });
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  }, 60_000);
});
