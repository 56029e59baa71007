import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BOT_USER, TEAM, WORKSPACE_URL } from "../../support/fake-slack.js";
import { buttonOf } from "../../support/slack-blocks.js";
import { buttonPress, sendEvent, sendInteraction } from "../../support/slack-requests.js";
import { startHarness, type Harness } from "./harness.js";

/** The whole proposal as a canvas, and the Markdown file with the reason where Slack refuses one. */

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
  expect(h.fake.violations).toEqual([]);
});

let tsCounter = 0;
const ts = () => `1740000000.${String(++tsCounter).padStart(6, "0")}`;
const REQUEST = "design a marketplace for 20k daily users on $3k/month";

/** A design in a channel thread, then a press of its summary's "Full proposal (canvas)" button. */
async function designInChannel(): Promise<string> {
  const root = ts();
  await sendEvent(h.events, { type: "app_mention", user: "U0USER001", text: `<@${BOT_USER}> ${REQUEST}`, ts: root, channel: "C0CHAN001" });
  await h.app.idle();
  const summary = h.fake.messages.find((m) => m.thread_ts === root && JSON.stringify(m.blocks).includes("Full proposal (canvas)"));
  if (!summary) throw new Error("the summary has no Full proposal (canvas) button");
  await sendInteraction(h.events, buttonPress(TEAM, buttonOf(summary.blocks, "Full proposal (canvas)"), summary.ts));
  await h.app.idle();
  return root;
}

/** A design in a DM thread, then asking for the whole proposal in words. */
async function designInDm(thread = ts()): Promise<string> {
  await sendEvent(h.events, { type: "message", channel_type: "im", channel: "D0DM00001", user: "U0USER001", text: REQUEST, ts: thread });
  await h.app.idle();
  await askInDm(thread, "full proposal");
  return thread;
}

async function askInDm(thread: string, text: string): Promise<void> {
  await sendEvent(h.events, { type: "message", channel_type: "im", channel: "D0DM00001", user: "U0USER001", text, ts: ts(), thread_ts: thread });
  await h.app.idle();
}

const threadPosts = (thread: string) => h.fake.messages.filter((m) => m.thread_ts === thread);
/** The Markdown files sent in place of a canvas (the first reply's own file aside). */
const markdownUploads = () => h.fake.uploads.filter((u) => u.filename.endsWith(".md") && u.comment?.includes("no canvas"));

describe("the whole proposal as a canvas (real Bolt, fake Slack)", () => {
  it("creates the canvas from the proposal's Markdown, shares it with the conversation and links it in the thread", async () => {
    const root = await designInChannel();
    expect(h.fake.canvases).toHaveLength(1);
    const [canvas] = h.fake.canvases;
    expect(canvas?.title).toBe("Architecture for marketplace");
    expect(canvas?.markdown).toMatch(/^# Architecture for marketplace\n/);
    expect(canvas?.markdown).toContain("## Summary");
    expect(canvas?.sharedWith).toEqual(["C0CHAN001"]);
    expect(h.fake.called("canvases.access.set")[0]?.args).toMatchObject({ access_level: "read", channel_ids: ["C0CHAN001"] });
    const link = threadPosts(root).find((m) => JSON.stringify(m.blocks).includes("/docs/"));
    expect(JSON.stringify(link?.blocks)).toContain(`<${WORKSPACE_URL}docs/${TEAM}/${canvas?.id}|Architecture for marketplace>`);
    expect(link?.text).toBe("Architecture for marketplace: the whole proposal v1 as a canvas");
    expect(markdownUploads()).toEqual([]);
  });

  it("falls back to the Markdown file, saying why, when the plan refuses a canvas in a shared channel", async () => {
    h.fake.freePlan = true;
    const root = await designInChannel();
    expect(h.fake.canvases).toEqual([]);
    // A free plan allows only a conversation's own canvas; Archie does not take a channel's for one thread.
    expect(h.fake.called("conversations.canvases.create")).toHaveLength(0);
    expect(markdownUploads()).toEqual([
      {
        filename: "proposal-v1.md",
        bytes: expect.any(Number),
        channel: "C0CHAN001",
        thread: root,
        comment: "The whole proposal v1 as Markdown: no canvas, because this workspace's Slack plan only allows a conversation's own canvas, and this conversation is shared.",
      },
    ]);
    expect(markdownUploads()[0]!.bytes).toBeGreaterThan(10_000);
  });

  it("on a free plan, uses the DM's own canvas tab once, then falls back to the file for the next version", async () => {
    h.fake.freePlan = true;
    const thread = await designInDm();
    expect(h.fake.canvases.map((c) => ({ tabOf: c.tabOf, title: c.title }))).toEqual([{ tabOf: "D0DM00001", title: "Architecture for marketplace" }]);
    expect(markdownUploads()).toEqual([]);
    expect(JSON.stringify(threadPosts(thread).map((m) => m.blocks))).toContain(`${WORKSPACE_URL}docs/${TEAM}/${h.fake.canvases[0]?.id}`);

    await askInDm(thread, "budget is really $2k");
    await askInDm(thread, "the whole proposal");
    expect(h.fake.canvases).toHaveLength(1);
    expect(markdownUploads().map((u) => [u.filename, u.comment])).toEqual([
      ["proposal-v2.md", "The whole proposal v2 as Markdown: no canvas, because this conversation already has the one canvas this workspace's Slack plan allows."],
    ]);
  });

  it.each([
    ["missing_scope", "Archie's Slack app lacks the canvases:write permission (reinstall it from manifest.yml to add it)"],
    ["not_allowed", "this workspace does not allow Archie to create canvases"],
    ["free_team_not_allowed", "this workspace's Slack plan does not let apps create canvases"],
    ["canvas_creation_failed", "Slack refused to create it (canvas_creation_failed)"],
  ])("states the reason when canvases.create answers %s", async (error, reason) => {
    h.fake.failNext("canvases.create", { error });
    const root = await designInChannel();
    expect(markdownUploads()).toEqual([expect.objectContaining({ filename: "proposal-v1.md", thread: root, comment: `The whole proposal v1 as Markdown: no canvas, because ${reason}.` })]);
    expect(h.logs.join("\n")).toContain(`proposal v1 goes out as a file instead of a canvas: ${reason}`);
  });

  it("falls back to the file when the canvas cannot be shared with the conversation", async () => {
    h.fake.failNext("canvases.access.set", { error: "restricted_action" });
    await designInChannel();
    expect(markdownUploads().map((u) => u.comment)).toEqual(["The whole proposal v1 as Markdown: no canvas, because this workspace does not allow Archie to create canvases."]);
  });
});
