import type { ChildProcess } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRedisStore } from "../../src/state/redis-store.js";
import type { RedisConversationStore } from "../../src/state/redis-store.js";
import { emptyThreadState } from "../../src/state/thread-state.js";
import { StoreUnavailableError } from "../../src/state/types.js";
import type { ThreadKey } from "../../src/state/types.js";
import { freePort, killRedisServer, redisServerInstalled, startRedisServer } from "../support/redis-server.js";

const installed = redisServerInstalled();
if (!installed) console.warn("skipping the Redis outage tests: no redis-server binary on PATH");

const key: ThreadKey = { platform: "slack", workspace: "T1", channel: "C1", thread: "1712345678.000100" };

/** Runs `call` and reports how it ended and how long it took. */
async function timed(call: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, ms: Date.now() - started };
}

describe.skipIf(!installed)("redis store while Redis goes away and comes back", () => {
  const servers: ChildProcess[] = [];
  const stores: RedisConversationStore[] = [];
  const escaped: unknown[] = [];
  const record = (error: unknown): void => {
    escaped.push(error);
  };
  let port = 0;
  let warnings: string[] = [];

  const start = async (): Promise<ChildProcess> => {
    const server = await startRedisServer(port);
    servers.push(server);
    return server;
  };
  const create = (): RedisConversationStore => {
    const store = createRedisStore({ url: `redis://127.0.0.1:${port}`, keyPrefix: "outage", connectTimeoutMs: 1000, warn: (m) => warnings.push(m) });
    stores.push(store);
    return store;
  };

  beforeAll(() => {
    process.on("unhandledRejection", record);
    process.on("uncaughtException", record);
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    for (const server of servers.splice(0)) {
      server.kill("SIGCONT");
      await killRedisServer(server);
    }
    expect(escaped).toEqual([]);
    warnings = [];
  });
  afterAll(async () => {
    for (const server of servers) await killRedisServer(server);
    process.off("unhandledRejection", record);
    process.off("uncaughtException", record);
  });

  it("rejects every call promptly while the server is down, then works again on its own", async () => {
    port = await freePort();
    const server = await start();
    const store = create();
    const first = await store.begin(key);
    await store.commit(first.lease, { ...emptyThreadState(new Date()), turns: 1 });
    const held = await store.begin(key);

    await killRedisServer(server);
    const calls: (() => Promise<unknown>)[] = [
      () => store.begin(key),
      () => store.commit(held.lease, emptyThreadState(new Date())),
      () => store.abort(held.lease),
      () => store.clear(key),
      () => store.firstSighting("Ev1"),
    ];
    const outcomes = await Promise.all(calls.map(timed));
    for (const { error, ms } of outcomes) {
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toBe("conversation store unreachable");
      expect(ms).toBeLessThan(3000);
    }

    await start();
    // The restarted server kept nothing (no persistence): the thread starts afresh, unlocked.
    const again = await store.begin(key, 0);
    expect(again.state).toBeUndefined();
    await store.commit(again.lease, { ...emptyThreadState(new Date()), turns: 1 });
    expect(await store.firstSighting("Ev1")).toBe(true);
    // Reconnection attempts failed every few hundred ms meanwhile; the outage was reported once.
    expect(warnings).toEqual([
      expect.stringMatching(/^conversation store: Redis unreachable \(.+\); retrying in the background$/),
      "conversation store: Redis reachable again",
    ]);
  });

  it("waits for a server that is not up yet only as long as connectTimeoutMs", async () => {
    port = await freePort();
    const store = create();
    const { error, ms } = await timed(() => store.begin(key));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(3000);

    await start();
    const { lease, state } = await store.begin(key, 0);
    expect(state).toBeUndefined();
    await store.abort(lease);
  });

  it("fails calls waiting for a connection as soon as the store is closed", async () => {
    port = await freePort();
    const store = create();
    const waiting = timed(() => store.begin(key));
    await store.close();
    const { error, ms } = await waiting;
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).cause).toEqual(new Error("the conversation store is closed"));
    expect(ms).toBeLessThan(500);
    await expect(store.firstSighting("Ev1")).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it("gives up on a stalled server and does not leave the thread locked once it resumes", async () => {
    port = await freePort();
    const server = await start();
    const store = create();
    expect(await store.firstSighting("Ev1")).toBe(true);

    server.kill("SIGSTOP");
    const { error, ms } = await timed(() => store.begin(key));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(ms).toBeLessThan(3000);

    server.kill("SIGCONT");
    // The stalled begin ran once the server resumed; its lock was handed back right after.
    const { lease } = await store.begin(key, 2000);
    await store.abort(lease);
  });
});
