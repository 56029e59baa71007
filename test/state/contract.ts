import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_STATE_BYTES } from "../../src/state/codec.js";
import { StateTooLargeError, StoreLeaseLostError } from "../../src/state/errors.js";
import { emptyThreadState } from "../../src/state/thread-state.js";
import { StoreBusyError } from "../../src/state/types.js";
import type { ConversationStore, ThreadKey, ThreadState } from "../../src/state/types.js";

export interface StoreHarness {
  /** A store for one test, its data kept apart from every other test's. */
  create(options?: { ttlSeconds?: number; lockTtlMs?: number }): ConversationStore;
  /** Moves the store's clock forward: a fake clock where there is one, real waiting otherwise. */
  advance(ms: number): Promise<void>;
  /** Closes the test's stores and removes what they wrote. */
  cleanup(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let threadCounter = 0;
function newThread(overrides: Partial<ThreadKey> = {}): ThreadKey {
  threadCounter += 1;
  return { platform: "slack", workspace: "T024BE7LD", channel: "C0ARCHIE", thread: `1712345678.${threadCounter}`, ...overrides };
}

/** A state with something in every field, so a lossy round trip shows. */
function sampleState(turns: number): ThreadState {
  return {
    ...emptyThreadState(new Date("2025-03-01T10:00:00.000Z")),
    requirements: { domain: "food-delivery app", dau: 200_000, budget: { amount: 2000, currency: "EUR", period: "month" } },
    provenance: { domain: 1, dau: 2, budget: 2 },
    messages: [
      { type: "human", data: { content: "design a food-delivery app", role: undefined, name: undefined, tool_call_id: undefined } },
      { type: "ai", data: { content: "How many daily users?", role: undefined, name: undefined, tool_call_id: undefined } },
    ],
    asked: ["peakRps"],
    turns,
    updatedAt: "2025-03-01T10:05:00.000Z",
  };
}

/** A JSON round trip drops `undefined` fields, which is all a store may change. */
const asStored = (state: ThreadState): unknown => JSON.parse(JSON.stringify(state));

/** Settles to "pending" if the promise has not settled after `ms`. */
async function stateAfter(promise: Promise<unknown>, ms: number): Promise<"pending" | "settled"> {
  return Promise.race([promise.then(() => "settled" as const, () => "settled" as const), sleep(ms).then(() => "pending" as const)]);
}

/** The behaviour every ConversationStore implementation must show. */
export function describeConversationStoreContract(name: string, makeHarness: () => StoreHarness): void {
  describe(`${name}: ConversationStore contract`, () => {
    let harness: StoreHarness;
    beforeEach(() => {
      harness = makeHarness();
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it("has no state for a new thread and leases that thread", async () => {
      const store = harness.create();
      const key = newThread();
      const { lease, state } = await store.begin(key);
      expect(state).toBeUndefined();
      expect(lease.key).toEqual(key);
      expect(lease.token.length).toBeGreaterThan(0);
      await store.abort(lease);
    });

    it("returns what was committed", async () => {
      const store = harness.create();
      const key = newThread();
      const first = await store.begin(key);
      await store.commit(first.lease, sampleState(1));
      const second = await store.begin(key);
      expect(second.state).toEqual(asStored(sampleState(1)));
      await store.abort(second.lease);
    });

    it("keeps its own copy: callers mutating a state change nothing stored", async () => {
      const store = harness.create();
      const key = newThread();
      const state = sampleState(1);
      const first = await store.begin(key);
      await store.commit(first.lease, state);
      state.turns = 99;
      state.asked.push("dau");
      const second = await store.begin(key);
      expect(second.state?.turns).toBe(1);
      second.state?.messages.pop();
      await store.abort(second.lease);
      const third = await store.begin(key);
      expect(third.state?.messages).toHaveLength(2);
      expect(third.state?.asked).toEqual(["peakRps"]);
      await store.abort(third.lease);
    });

    it("forgets a thread once its time to live has passed since the last commit", async () => {
      const store = harness.create({ ttlSeconds: 1 });
      const key = newThread();
      const first = await store.begin(key);
      await store.commit(first.lease, sampleState(1));
      await harness.advance(500);
      const kept = await store.begin(key);
      expect(kept.state?.turns).toBe(1);
      await store.abort(kept.lease);
      await harness.advance(700);
      const gone = await store.begin(key);
      expect(gone.state).toBeUndefined();
      await store.abort(gone.lease);
    });

    it("runs concurrent turns of one thread one after another, losing none", async () => {
      const store = harness.create();
      const key = newThread();
      const turn = async (): Promise<void> => {
        const { lease, state } = await store.begin(key);
        const next = state ?? emptyThreadState(new Date());
        // Yield while holding the lock, as a real turn does, so an unlocked store would lose updates.
        await sleep(2);
        await store.commit(lease, { ...next, turns: next.turns + 1 });
      };
      await Promise.all(Array.from({ length: 20 }, turn));
      const { lease, state } = await store.begin(key);
      expect(state?.turns).toBe(20);
      await store.abort(lease);
    });

    it("makes a second turn wait for the first and see its state", async () => {
      const store = harness.create();
      const key = newThread();
      const first = await store.begin(key);
      const second = store.begin(key);
      expect(await stateAfter(second, 100)).toBe("pending");
      await store.commit(first.lease, sampleState(1));
      const { lease, state } = await second;
      expect(state?.turns).toBe(1);
      await store.abort(lease);
    });

    it("does not make different threads wait for each other", async () => {
      const store = harness.create();
      const busy = await store.begin(newThread());
      const other = await store.begin(newThread({ channel: "C0OTHER" }), 0);
      expect(other.state).toBeUndefined();
      await store.abort(other.lease);
      await store.abort(busy.lease);
    });

    it("gives up with StoreBusyError after waitMs", async () => {
      const store = harness.create();
      const key = newThread();
      const held = await store.begin(key);
      const started = Date.now();
      await expect(store.begin(key, 150)).rejects.toBeInstanceOf(StoreBusyError);
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(140);
      expect(waited).toBeLessThan(2000);
      await expect(store.begin(key, 0)).rejects.toBeInstanceOf(StoreBusyError);
      await store.abort(held.lease);
    });

    it("frees the lock of a holder that never finishes after lockTtlMs", async () => {
      const store = harness.create({ lockTtlMs: 200 });
      const key = newThread();
      await store.begin(key);
      const started = Date.now();
      const next = await store.begin(key, 5000);
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
      expect(Date.now() - started).toBeLessThan(3000);
      await store.abort(next.lease);
    });

    it("refuses a commit whose lock expired and was taken over, keeping the newer state", async () => {
      const store = harness.create({ lockTtlMs: 150 });
      const key = newThread();
      const slow = await store.begin(key);
      await sleep(300);
      const fast = await store.begin(key, 0);
      await expect(store.commit(slow.lease, sampleState(1))).rejects.toBeInstanceOf(StoreLeaseLostError);
      await store.commit(fast.lease, sampleState(2));
      await sleep(300);
      await expect(store.commit(slow.lease, sampleState(1))).rejects.toBeInstanceOf(StoreLeaseLostError);
      const after = await store.begin(key, 0);
      expect(after.state?.turns).toBe(2);
      await store.abort(after.lease);
    });

    it("refuses a commit whose lock expired even when nobody took it over", async () => {
      const store = harness.create({ lockTtlMs: 150 });
      const key = newThread();
      const slow = await store.begin(key);
      await sleep(300);
      await expect(store.commit(slow.lease, sampleState(1))).rejects.toBeInstanceOf(StoreLeaseLostError);
      const after = await store.begin(key, 0);
      expect(after.state).toBeUndefined();
      await store.abort(after.lease);
    });

    it("releases on abort without saving, and a stale abort releases nobody else's lock", async () => {
      const store = harness.create({ lockTtlMs: 150 });
      const key = newThread();
      const first = await store.begin(key);
      await store.abort(first.lease);
      const second = await store.begin(key, 0);
      expect(second.state).toBeUndefined();
      await sleep(300);
      const third = await store.begin(key, 0);
      await store.abort(second.lease);
      await expect(store.begin(key, 0)).rejects.toBeInstanceOf(StoreBusyError);
      await store.commit(third.lease, sampleState(3));
    });

    it("commits a named turn's reply with its state, and hands it to that turn's next begin only", async () => {
      const store = harness.create();
      const key = newThread();
      const turnId = `slack.Ev${threadCounter}:commit`;
      const first = await store.begin(key, 0, turnId);
      expect(first.committedReply).toBeUndefined();
      await store.commit(first.lease, sampleState(1), '{"posts":[]}');
      const again = await store.begin(key, 0, turnId);
      expect(again.committedReply).toBe('{"posts":[]}');
      expect(again.state).toEqual(asStored(sampleState(1)));
      await store.abort(again.lease);
      const other = await store.begin(key, 0, `${turnId}-other`);
      expect(other.committedReply).toBeUndefined();
      // Without a turn id nothing is handed back, and a reply passed to commit is not kept.
      await store.commit(other.lease, sampleState(2));
      const unnamed = await store.begin(key, 0);
      expect(unnamed.committedReply).toBeUndefined();
      await store.commit(unnamed.lease, sampleState(3), '{"posts":["kept?"]}');
      expect((await store.begin(key, 0, turnId)).committedReply).toBe('{"posts":[]}');
    });

    it("lets a later run of the same turn take over its lock, refusing the earlier run's commit; other turns still wait", async () => {
      const store = harness.create();
      const key = newThread();
      const turnId = `slack.Ev${threadCounter}|take`;
      const abandoned = await store.begin(key, 0, turnId);
      await expect(store.begin(key, 0, `slack.Ev${threadCounter}`)).rejects.toBeInstanceOf(StoreBusyError);
      await expect(store.begin(key, 0)).rejects.toBeInstanceOf(StoreBusyError);
      const retry = await store.begin(key, 0, turnId);
      await expect(store.commit(abandoned.lease, sampleState(1), '{"posts":[]}')).rejects.toBeInstanceOf(StoreLeaseLostError);
      await store.commit(retry.lease, sampleState(2), '{"posts":[1]}');
      const next = await store.begin(key, 0, turnId);
      expect([next.state?.turns, next.committedReply]).toEqual([2, '{"posts":[1]}']);
      await store.abort(next.lease);
    });

    it("sees an event id for the first time once per window", async () => {
      const store = harness.create();
      expect(await store.firstSighting("Ev0ARCHIE1", 1)).toBe(true);
      expect(await store.firstSighting("Ev0ARCHIE1", 1)).toBe(false);
      expect(await store.firstSighting("Ev0ARCHIE2", 1)).toBe(true);
      await harness.advance(1200);
      expect(await store.firstSighting("Ev0ARCHIE1", 1)).toBe(true);
      expect(await store.firstSighting("Ev0ARCHIE1")).toBe(false);
    });

    it("forgets a thread on clear, without needing its lock", async () => {
      const store = harness.create();
      const key = newThread();
      const first = await store.begin(key);
      await store.commit(first.lease, sampleState(1));
      await store.clear(key);
      await store.clear(newThread());
      const after = await store.begin(key, 0);
      expect(after.state).toBeUndefined();
      await store.abort(after.lease);
    });

    it("keeps threads apart when ids contain the separator", async () => {
      const store = harness.create();
      const a = newThread({ workspace: "T1:C2", channel: "C3" });
      const b = { ...a, workspace: "T1", channel: "C2:C3" };
      const c = { ...a, workspace: "T1%3AC2" };
      const leaseA = await store.begin(a);
      const leaseB = await store.begin(b, 0);
      const leaseC = await store.begin(c, 0);
      await store.commit(leaseA.lease, sampleState(1));
      expect(leaseB.state).toBeUndefined();
      expect(leaseC.state).toBeUndefined();
      await store.abort(leaseB.lease);
      await store.abort(leaseC.lease);
      const againB = await store.begin(b, 0);
      expect(againB.state).toBeUndefined();
      await store.abort(againB.lease);
    });

    it("rejects an oversized state, keeping the lease and the previous state", async () => {
      const store = harness.create();
      const key = newThread();
      const first = await store.begin(key);
      await store.commit(first.lease, sampleState(1));
      const second = await store.begin(key);
      const huge = sampleState(2);
      huge.messages.push({ type: "human", data: { content: "x".repeat(MAX_STATE_BYTES), role: undefined, name: undefined, tool_call_id: undefined } });
      const error: unknown = await store.commit(second.lease, huge).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StateTooLargeError);
      expect((error as StateTooLargeError).bytes).toBeGreaterThan(MAX_STATE_BYTES);
      expect((error as Error).message).toMatch(/limit/);
      await expect(store.begin(key, 0)).rejects.toBeInstanceOf(StoreBusyError);
      await store.abort(second.lease);
      const third = await store.begin(key, 0);
      expect(third.state?.turns).toBe(1);
      await store.abort(third.lease);
    });

    it("rejects malformed keys, event ids and waits with a message naming the problem", async () => {
      const store = harness.create();
      await expect(store.begin(newThread({ thread: "" }))).rejects.toThrow(/thread key thread must be a non-empty string/);
      await expect(store.begin(newThread(), -1)).rejects.toThrow(/waitMs must be zero or a positive whole number/);
      await expect(store.firstSighting("")).rejects.toThrow(/event id must be a non-empty string/);
      await expect(store.firstSighting("Ev1", 0.5)).rejects.toThrow(/windowSeconds must be a positive whole number/);
    });
  });
}
