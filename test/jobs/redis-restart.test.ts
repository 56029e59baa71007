import { afterEach, describe, expect, it } from "vitest";
import { createBullQueue } from "../../src/jobs/bull-queue.js";
import { startWorker } from "../../src/jobs/bull-worker.js";
import { freePort, redisServerInstalled } from "../support/redis-server.js";
import { startDurableRedis, type DurableRedis } from "./redis-process.js";
import { echoService, jobPrefix, recordingSink, turnOf, waitFor } from "./support.js";

describe.skipIf(!redisServerInstalled())("turn jobs across a Redis restart", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("reconnects and answers every accepted turn exactly once (or tells the user), nothing twice", async () => {
    const redis: DurableRedis = await startDurableRedis(await freePort());
    cleanups.push(() => redis.dispose());
    const prefix = jobPrefix();
    const layout = { prefix, partitions: 3 };
    const queue = createBullQueue({ url: redis.url, layout, attempts: 5, backoffMs: 100, warn: () => undefined });
    const sink = recordingSink();
    const options = { url: redis.url, layout, sinks: new Map([["slack" as const, sink]]), lockDurationMs: 3_000, stalledIntervalMs: 500, warn: () => undefined };
    const workers = [await startWorker({ ...options, service: echoService(10) }), await startWorker({ ...options, service: echoService(7) })];
    cleanups.push(async () => {
      for (const worker of workers) await worker.close(3_000);
      await queue.close();
    });

    const ids: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const result = await queue.enqueue(turnOf(`t${i % 5}`, `m${i}`, `EvR${i}`), {});
      expect(result.accepted).toBe(true);
      ids.push(`slack.EvR${i}`);
    }
    await waitFor("a few replies before the crash", () => sink.delivered.length >= 5);
    await redis.kill();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await redis.restart();

    const answered = () => new Set([...sink.delivered.map((d) => d.deliveryId), ...sink.failures.map((f) => f.deliveryId)]);
    await waitFor("every turn answered or reported", () => answered().size === ids.length, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const delivered = sink.delivered.map((d) => d.deliveryId);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(sink.failures.filter((f) => delivered.includes(f.deliveryId))).toEqual([]);
    expect([...answered()].sort()).toEqual([...ids].sort());
  });
  it("accepts a burst of events that arrives while the intake is still reconnecting to a restarted Redis", async () => {
    const redis: DurableRedis = await startDurableRedis(await freePort());
    cleanups.push(() => redis.dispose());
    const queue = createBullQueue({ url: redis.url, layout: { prefix: jobPrefix(), partitions: 3 }, warn: () => undefined });
    cleanups.push(() => queue.close());
    expect((await queue.enqueue(turnOf("t0", "before", "EvB0"), {})).accepted).toBe(true);
    await redis.kill();
    // Long enough for the clients to back off to their one-second reconnect interval.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await redis.restart();
    // Half the burst has no event id, so nothing else waits for Redis first and each add meets the queue client as it is.
    const burst = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => queue.enqueue(turnOf(`t${i % 5}`, `m${i}`, i % 2 === 0 ? `EvB${i + 1}` : undefined), {})));
    const refused = burst.flatMap((result) => (result.status === "rejected" ? [String(result.reason)] : []));
    expect(refused).toEqual([]);
    expect(burst.every((result) => result.status === "fulfilled" && result.value.accepted)).toBe(true);
  });
});
