import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBullQueue } from "../../src/jobs/bull-queue.js";
import { startWorker } from "../../src/jobs/bull-worker.js";
import { REDIS_URL } from "../state/redis-helpers.js";
import { spawnWorker, type ChildWorker } from "./child.js";
import { deleteKeys, echoService, jobPrefix, readList, redisListSink, turnOf, waitFor } from "./support.js";

/** Worker processes that die or are stopped mid-job; every test spawns its own child worker. */
describe("worker processes", () => {
  let prefix: string;
  let list: string;
  let admin: Redis;
  const cleanups: (() => Promise<void>)[] = [];

  beforeEach(() => {
    prefix = jobPrefix();
    list = `${prefix}:test-deliveries`;
    admin = new Redis(REDIS_URL);
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await deleteKeys(admin, prefix);
    admin.disconnect();
  });

  function child(delayMs: number, defaultRecovery = false): ChildWorker {
    const worker = spawnWorker({ url: REDIS_URL, prefix, list, partitions: 2, delayMs, defaultRecovery });
    cleanups.push(async () => {
      if (worker.process.exitCode === null && worker.process.signalCode === null) worker.process.kill("SIGKILL");
      await worker.exited();
    });
    return worker;
  }

  async function survivor(defaultRecovery = false): Promise<void> {
    const sink = redisListSink(REDIS_URL, list);
    const timings = defaultRecovery ? {} : { lockDurationMs: 1_000, stalledIntervalMs: 300 };
    const worker = await startWorker({ url: REDIS_URL, layout: { prefix, partitions: 2 }, service: echoService(), sinks: new Map([["slack", sink]]), ...timings });
    cleanups.push(async () => {
      await worker.close(5_000);
      await sink.close();
    });
  }

  it("answers exactly once when the worker running the job is killed mid-way", async () => {
    const queue = createBullQueue({ url: REDIS_URL, layout: { prefix, partitions: 2 } });
    cleanups.push(() => queue.close());
    const killed = child(0);
    await killed.printed("ready");
    await queue.enqueue(turnOf("t1", "hang", "EvKill"), {});
    await killed.printed("started hang");
    killed.process.kill("SIGKILL");
    await killed.exited();
    // The job's lock lapses (1 s) and the survivor's stalled check hands it over; its
    // conversation answers instead of hanging, so the reply proves who delivered it.
    await survivor();
    await waitFor("the reply", async () => (await admin.llen(list)) > 0, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await readList(admin, list)).toEqual([{ thread: "t1", text: "re: hang", deliveryId: "slack.EvKill" }]);
  });

  it("hands a killed worker's turn to another within seconds with the production settings, and the thread's next turn follows", async () => {
    const queue = createBullQueue({ url: REDIS_URL, layout: { prefix, partitions: 2 } });
    cleanups.push(() => queue.close());
    const killed = child(0, true);
    await killed.printed("ready");
    await queue.enqueue(turnOf("t1", "hang", "EvFast"), {});
    await queue.enqueue(turnOf("t1", "next", "EvFastNext"), {});
    await killed.printed("started hang");
    const killedAt = Date.now();
    killed.process.kill("SIGKILL");
    await killed.exited();
    await survivor(true);
    // At most a 12 s lock, one 3 s check and the turn itself; the old 30 s lock and two 30 s checks took over a minute.
    await waitFor("both replies", async () => (await admin.llen(list)) >= 2, 20_000);
    const recoveredInMs = Date.now() - killedAt;
    expect(recoveredInMs).toBeLessThan(20_000);
    expect((await readList(admin, list)).map((d) => d.text)).toEqual(["re: hang", "re: next"]);
  }, 40_000);

  it("loses no accepted job when a worker is stopped with SIGTERM mid-run", async () => {
    const queue = createBullQueue({ url: REDIS_URL, layout: { prefix, partitions: 2 } });
    cleanups.push(() => queue.close());
    const stopping = child(150);
    await stopping.printed("ready");
    const texts = Array.from({ length: 10 }, (_, i) => `m${i}`);
    for (const [i, text] of texts.entries()) await queue.enqueue(turnOf(`t${i % 4}`, text, `EvTerm${i}`), {});
    await stopping.printed("started m0");
    stopping.process.kill("SIGTERM");
    // It finishes the turns in hand and exits cleanly; the rest wait in Redis.
    expect(await stopping.exited()).toBe(0);
    const answeredBeforeExit = await admin.llen(list);
    expect(answeredBeforeExit).toBeGreaterThan(0);
    expect(answeredBeforeExit).toBeLessThan(10);
    await survivor();
    await waitFor("every reply", async () => (await admin.llen(list)) >= 10, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const delivered = await readList(admin, list);
    expect(delivered.map((d) => d.text).sort()).toEqual(texts.map((t) => `re: ${t}`).sort());
  });
});
