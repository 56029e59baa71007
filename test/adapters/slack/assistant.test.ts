import { AIMessage, fakeModel } from "langchain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FOLLOW_UP_PROMPTS, GREETING, SUGGESTED_PROMPTS } from "../../../src/adapters/slack/blocks/assistant.js";
import { STARTED_STATUS } from "../../../src/adapters/slack/thread-status.js";
import { BOT_USER, TEAM } from "../../support/fake-slack.js";
import { sendEvent } from "../../support/slack-requests.js";
import { assistantMessage, assistantThreadStarted } from "../../support/slack-assistant.js";
import { startHarness, type Harness } from "./harness.js";

/** Slack's AI-app surface over HTTP: the real Bolt Assistant, the offline model, a fake Slack. */

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
  expect(h.fake.violations).toEqual([]);
});

const DM = "D0DM00001";
let tsCounter = 0;
const ts = () => `1730000000.${String(++tsCounter).padStart(6, "0")}`;
const posts = () => h.fake.called("chat.postMessage");

describe("Archie's AI-app pane (real Bolt Assistant over HTTP, fake Slack)", () => {
  it("greets a user who opens the pane and suggests prompts, once even when Slack delivers the event again", async () => {
    const thread = ts();
    const started = assistantThreadStarted(DM, thread);
    expect((await sendEvent(h.events, started, { eventId: "EvOPEN0001" })).status).toBe(200);
    await h.app.idle();
    expect(h.fake.assistantThreads.get(`${DM}:${thread}`)?.prompts).toEqual({ title: "Try one of these", prompts: SUGGESTED_PROMPTS });
    expect(SUGGESTED_PROMPTS.map((p) => p.title)).toEqual(["Design a marketplace for 20k daily users on $3k/month", "Size my current system: …", "What breaks first at 10x?"]);
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.args).toMatchObject({ channel: DM, thread_ts: thread, text: GREETING });

    await sendEvent(h.events, started, { eventId: "EvOPEN0001", retryNum: 1 });
    await h.app.idle();
    expect(posts()).toHaveLength(1);
    expect(h.fake.called("assistant.threads.setSuggestedPrompts")).toHaveLength(1);
  });

  it("shows a loading status through the turn's steps, clears it after the reply and titles the thread after the design", async () => {
    const thread = ts();
    await sendEvent(h.events, assistantMessage(DM, thread, ts(), SUGGESTED_PROMPTS[0].message));
    await h.app.idle();
    const replies = posts();
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => r.args.channel === DM && r.args.thread_ts === thread)).toBe(true);

    const statuses = h.fake.called("assistant.threads.setStatus");
    const said = statuses.map((s) => s.args.status);
    expect(said[0]).toBe(STARTED_STATUS);
    expect(said.slice(1, -1)).toContain("is sizing the components and pricing them…");
    expect(said.at(-1)).toBe("");
    expect(statuses[0]?.args).toMatchObject({ channel_id: DM, thread_ts: thread, loading_messages: expect.any(Array) });
    // The status is up before the first message and cleared only once the last one is out.
    expect(statuses[0]!.at).toBeLessThanOrEqual(replies[0]!.at);
    expect(statuses.at(-1)!.at).toBeGreaterThanOrEqual(replies.at(-1)!.at);
    expect(h.fake.assistantThreads.get(`${DM}:${thread}`)?.title).toBe("Architecture for marketplace");
    expect(h.fake.assistantThreads.get(`${DM}:${thread}`)?.prompts).toEqual({ title: "Ask about this design", prompts: FOLLOW_UP_PROMPTS });
    // The pane has its own indicator: no ⏳ on the user's message.
    expect(h.fake.called("reactions.add")).toHaveLength(0);
  });

  it("with a hosted model, the status follows each tool the model calls", async () => {
    await h.close();
    const model = fakeModel()
      .respondWithTools([{ name: "update_requirements", args: { statement: "a marketplace for 20k daily users on $3k/month" } }])
      .respondWithTools([{ name: "design", args: {} }])
      .respond(new AIMessage("The search cluster is the part to watch."));
    h = await startHarness({ model });
    const thread = ts();
    await sendEvent(h.events, assistantMessage(DM, thread, ts(), SUGGESTED_PROMPTS[0].message));
    await h.app.idle();
    expect(model.callCount).toBe(3);
    // A step that comes while the previous status call is still out replaces the one waiting, so
    // a fast model may skip one; the last tool's status always shows before the clear.
    const statuses = h.fake.assistantThreads.get(`${DM}:${thread}`)?.statuses ?? [];
    expect(statuses[0]).toBe(STARTED_STATUS);
    expect(statuses.slice(1)).toEqual([...statuses.slice(1, -2), "is sizing the components and pricing them…", ""]);
  });

  it("answers each follow-up prompt about the design in the thread", async () => {
    const thread = ts();
    await sendEvent(h.events, assistantMessage(DM, thread, ts(), SUGGESTED_PROMPTS[0].message));
    await h.app.idle();
    const heads: string[] = [];
    for (const prompt of FOLLOW_UP_PROMPTS) {
      const before = h.fake.messages.length;
      await sendEvent(h.events, assistantMessage(DM, thread, ts(), prompt.message));
      await h.app.idle();
      const reply = h.fake.messages.slice(before);
      expect(reply.every((m) => m.thread_ts === thread)).toBe(true);
      heads.push(reply[0]?.text ?? "");
    }
    expect(heads[0]).toMatch(/^Roadmap — Architecture for marketplace \(v1\)/);
    expect(heads[1]).toMatch(/^Costs — Architecture for marketplace \(v1\)/);
    expect(heads[2]).toBe("What changed in v2");
  });

  it("clears the status of a turn that asks a question, and names no thread before there is a design", async () => {
    const thread = ts();
    await sendEvent(h.events, assistantMessage(DM, thread, ts(), SUGGESTED_PROMPTS[2].message));
    await h.app.idle();
    expect(JSON.stringify(posts()[0]?.args.blocks)).toContain("What are you building?");
    expect(h.fake.assistantThreads.get(`${DM}:${thread}`)?.statuses.at(-1)).toBe("");
    expect(h.fake.called("assistant.threads.setTitle")).toHaveLength(0);
  });

  it("still replies when the workspace refuses the status, and ignores other bots in the pane", async () => {
    h.fake.failNext("assistant.threads.setStatus", { error: "not_allowed" });
    const thread = ts();
    await sendEvent(h.events, { ...assistantMessage(DM, thread, ts(), "design a chat app"), bot_id: "B0OTHER01" });
    await sendEvent(h.events, assistantMessage(DM, thread, ts(), "design a chat app"));
    await h.app.idle();
    expect(posts().length).toBeGreaterThan(0);
    expect(h.logs.join("\n")).toContain("could not show the thread status: not_allowed");
    expect(h.fake.called("assistant.threads.setStatus").at(-1)?.args.status).toBe("");
  });

  it("leaves Archie's messages alone when the user moves around Slack with the pane open", async () => {
    const thread = ts();
    await sendEvent(h.events, assistantThreadStarted(DM, thread));
    await h.app.idle();
    const changed = { ...assistantThreadStarted(DM, thread, "C0OTHER01"), type: "assistant_thread_context_changed" };
    expect((await sendEvent(h.events, changed)).status).toBe(200);
    await h.app.idle();
    expect(h.fake.called("chat.update")).toHaveLength(0);
    expect(h.fake.called("conversations.replies")).toHaveLength(0);
  });

  it("keeps top-level DMs and channel threads on their usual path", async () => {
    await sendEvent(h.events, { type: "message", channel_type: "im", channel: DM, user: "U0USER001", text: "design a chat app", ts: ts() });
    await sendEvent(h.events, { type: "app_mention", user: "U0USER001", text: `<@${BOT_USER}> design a chat app`, ts: ts(), channel: "C0CHAN001", team: TEAM });
    await h.app.idle();
    expect(h.fake.called("reactions.add")).toHaveLength(2);
    expect(h.fake.called("assistant.threads.setStatus")).toHaveLength(0);
  });
});
