import { afterEach, describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/state/memory-store.js";
import { emptyThreadState } from "../../src/state/thread-state.js";
import { StoreUnavailableError } from "../../src/state/types.js";
import type { ConversationStore, ThreadKey } from "../../src/state/types.js";
import { describeConversationStoreContract } from "./contract.js";

describeConversationStoreContract("memory store", () => {
  // A clock that runs with real time (lock expiry uses real timers) and can also jump ahead.
  let offset = 0;
  const stores: ConversationStore[] = [];
  return {
    create: (options = {}) => {
      const store = createMemoryStore({ ...options, now: () => Date.now() + offset, warn: () => {} });
      stores.push(store);
      return store;
    },
    advance: async (ms) => {
      offset += ms;
    },
    cleanup: async () => {
      await Promise.all(stores.map((store) => store.close()));
    },
  };
});

const key: ThreadKey = { platform: "console", workspace: "local", channel: "terminal", thread: "1" };

describe("memory store", () => {
  const stores: ConversationStore[] = [];
  const track = (store: ConversationStore): ConversationStore => {
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });

  it("serves waiters of one thread in the order they arrived", async () => {
    const store = track(createMemoryStore());
    const held = await store.begin(key);
    const order: number[] = [];
    const waiters = [1, 2, 3, 4, 5].map(async (n) => {
      const { lease, state } = await store.begin(key);
      order.push(n);
      await store.commit(lease, { ...(state ?? emptyThreadState(new Date())), turns: n });
    });
    await store.commit(held.lease, emptyThreadState(new Date()));
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3, 4, 5]);
  });

  it("counts time to live on the injected clock alone", async () => {
    let now = Date.parse("2025-03-01T00:00:00Z");
    const store = track(createMemoryStore({ ttlSeconds: 3600, now: () => now }));
    const first = await store.begin(key);
    await store.commit(first.lease, { ...emptyThreadState(new Date(now)), turns: 1 });
    now += 3_599_000;
    const kept = await store.begin(key);
    expect(kept.state?.turns).toBe(1);
    await store.commit(kept.lease, { ...emptyThreadState(new Date(now)), turns: 2 });
    // The commit restarted the time to live.
    now += 3_599_000;
    const renewed = await store.begin(key);
    expect(renewed.state?.turns).toBe(2);
    await store.abort(renewed.lease);
    now += 1_000;
    const gone = await store.begin(key);
    expect(gone.state).toBeUndefined();
    await store.abort(gone.lease);
  });

  it("expires a lock on the injected clock even when its timer fires early", async () => {
    let now = 0;
    const store = track(createMemoryStore({ lockTtlMs: 50, now: () => now }));
    await store.begin(key);
    const waiting = store.begin(key, 2000);
    // The real expiry timer fires after 50 ms but the clock says the hold is still young.
    await new Promise((resolve) => setTimeout(resolve, 120));
    now += 50;
    const { lease } = await waiting;
    await store.abort(lease);
  });

  it("fails waiting turns and later calls once closed", async () => {
    const store = createMemoryStore();
    await store.begin(key);
    const waiting = store.begin(key, 5000);
    await store.close();
    await expect(waiting).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.begin(key)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.firstSighting("Ev1")).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it("rejects bad settings with the setting's name", () => {
    expect(() => createMemoryStore({ ttlSeconds: 0 })).toThrow(/ttlSeconds must be a positive whole number/);
    expect(() => createMemoryStore({ lockTtlMs: 1.5 })).toThrow(/lockTtlMs must be a positive whole number/);
  });
});
