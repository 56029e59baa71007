import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { createRedisStore, redisSeenKey, redisThreadKeys } from "../../src/state/redis-store.js";
import type { RedisConversationStore } from "../../src/state/redis-store.js";
import { emptyThreadState } from "../../src/state/thread-state.js";
import type { ThreadKey } from "../../src/state/types.js";
import { describeConversationStoreContract } from "./contract.js";
import { deletePrefix, REDIS_URL, testPrefix } from "./redis-helpers.js";

const admin = new Redis(REDIS_URL, { lazyConnect: true });
beforeAll(async () => {
  await admin.connect();
});
afterAll(async () => {
  await admin.quit();
});

describeConversationStoreContract("redis store", () => {
  const prefix = testPrefix();
  const stores: RedisConversationStore[] = [];
  return {
    create: (options = {}) => {
      const store = createRedisStore({ url: REDIS_URL, keyPrefix: prefix, ...options, warn: () => {} });
      stores.push(store);
      return store;
    },
    advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    cleanup: async () => {
      await Promise.all(stores.map((store) => store.close()));
      await deletePrefix(admin, prefix);
    },
  };
});

const key: ThreadKey = { platform: "discord", workspace: "81384788765712384", channel: "381870553235193857", thread: "1:2" };

describe("redis store", () => {
  let prefix = testPrefix();
  let warnings: string[] = [];
  const stores: RedisConversationStore[] = [];
  const create = (options: { ttlSeconds?: number } = {}): RedisConversationStore => {
    const store = createRedisStore({ url: REDIS_URL, keyPrefix: prefix, ...options, warn: (m) => warnings.push(m) });
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await deletePrefix(admin, prefix);
    prefix = testPrefix();
    warnings = [];
  });

  it("stores one escaped key per thread, with the time to live, and no lock after commit", async () => {
    const store = create();
    const { lease } = await store.begin(key);
    const keys = redisThreadKeys(prefix, key);
    expect(keys.state).toBe(`${prefix}:discord:81384788765712384:381870553235193857:1%3A2`);
    expect(await admin.get(keys.lock)).toBe(lease.token);
    const lockTtl = await admin.pttl(keys.lock);
    expect(lockTtl).toBeGreaterThan(55_000);
    expect(lockTtl).toBeLessThanOrEqual(60_000);
    await store.commit(lease, emptyThreadState(new Date()));
    const ttl = await admin.pttl(keys.state);
    expect(ttl).toBeGreaterThan(30 * 24 * 3600 * 1000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(30 * 24 * 3600 * 1000);
    expect(await admin.exists(keys.lock)).toBe(0);
  });

  it("applies a configured time to live and renews it on every commit", async () => {
    const store = create({ ttlSeconds: 120 });
    const keys = redisThreadKeys(prefix, key);
    const first = await store.begin(key);
    await store.commit(first.lease, emptyThreadState(new Date()));
    await admin.pexpire(keys.state, 5_000);
    const second = await store.begin(key);
    await store.commit(second.lease, emptyThreadState(new Date()));
    const ttl = await admin.pttl(keys.state);
    expect(ttl).toBeGreaterThan(110_000);
    expect(ttl).toBeLessThanOrEqual(120_000);
  });

  it("keeps dedup keys for the window", async () => {
    const store = create();
    expect(await store.firstSighting("Ev:1", 90)).toBe(true);
    const ttl = await admin.ttl(redisSeenKey(prefix, "Ev:1"));
    expect(ttl).toBeGreaterThan(85);
    expect(ttl).toBeLessThanOrEqual(90);
  });

  it("costs exactly two round trips for begin + commit and one for firstSighting", async () => {
    const store = create();
    await store.firstSighting("Ev0"); // the connection is ready from here on
    const before = store.stats().roundTrips;
    const { lease } = await store.begin(key);
    await store.commit(lease, emptyThreadState(new Date()));
    expect(store.stats().roundTrips - before).toBe(2);
    await store.firstSighting("Ev1");
    expect(store.stats().roundTrips - before).toBe(3);
    const again = await store.begin(key);
    await store.abort(again.lease);
    expect(store.stats().roundTrips - before).toBe(5);
  });

  it("treats an unreadable saved value as no state and says so", async () => {
    const store = create();
    const keys = redisThreadKeys(prefix, key);
    await admin.set(keys.state, "{not json");
    const first = await store.begin(key);
    expect(first.state).toBeUndefined();
    expect(warnings.join("\n")).toMatch(/unreadable saved state of thread discord:.*not JSON/);
    await store.commit(first.lease, { ...emptyThreadState(new Date()), turns: 1 });

    await admin.set(keys.state, JSON.stringify({ ...emptyThreadState(new Date()), turns: "many" }));
    const second = await store.begin(key);
    expect(second.state).toBeUndefined();
    expect(warnings.at(-1)).toMatch(/not a thread state \(turns:/);
    await store.abort(second.lease);
  });

  it("keeps fields it does not know about", async () => {
    const store = create();
    const keys = redisThreadKeys(prefix, key);
    await admin.set(keys.state, JSON.stringify({ ...emptyThreadState(new Date()), futureField: { a: 1 } }));
    const { lease, state } = await store.begin(key);
    expect(state).toMatchObject({ futureField: { a: 1 } });
    await store.abort(lease);
  });

  it("rejects a bad URL or prefix at creation with a clear message", () => {
    expect(() => createRedisStore({ url: "localhost:6379" })).toThrow(/redis:\/\//);
    expect(() => createRedisStore({ url: "not a url" })).toThrow(/not a URL/);
    expect(() => createRedisStore({ url: REDIS_URL, keyPrefix: "" })).toThrow(/keyPrefix/);
  });
});
