import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/state/index.js";
import { StoreBusyError, StoreUnavailableError, type ConversationStore, type ThreadState } from "../../src/state/types.js";
import { KEY, proposalPost, questions, texts, thread } from "../support/thread.js";

/** The service's duties around the agent: dedupe, lock, bounds, and an unreachable store. */

async function saved(store: ConversationStore): Promise<ThreadState | undefined> {
  const { lease, state } = await store.begin(KEY);
  await store.abort(lease);
  return state;
}

/** A memory store that can be switched off, as Redis is when the network drops. */
function switchableStore(): ConversationStore & { down: boolean } {
  const inner = createMemoryStore();
  const guard = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (store.down) throw new StoreUnavailableError(new Error("ECONNREFUSED"));
      return fn(...args);
    };
  const store = {
    down: false,
    begin: guard(inner.begin.bind(inner)),
    commit: guard(inner.commit.bind(inner)),
    abort: inner.abort.bind(inner),
    clear: guard(inner.clear.bind(inner)),
    firstSighting: guard(inner.firstSighting.bind(inner)),
    close: inner.close.bind(inner),
  };
  return store;
}

describe("conversation service", () => {
  it("ignores a repeated delivery of the same event", async () => {
    const t = thread();
    const first = await t.say("a food-delivery app", { eventId: "Ev1" });
    const repeat = await t.say("a food-delivery app", { eventId: "Ev1" });
    expect(first.posts.length).toBeGreaterThan(0);
    expect(repeat.posts).toEqual([]);
    expect((await saved(t.store))?.turns).toBe(1);
  });

  it("refuses an over-long message clearly and keeps the thread as it was", async () => {
    const t = thread({ limits: { maxMessageChars: 500 } });
    await t.say("a food-delivery app, $3k/month");
    const before = await saved(t.store);
    const reply = await t.say(`50k DAU ${"and more ".repeat(100)}`);
    expect(texts(reply)[0]).toMatch(/characters; I read at most 500 per message/);
    expect(await saved(t.store)).toEqual(before);
    expect(proposalPost(await t.say("50k DAU"))).toBeDefined();
  });

  it("leaves a turn whose thread stays busy to its queue to retry, answering nothing", async () => {
    const t = thread({ limits: { lockWaitMs: 50 } });
    const { lease } = await t.store.begin(KEY);
    await expect(t.say("hello")).rejects.toBeInstanceOf(StoreBusyError);
    await t.store.abort(lease);
    expect(texts(await t.say("hello")).length).toBeGreaterThan(0);
  });

  it("leaves a turn to its queue to retry while the store is unreachable, and remembers once it is back", async () => {
    const store = switchableStore();
    const t = thread({ store });
    await t.say("a food-delivery app");
    store.down = true;
    await expect(t.say("$3k/month")).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(t.say("start over")).rejects.toBeInstanceOf(StoreUnavailableError);
    store.down = false;
    const reply = await t.say("$3k/month");
    expect(texts(reply)[0]).toMatch(/Got it: budget \$3k\/month/);
    expect(questions(reply).join(" ")).not.toMatch(/building/);
  });

  it("bounds the messages kept for context, says so once, and forgets no requirement", async () => {
    const t = thread({ limits: { maxMessages: 4 } });
    const replies = [];
    for (const text of ["a food-delivery app", "$3k/month", "growth is +10%/mo", "50k DAU", "use MySQL"]) replies.push(await t.say(text));
    const notices = replies.flatMap(texts).filter((text) => /keep its last 4 messages/.test(text));
    expect(notices).toHaveLength(1);
    const state = await saved(t.store);
    expect(state?.messages.length).toBeLessThanOrEqual(4);
    expect(state?.messages[0]?.type).toBe("human");
    expect(state?.droppedMessages).toBeGreaterThan(0);
    expect(state?.requirements).toMatchObject({ domain: expect.any(String), dau: 50_000, database: "mysql", growthPercentPerMonth: 10 });
    expect(state?.provenance.database).toBe(5);
  });

  it("answers politely when a turn fails unexpectedly, and releases the thread", async () => {
    const inner = createMemoryStore();
    let failCommit = true;
    const store: ConversationStore = {
      ...inner,
      begin: inner.begin.bind(inner),
      abort: inner.abort.bind(inner),
      clear: inner.clear.bind(inner),
      firstSighting: inner.firstSighting.bind(inner),
      close: inner.close.bind(inner),
      commit: async (lease, state) => {
        if (failCommit) throw new Error("disk on fire");
        return inner.commit(lease, state);
      },
    };
    const logs: string[] = [];
    const t = thread({ store, limits: { lockWaitMs: 100 }, log: (line) => logs.push(line) });
    expect(texts(await t.say("a food-delivery app"))[0]).toMatch(/went wrong on my side/);
    expect(logs.join("\n")).toMatch(/disk on fire/);
    failCommit = false;
    expect(texts(await t.say("a food-delivery app"))[0]).toMatch(/Got it/);
  });

  it("answers a retried turn with the reply it committed, not by running again on the updated state", async () => {
    const t = thread();
    const turn = { key: KEY, user: "u1", text: "a food-delivery app, 50k DAU, $3k/month" };
    const first = await t.service.handleTurn(turn, { turnId: "slack.EvRetry" });
    expect(proposalPost(first)).toBeDefined();
    // The worker died after the commit, before the post: the job runs again.
    const again = await t.service.handleTurn(turn, { turnId: "slack.EvRetry" });
    expect(again).toEqual(first);
    expect((await saved(t.store))?.turns).toBe(1);
    expect((await saved(t.store))?.versions).toHaveLength(1);
  });

  it("commits a turn's state and reply together: a failed commit leaves neither, and the retry answers afresh", async () => {
    const store = switchableStore();
    const t = thread({ store });
    const turn = { key: KEY, user: "u1", text: "a food-delivery app, 50k DAU, $3k/month" };
    const realCommit = store.commit;
    store.commit = async () => {
      throw new StoreUnavailableError(new Error("connection reset"));
    };
    await expect(t.service.handleTurn(turn, { turnId: "slack.EvLost" })).rejects.toBeInstanceOf(StoreUnavailableError);
    store.commit = realCommit;
    expect(await saved(store)).toBeUndefined();
    expect(proposalPost(await t.service.handleTurn(turn, { turnId: "slack.EvLost" }))?.proposal.version).toBe(1);
  });

  it("lets a retried turn take over the thread lock its abandoned run left behind, and refuses that run's late commit", async () => {
    const t = thread({ limits: { lockWaitMs: 50 } });
    const abandoned = await t.store.begin(KEY, 0, "slack.EvStuck");
    const reply = await t.service.handleTurn({ key: KEY, user: "u1", text: "a food-delivery app" }, { turnId: "slack.EvStuck" });
    expect(texts(reply).length).toBeGreaterThan(0);
    await expect(t.store.commit(abandoned.lease, { ...(await saved(t.store))!, turns: 99 })).rejects.toThrow(/expired before the turn was saved/);
    // Another turn of the thread is not the same turn: it waits, as before.
    const other = await t.store.begin(KEY, 0, "slack.EvOther");
    await expect(t.service.handleTurn({ key: KEY, user: "u1", text: "hello" }, { turnId: "slack.EvThird" })).rejects.toBeInstanceOf(StoreBusyError);
    await t.store.abort(other.lease);
  });
});
