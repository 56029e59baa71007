import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BOT_USER } from "../../support/fake-slack.js";
import { sendEvent, sign } from "../../support/slack-requests.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
  expect(h.fake.violations).toEqual([]);
});

let tsCounter = 0;
const ts = () => `1710000000.${String(++tsCounter).padStart(6, "0")}`;

const mention = (text: string, extra: Record<string, unknown> = {}) => ({
  type: "app_mention",
  user: "U0USER001",
  text: `<@${BOT_USER}> ${text}`,
  ts: ts(),
  channel: "C0CHAN001",
  event_ts: "1",
  ...extra,
});

const posts = (h: Harness) => h.fake.called("chat.postMessage");

describe("Slack app over HTTP (real Bolt, fake Slack)", () => {
  it("answers a mention in the thread of the message, with the working reaction on and then off", async () => {
    const event = mention("design a food delivery app");
    const response = await sendEvent(h.events, event);
    expect(response.status).toBe(200);
    await h.app.idle();
    const replies = posts(h);
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) {
      expect(reply.args.channel).toBe("C0CHAN001");
      expect(reply.args.thread_ts).toBe(event.ts);
    }
    expect(JSON.stringify(replies[0]?.args.blocks)).toContain("traffic");
    const added = h.fake.called("reactions.add");
    const removed = h.fake.called("reactions.remove");
    expect(added).toHaveLength(1);
    expect(added[0]?.args).toMatchObject({ channel: "C0CHAN001", timestamp: event.ts, name: "hourglass_flowing_sand" });
    expect(removed).toHaveLength(1);
    expect(added[0]!.at).toBeLessThanOrEqual(replies[0]!.at);
    expect(removed[0]!.at).toBeGreaterThanOrEqual(replies.at(-1)!.at);
  });

  it("continues a thread it is part of without a mention, and ignores other threads", async () => {
    const root = mention("design a food delivery app, 50k DAU");
    await sendEvent(h.events, root);
    await h.app.idle();
    const before = posts(h).length;

    await sendEvent(h.events, { type: "message", channel_type: "channel", channel: "C0CHAN001", user: "U0USER001", text: "budget is $5k/month, go", ts: ts(), thread_ts: root.ts, parent_user_id: "U0USER001" });
    await h.app.idle();
    const continued = posts(h).slice(before);
    expect(continued.length).toBeGreaterThan(0);
    expect(continued.every((c) => c.args.thread_ts === root.ts)).toBe(true);
    expect(h.fake.uploads.some((u) => u.filename.startsWith("proposal-v1") && u.thread === root.ts)).toBe(true);

    const count = posts(h).length;
    await sendEvent(h.events, { type: "message", channel_type: "channel", channel: "C0CHAN001", user: "U0USER002", text: "unrelated chat", ts: ts(), thread_ts: "1600000000.000001", parent_user_id: "U0USER002" });
    await sendEvent(h.events, { type: "message", channel_type: "channel", channel: "C0CHAN001", user: "U0USER002", text: "top-level chatter", ts: ts() });
    await h.app.idle();
    expect(posts(h).length).toBe(count);
  });

  it("answers DMs without a mention and ignores bots, its own messages, edits and deletions", async () => {
    const dm = { type: "message", channel_type: "im", channel: "D0DM00001", user: "U0USER001", text: "design a chat app", ts: ts() };
    await sendEvent(h.events, dm);
    await h.app.idle();
    expect(posts(h).length).toBeGreaterThan(0);
    expect(posts(h).every((p) => p.args.channel === "D0DM00001" && p.args.thread_ts === dm.ts)).toBe(true);

    const count = posts(h).length;
    await sendEvent(h.events, { ...dm, ts: ts(), bot_id: "B0OTHER01", user: "U0BOT0001" });
    await sendEvent(h.events, { ...dm, ts: ts(), user: BOT_USER });
    await sendEvent(h.events, { type: "message", subtype: "message_changed", channel_type: "im", channel: "D0DM00001", ts: ts(), message: { text: "edited", user: "U0USER001" } });
    await sendEvent(h.events, { type: "message", subtype: "message_deleted", channel_type: "im", channel: "D0DM00001", ts: ts(), deleted_ts: dm.ts });
    await h.app.idle();
    expect(posts(h).length).toBe(count);
  });

  it("replies once to an event Slack retries (same event_id, X-Slack-Retry-Num)", async () => {
    const event = mention("design a marketplace");
    await sendEvent(h.events, event, { eventId: "EvRETRY0001" });
    const retry = await sendEvent(h.events, event, { eventId: "EvRETRY0001", retryNum: 1 });
    expect(retry.status).toBe(200);
    await h.app.idle();
    const once = posts(h).length;
    expect(once).toBeGreaterThan(0);
    await sendEvent(h.events, event, { eventId: "EvRETRY0001", retryNum: 2 });
    await h.app.idle();
    expect(posts(h).length).toBe(once);
    expect(h.fake.called("reactions.add")).toHaveLength(1);
  });

  it("refuses forged and stale signatures with 401 and posts nothing", async () => {
    const forged = await sendEvent(h.events, mention("design a bank"), { signature: "v0=0000000000000000000000000000000000000000000000000000000000000000" });
    expect(forged.status).toBe(401);
    const wrongSecret = await sendEvent(h.events, mention("design a bank"), { secret: "not-the-secret-at-all" });
    expect(wrongSecret.status).toBe(401);
    const stale = await sendEvent(h.events, mention("design a bank"), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.status).toBe(401);
    await h.app.idle();
    expect(posts(h)).toHaveLength(0);
    expect(h.fake.called("reactions.add")).toHaveLength(0);
    expect(sign("x", 1)).toMatch(/^v0=[0-9a-f]{64}$/);
  });

  it("answers GET /healthz", async () => {
    const response = await fetch(`http://127.0.0.1:${h.app.port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("handles a 40,000-character message with a short explanation", async () => {
    const event = mention(`design ${"a very large system ".repeat(2200)}`.slice(0, 40_000));
    await sendEvent(h.events, event);
    await h.app.idle();
    const replies = posts(h);
    expect(replies).toHaveLength(1);
    expect(String(replies[0]?.args.text)).toMatch(/characters/);
  });

  it("never posts a ping back: mentions and special mentions in the user's words are neutralised", async () => {
    const event = mention("design <!channel> <!here> <!everyone> <@U0VICTIM1> <#C0OTHER01|general> <!subteam^S0GROUP01|@oncall> & <script> @channel app");
    await sendEvent(h.events, event);
    await h.app.idle();
    expect(posts(h).length).toBeGreaterThan(0);
    const sent = JSON.stringify(posts(h).map((p) => [p.args.text, p.args.blocks]));
    for (const ping of ["<!channel", "<!here", "<!everyone", "<@U0VICTIM1", "<#C0OTHER01", "<!subteam", "<script>"]) expect(sent).not.toContain(ping);
    expect(sent).not.toMatch(/(?<!\u2060)@channel\b/);
  });
});
