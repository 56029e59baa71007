import { afterEach, describe, expect, it } from "vitest";
import type { ConversationService } from "../../../src/agent/conversation.js";
import { CONTENT_HINT } from "../../../src/adapters/discord/handlers/message.js";
import { createMemoryStore, StoreUnavailableError } from "../../../src/state/index.js";
import type { ConversationStore, ThreadKey } from "../../../src/state/types.js";
import { TOKEN, type FakeDiscord, type PostedMessage } from "../../support/fake-discord/index.js";
import { startHarness, type Harness } from "./harness.js";

/**
 * The real discord.js client, with Archie's handlers and the offline model, against the fake
 * Discord on 127.0.0.1: every message it posts goes through REST and comes back on the gateway.
 */

let h: Harness | undefined;
afterEach(async () => {
  if (h) {
    // Whatever a test did, nothing Archie posted may break Discord's rules or leak the token.
    for (const m of h.fake.posted) {
      expect(m.content.length).toBeLessThanOrEqual(2000);
      expect(m.content.split("\n").filter((l) => l.startsWith("```")).length % 2).toBe(0);
      expect(m.content).not.toMatch(/@(everyone|here)\b/);
    }
    expect(h.logs.join("\n")).not.toContain(TOKEN);
    await h.stop();
  }
  h = undefined;
});

const callbacks = (hh: Harness) => hh.fake.requests.filter((r) => r.path.endsWith("/callback"));
const button = (m: PostedMessage | undefined, label: string) => m?.components.flatMap((row) => row.components).find((b) => b.label === label);

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
const threadKeyOf = (fake: FakeDiscord, thread: string): ThreadKey => ({ platform: "discord", workspace: fake.guildId, channel: fake.channelId, thread });

/** The memory store, noting which threads were looked up; `unreachable`: every lookup fails, as when Redis is down. */
function watchedStore(unreachable = false): ConversationStore & { looked: string[] } {
  const inner = createMemoryStore();
  const looked: string[] = [];
  return {
    looked,
    begin(key, waitMs) {
      looked.push(key.thread);
      return unreachable ? Promise.reject(new StoreUnavailableError(new Error("connect ECONNREFUSED 127.0.0.1:6379"))) : inner.begin(key, waitMs);
    },
    commit: (lease, state) => inner.commit(lease, state),
    abort: (lease) => inner.abort(lease),
    clear: (key) => inner.clear(key),
    firstSighting: (eventId, windowSeconds) => inner.firstSighting(eventId, windowSeconds),
    close: () => inner.close(),
  };
}

/** Mentions Archie in the channel and waits for its first reply in the new thread. */
async function openThread(hh: Harness, request: string): Promise<string> {
  const threadId = hh.fake.say(request, { mention: true });
  await hh.fake.waitFor(() => hh.fake.postedIn(threadId).length > 0, 10_000, "the first reply in the thread");
  return threadId;
}

describe("Archie on discord.js against a fake Discord", () => {
  it("a mention starts a thread on the message and asks its questions there", async () => {
    h = await startHarness();
    const { fake } = h;
    const messageId = await openThread(h, "design a food-delivery app for one city @everyone");
    const [thread] = fake.threads();
    expect(thread?.id).toBe(messageId);
    expect(thread?.["name"]).toBe("design a food-delivery app for one city @\u200beveryone");
    expect(fake.requests.some((r) => r.method === "POST" && r.path === `/api/v10/channels/${messageId}/typing`)).toBe(true);
    const [question] = fake.postedIn(messageId);
    expect(question!.content).toMatch(/How much traffic/);
    expect(button(question, "Use assumptions and go")?.custom_id).toBe(`archie:${messageId}:go`);
    expect(question!.allowedMentions).toEqual({ parse: [] });
    expect(fake.postedIn(fake.channelId)).toHaveLength(0);
  });

  it("a reply in the thread, without a mention, continues to the proposal with its diagram and files", async () => {
    h = await startHarness();
    const { fake } = h;
    const threadId = await openThread(h, "design a food-delivery app for one city");
    const before = fake.postedIn(threadId).length;
    fake.say("50k DAU, budget $3k/month", { channelId: threadId });
    await fake.waitFor(() => fake.postedIn(threadId).some((m) => m.files.includes("proposal-v1.md")), 20_000, "the proposal");
    const proposal = fake.postedIn(threadId).slice(before);
    expect(proposal[0]!.content).toContain("## ");
    expect(proposal[0]!.files).toEqual(["diagram.png"]);
    const last = proposal.at(-1)!;
    expect(last.files).toEqual(expect.arrayContaining(["proposal-v1.md", "k6-2x.js", "ecs-autoscaling-2x.json"]));
    expect(last.components[0]!.components.map((b) => b.label)).toEqual(["Show roadmap", "Export", "Start over"]);
    const upload = fake.requests.find((r) => r.files.some((f) => f.name === "proposal-v1.md"));
    expect(upload?.files.find((f) => f.name === "proposal-v1.md")?.text).toMatch(/^# /);
    expect(proposal.map((m) => m.content).join("\n")).toMatch(/\$3,000\/month/);
  });

  it("a thread someone else started and mentioned it in: after a restart, a reply without a mention is still answered", async () => {
    h = await startHarness();
    const { fake } = h;
    const threadId = fake.userThread("our new app");
    fake.say("design a food-delivery app for one city", { channelId: threadId, mention: true });
    await fake.waitFor(() => fake.postedIn(threadId).length > 0, 10_000, "the answer to the mention");
    expect(fake.postedIn(threadId)[0]!.content).toMatch(/How much traffic/);

    // A deploy: the new process has never seen the mention; the store still has the conversation.
    await h.restart();
    const count = fake.postedIn(threadId).length;
    fake.say("50k DAU, budget $3k/month", { channelId: threadId });
    await fake.waitFor(() => fake.postedIn(threadId).some((m) => m.files.includes("proposal-v1.md")), 10_000, "the proposal after the restart");
    expect(fake.postedIn(threadId).slice(count).map((m) => m.content).join("\n")).toMatch(/\$3,000\/month/);
    expect(fake.threads().map((t) => t.id)).toEqual([threadId]);
    expect(fake.postedIn(fake.channelId)).toHaveLength(0);
  });

  it("a thread it was asked to start over in stays followed, though the store then holds nothing of the conversation", async () => {
    h = await startHarness();
    const { fake } = h;
    const threadId = fake.userThread("our new app");
    fake.say("start over", { channelId: threadId, mention: true });
    await fake.waitFor(() => fake.postedIn(threadId).length > 0, 10_000, "the answer to the mention");
    expect(fake.postedIn(threadId)[0]!.content).toMatch(/Starting over/);

    await h.restart();
    const count = fake.postedIn(threadId).length;
    fake.say("design a chat app", { channelId: threadId });
    await fake.waitFor(() => fake.postedIn(threadId).length > count, 10_000, "a reply after the restart");
    expect(fake.postedIn(threadId).at(-1)!.content).toMatch(/How much traffic/);
  });

  it("without a mention, ignores a thread it was never part of, and looking it up leaves nothing in the store", async () => {
    const store = watchedStore();
    h = await startHarness({ store });
    const { fake } = h;
    const threadId = fake.userThread("lunch plans");
    fake.say("pizza or sushi?", { channelId: threadId });
    await fake.waitFor(() => store.looked.includes(threadId), 10_000, "the store to be asked about the thread");
    await settle();
    expect(fake.requests.filter((r) => r.path.includes(threadId))).toEqual([]);
    const { lease, state } = await store.begin(threadKeyOf(fake, threadId), 0);
    await store.abort(lease);
    expect(state).toBeUndefined();
  });

  it("when the store cannot be reached, logs one line and ignores a reply in a thread it might follow", async () => {
    const store = watchedStore(true);
    h = await startHarness({ store });
    const { fake } = h;
    const threadId = fake.userThread("our new app");
    fake.say("50k DAU, budget $3k/month", { channelId: threadId });
    await fake.waitFor(() => h!.logs.some((line) => line.includes(threadId)), 10_000, "the log line");
    await settle();
    const lines = h.logs.filter((line) => line.includes(threadId));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/StoreUnavailableError: conversation store unreachable$/);
    expect(lines[0]).not.toContain("\n");
    expect(fake.requests.filter((r) => r.path.includes(threadId))).toEqual([]);
  });

  it("/design defers, posts the request, starts a thread from it and continues there", async () => {
    h = await startHarness();
    const { fake } = h;
    fake.slashDesign("a food-delivery app, 50k DAU, $3k/month");
    await fake.waitFor(() => fake.posted.some((m) => m.files.includes("proposal-v1.md")), 20_000, "the proposal");
    const [callback] = callbacks(h);
    expect(callback?.body?.["type"]).toBe(5);
    const original = fake.requests.find((r) => r.method === "PATCH" && r.path.endsWith("/messages/@original"));
    expect(original?.body?.["content"]).toContain("a food-delivery app, 50k DAU, $3k/month");
    const [thread] = fake.threads();
    const request = fake.postedIn(fake.channelId)[0]!;
    expect(thread?.id).toBe(request.id);
    expect(thread?.["name"]).toBe("a food-delivery app, 50k DAU, $3k/month");
    expect(fake.postedIn(thread!.id).some((m) => m.files.includes("diagram.png"))).toBe(true);
    expect(callback!.at).toBeLessThanOrEqual(fake.requests.find((r) => r.path.endsWith("/threads"))!.at);
  });

  it("/design in an existing thread answers in place through follow-ups", async () => {
    h = await startHarness();
    const { fake } = h;
    const threadId = await openThread(h, "design a chat app");
    fake.slashDesign("use assumptions and go", threadId);
    await fake.waitFor(() => fake.postedIn(threadId).some((m) => m.files.includes("proposal-v1.md")), 20_000, "the proposal");
    const followUps = fake.requests.filter((r) => r.method === "POST" && /^\/api\/v10\/webhooks\/\d+\/[^/]+$/.test(r.path));
    expect(followUps.length).toBeGreaterThan(1);
    expect(followUps.some((r) => r.files.some((f) => f.name === "diagram.png"))).toBe(true);
    expect(fake.threads()).toHaveLength(1);
  });

  it("a button click acts in its thread like typing the words", async () => {
    h = await startHarness();
    const { fake } = h;
    const threadId = await openThread(h, "design a food-delivery app for one city");
    const question = fake.postedIn(threadId)[0]!;
    fake.click(question, button(question, "Use assumptions and go")!.custom_id);
    await fake.waitFor(() => fake.postedIn(threadId).some((m) => m.files.includes("proposal-v1.md")), 20_000, "the proposal");
    expect(callbacks(h).map((r) => r.body?.["type"])).toEqual([6]);

    const last = fake.postedIn(threadId).at(-1)!;
    const count = fake.postedIn(threadId).length;
    fake.click(last, button(last, "Show roadmap")!.custom_id);
    await fake.waitFor(() => fake.postedIn(threadId).slice(count).some((m) => m.files.includes("cost-scale.png")), 20_000, "the roadmap");
    const roadmap = fake.postedIn(threadId).slice(count);
    expect(roadmap[0]!.files).toEqual(["cost-scale.png"]);
    expect(roadmap[0]!.content).toMatch(/Roadmap/);
  });

  it("splits a reply holding 2000+ characters of code into valid messages", async () => {
    const code = Array.from({ length: 80 }, (_, i) => `http_req_duration{scenario:step${i}}: ["p(95)<300"],`).join("\n");
    const service: ConversationService = { handleTurn: async () => ({ posts: [{ kind: "text", text: `Thresholds:\n\n\`\`\`js\n${code}\n\`\`\`\n\nDone.` }] }) };
    h = await startHarness({ service });
    const { fake } = h;
    const threadId = fake.say("show me the thresholds", { mention: true });
    await fake.waitFor(() => fake.postedIn(threadId).some((m) => m.content.endsWith("Done.")), 10_000, "the last part");
    const parts = fake.postedIn(threadId);
    expect(code.length).toBeGreaterThan(2000);
    expect(parts.length).toBeGreaterThan(1);
    const lines = parts.flatMap((m) => m.content.split("\n")).filter((l) => l.startsWith("http_req_duration"));
    expect(lines.join("\n")).toBe(code);
    for (const m of parts.filter((p) => p.content.includes("http_req_duration"))) expect(m.content).toMatch(/^(Thresholds:\n\n)?```js\n[\s\S]*\n```(\n\nDone\.)?$/);
  });

  it("resumes after the gateway drops the connection and still answers, missed events included", async () => {
    h = await startHarness({ heartbeatIntervalMs: 150 });
    const { fake } = h;
    const threadId = await openThread(h, "design a chat app");
    await fake.waitFor(() => fake.gateway.heartbeats >= 2, 5000, "two heartbeats");
    const resumed = fake.gateway.nextReady();
    const count = fake.postedIn(threadId).length;
    fake.gateway.drop();
    // Sent while Archie is disconnected: it must arrive through the RESUME replay.
    fake.say("20k concurrent users, $4k/month, go", { channelId: threadId });
    await resumed;
    await fake.waitFor(() => fake.postedIn(threadId).length > count, 20_000, "a reply after the resume");
    expect(fake.gateway.identifies).toHaveLength(1);
    expect(fake.gateway.resumes).toHaveLength(1);
    expect(h.logs.join("\n")).toMatch(/gateway resumed/);
    const replies = fake.postedIn(threadId).slice(count);
    expect(new Set(replies.map((r) => r.content)).size).toBe(replies.length);
  });

  it("honours a 429 (Retry-After) and posts the reply once", async () => {
    h = await startHarness();
    const { fake } = h;
    fake.rateLimitNext("POST", /^\/api\/v10\/channels\/\d+\/messages$/, 0.3);
    const threadId = await openThread(h, "design a food-delivery app for one city");
    const posts = fake.requests.filter((r) => r.method === "POST" && r.path === `/api/v10/channels/${threadId}/messages`);
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(290);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.postedIn(threadId)).toHaveLength(1);
  });

  it("handles bad input with a clear message and ignores bots", async () => {
    h = await startHarness();
    const { fake } = h;
    // Only a mention: nothing to design, so no thread; the answer says what to send.
    fake.say("", { mention: true });
    await fake.waitFor(() => fake.postedIn(fake.channelId).length > 0, 10_000, "a reply in the channel");
    expect(fake.threads()).toHaveLength(0);
    expect(fake.postedIn(fake.channelId)[0]!.content).toMatch(/request is empty/);

    const threadId = await openThread(h, "design a shop");
    const count = fake.postedIn(threadId).length;
    fake.say("x".repeat(5000), { channelId: threadId });
    await fake.waitFor(() => fake.postedIn(threadId).length > count, 10_000, "the too-long reply");
    expect(fake.postedIn(threadId).at(-1)!.content).toMatch(/5,000 characters/);

    // A button that is not Archie's: told so, privately, and nothing else happens.
    fake.click(fake.postedIn(threadId).at(-1)!, "someone-else:123:go");
    await fake.waitFor(() => callbacks(h!).length > 0, 10_000, "the callback");
    expect(callbacks(h)[0]!.body).toMatchObject({ type: 4, data: { flags: 64 } });

    const before = fake.requests.length;
    fake.say("design a bank", { mention: true, author: { ...fake.human, id: "1300000000000000099", bot: true } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.requests.slice(before)).toEqual([]);
  });

  it("answers in the channel, and says why, when it may not start a thread", async () => {
    h = await startHarness();
    const { fake } = h;
    fake.forbidNext("POST", /\/threads$/);
    fake.say("design a chat app", { mention: true });
    await fake.waitFor(() => fake.postedIn(fake.channelId).length > 1, 10_000, "the answer in the channel");
    const [notice, answer] = fake.postedIn(fake.channelId);
    expect(notice!.content).toMatch(/couldn't start a thread.*Create Public Threads/);
    expect(answer!.content).toMatch(/How much traffic|\?/);
    expect(fake.threads()).toHaveLength(0);
    expect(h.logs.join("\n")).toMatch(/Discord API error 403 \(code 50013\)/);
  });

  it("answers a DM in place", async () => {
    h = await startHarness();
    const { fake } = h;
    const dm = "1300000000000000077";
    fake.say("design a chat app for 10k DAU", { channelId: dm, dm: true });
    await fake.waitFor(() => fake.postedIn(dm).length > 0, 10_000, "the DM reply");
    expect(fake.threads()).toHaveLength(0);
  });

  it("without the Message Content intent: connects without it, logs how to enable it and hints once in a thread", async () => {
    h = await startHarness({ disallowMessageContent: true });
    const { fake } = h;
    expect(fake.gateway.identifies.map((i) => (i.intents & (1 << 15)) !== 0)).toEqual([true, false]);
    expect(h.logs.join("\n")).toMatch(/Message Content Intent/);
    const threadId = await openThread(h, "design a chat app");
    const count = fake.postedIn(threadId).length;
    fake.say("", { channelId: threadId });
    await fake.waitFor(() => fake.postedIn(threadId).length > count, 10_000, "the hint");
    expect(fake.postedIn(threadId).at(-1)!.content).toBe(CONTENT_HINT);
    fake.say("", { channelId: threadId });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.postedIn(threadId)).toHaveLength(count + 1);
  });
});
