import { afterEach, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { createStore } from "../../src/state/create-store.js";
import { emptyThreadState } from "../../src/state/thread-state.js";
import type { ConversationStore, ThreadKey } from "../../src/state/types.js";
import { deletePrefix, REDIS_URL, testPrefix } from "./redis-helpers.js";

const key: ThreadKey = { platform: "console", workspace: "local", channel: "terminal", thread: "1" };

/** Saves one turn with the first store and reads the thread back with the second. */
async function handOver(first: ConversationStore, second: ConversationStore): Promise<number | undefined> {
  const { lease } = await first.begin(key);
  await first.commit(lease, { ...emptyThreadState(new Date()), turns: 1 });
  const read = await second.begin(key);
  await second.abort(read.lease);
  return read.state?.turns;
}

describe("createStore", () => {
  const stores: ConversationStore[] = [];
  const prefix = testPrefix();
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    const admin = new Redis(REDIS_URL);
    await deletePrefix(admin, prefix);
    await admin.quit();
  });

  it("shares conversations between processes through Redis when a URL is set", async () => {
    const config = { redisUrl: REDIS_URL, keyPrefix: prefix, ttlSeconds: 60 };
    stores.push(createStore(config), createStore(config));
    expect(await handOver(stores[0]!, stores[1]!)).toBe(1);
  });

  it("keeps conversations inside the one store without a URL", async () => {
    stores.push(createStore({}), createStore({ redisUrl: "" }));
    expect(await handOver(stores[0]!, stores[0]!)).toBe(1);
    expect(await handOver(stores[0]!, stores[1]!)).toBeUndefined();
  });
});
