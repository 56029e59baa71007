import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Reply, Turn } from "../../../src/agent/types.js";
import { createRest } from "../../../src/adapters/discord/client.js";
import { createDiscordSink, nonceFor } from "../../../src/adapters/discord/rest-sink.js";
import { channelTarget } from "../../../src/adapters/discord/target.js";
import type { ReplySink } from "../../../src/jobs/types.js";
import { createMemoryStore, StoreUnavailableError } from "../../../src/state/index.js";
import type { ConversationStore, ThreadKey } from "../../../src/state/types.js";
import { APPLICATION_ID, FakeDiscord, TOKEN } from "../../support/fake-discord/index.js";

/** The sink alone, on a REST-only client against the fake Discord: what a worker runs. */

let fake: FakeDiscord;
let sink: ReplySink;
beforeEach(async () => {
  fake = await FakeDiscord.start();
  sink = createDiscordSink(createRest({ token: TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl }), { applicationId: APPLICATION_ID, log: () => undefined });
});
afterEach(async () => {
  await fake.close();
});

const turn = (thread: string): Turn => ({ key: { platform: "discord", workspace: fake.guildId, channel: fake.channelId, thread }, user: fake.human.id, text: "hi" });
// Two posts, the second long enough to need two messages.
const reply: Reply = { posts: [{ kind: "text", text: "First @everyone" }, { kind: "text", text: `${"word ".repeat(300)}\n\n${"more ".repeat(300)}` }] };

async function stateOf(store: ConversationStore, key: ThreadKey) {
  const { lease, state } = await store.begin(key, 0);
  await store.abort(lease);
  return state;
}

describe("the Discord reply sink", () => {
  it("posts each message with a short stable nonce, and a retried delivery posts nothing twice", async () => {
    const channel = fake.channelId;
    const context = { deliveryId: "discord.1300000000000000123", attempt: 1, target: channelTarget(channel) };
    await sink.deliver(turn(channel), reply, context);
    const first = fake.postedIn(channel).map((m) => m.content);
    expect(first).toHaveLength(3);
    expect(first[0]).toBe("First @\u200beveryone");
    await sink.deliver(turn(channel), reply, { ...context, attempt: 2 });
    expect(fake.postedIn(channel).map((m) => m.content)).toEqual(first);

    const bodies = fake.requests.filter((r) => r.method === "POST" && r.path === `/api/v10/channels/${channel}/messages`).map((r) => r.body!);
    expect(bodies).toHaveLength(6);
    expect(bodies.map((b) => b["nonce"])).toEqual([0, 1, 2, 0, 1, 2].map((part) => nonceFor(context.deliveryId, part)));
    for (const body of bodies) {
      expect(String(body["nonce"]).length).toBeLessThanOrEqual(25);
      expect(body["enforce_nonce"]).toBe(true);
      expect(body["allowed_mentions"]).toEqual({ parse: [] });
    }

    // Another job is another delivery, even with the same reply.
    await sink.deliver(turn(channel), reply, { ...context, deliveryId: "discord.1300000000000000124" });
    expect(fake.postedIn(channel)).toHaveLength(6);
  });

  it("tells the user a turn failed, once per delivery", async () => {
    const context = { deliveryId: "discord.77", attempt: 3, target: channelTarget(fake.channelId) };
    await sink.notifyFailure(turn(fake.channelId), "Sorry, that failed.", context);
    await sink.notifyFailure(turn(fake.channelId), "Sorry, that failed.", context);
    expect(fake.postedIn(fake.channelId).map((m) => m.content)).toEqual(["Sorry, that failed."]);
  });

  it("keeps a thread it posted in followed; a channel answered in place, or a store that fails, records nothing", async () => {
    const store = createMemoryStore();
    const logs: string[] = [];
    const following = createDiscordSink(createRest({ token: TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl }), { applicationId: APPLICATION_ID, log: (line) => logs.push(line), store });
    // A turn in a thread of fake.channelId; the post itself may go to any channel the fake knows.
    const thread = turn("1300000000000000200");
    await following.deliver(thread, reply, { deliveryId: "discord.10", attempt: 1, target: channelTarget(fake.channelId) });
    expect(await stateOf(store, thread.key)).toMatchObject({ turns: 0, messages: [] });
    const failed = turn("1300000000000000201");
    await following.notifyFailure(failed, "Sorry, that failed.", { deliveryId: "discord.11", attempt: 3, target: channelTarget(fake.channelId) });
    expect(await stateOf(store, failed.key)).toBeDefined();

    await following.deliver(turn(fake.channelId), reply, { deliveryId: "discord.12", attempt: 1, target: channelTarget(fake.channelId) });
    expect(await stateOf(store, turn(fake.channelId).key)).toBeUndefined();

    const down: ConversationStore = { ...store, begin: () => Promise.reject(new StoreUnavailableError(new Error("ECONNREFUSED"))) };
    const unrecorded = createDiscordSink(createRest({ token: TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl }), { applicationId: APPLICATION_ID, log: (line) => logs.push(line), store: down });
    await expect(unrecorded.deliver(thread, reply, { deliveryId: "discord.13", attempt: 1, target: channelTarget(fake.channelId) })).resolves.toBeUndefined();
    expect(logs).toEqual(["could not record thread 1300000000000000200 as followed: StoreUnavailableError: conversation store unreachable"]);
    await store.close();
  });

  it("refuses a target without a channel, and throws when Discord refuses the post", async () => {
    await expect(sink.deliver(turn("1"), reply, { deliveryId: "discord.1", attempt: 1, target: {} })).rejects.toThrow(/names no Discord channel/);
    fake.forbidNext("POST", /\/messages$/);
    await expect(sink.deliver(turn(fake.channelId), reply, { deliveryId: "discord.2", attempt: 1, target: channelTarget(fake.channelId) })).rejects.toThrow(/^Discord API error 403 \(code 50013\): Missing Permissions$/);
  });
});
