import { afterEach, describe, expect, it } from "vitest";
import { renderPictures } from "../../../src/report/pictures/index.js";
import { BOT_USER, TEAM } from "../../support/fake-slack.js";
import { buttonPress, designFormSubmission, sendCommand, sendEvent, sendInteraction } from "../../support/slack-requests.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
afterEach(async () => {
  await h.close();
  expect(h.fake.violations).toEqual([]);
});

const posts = (h: Harness) => h.fake.called("chat.postMessage");

function command(h: Harness, text: string) {
  return sendCommand(h.events, {
    text,
    user_id: "U0USER001",
    user_name: "dana",
    channel_id: "C0CHAN001",
    channel_name: "architecture",
    trigger_id: "1337.42.trigger",
    response_url: `${h.fake.url}/respond/cmd`,
  });
}

/** The button a message carries, by label. */
function button(message: { args: Record<string, unknown> } | undefined, label: string): { action_id: string; value: string } {
  const blocks = (message?.args.blocks ?? []) as { type: string; elements?: { text: { text: string }; action_id: string; value: string }[] }[];
  const found = blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : [])).find((e) => e.text.text === label);
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

function click(h: Harness, pressed: { action_id: string; value: string }, messageTs: string) {
  return sendInteraction(h.events, buttonPress(TEAM, pressed, messageTs));
}

describe("/design, the form and buttons (real Bolt, fake Slack)", () => {
  it("/design <request> acks at once, posts a neutralised root message and continues in its thread", async () => {
    h = await startHarness();
    const started = Date.now();
    const response = await command(h, "food-delivery app <!channel>, 50k DAU, $5k/month");
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    await h.app.idle();
    const [root, ...thread] = posts(h);
    expect(root?.args.thread_ts).toBeUndefined();
    expect(String(root?.args.text)).toMatch(/^Architecture design: food-delivery app @\u2060channel, 50k DAU, \$5k\/month — requested by <@U0USER001>$/);
    const rootTs = h.fake.messages[0]?.ts;
    expect(thread.length).toBeGreaterThan(0);
    expect(thread.every((p) => p.args.thread_ts === rootTs && p.args.channel === "C0CHAN001")).toBe(true);

    // Archie posted the root, so a reply there needs no mention.
    const before = posts(h).length;
    await sendEvent(h.events, { type: "message", channel_type: "channel", channel: "C0CHAN001", user: "U0USER001", text: "go", ts: "1710000100.000001", thread_ts: rootTs, parent_user_id: BOT_USER });
    await h.app.idle();
    expect(posts(h).length).toBeGreaterThan(before);
  });

  it("/design help answers privately in the acknowledgement; /design alone opens the form", async () => {
    h = await startHarness();
    const help = await command(h, "help");
    expect(JSON.parse(help.body)).toMatchObject({ response_type: "ephemeral" });
    expect(help.body).toContain("/design");
    await command(h, "");
    await h.app.idle();
    expect(posts(h)).toHaveLength(0);
    const opened = h.fake.called("views.open");
    expect(opened).toHaveLength(1);
    expect(opened[0]?.args.trigger_id).toBe("1337.42.trigger");
    expect(JSON.stringify(opened[0]?.args.view)).toContain("archie_design");
  });

  it("a submitted form starts the thread the same way; a missing field is shown inline", async () => {
    h = await startHarness();
    const view = (values: Record<string, string>) => designFormSubmission(TEAM, values, { view: "V0001", trigger: "1.2.3" });
    const invalid = await sendInteraction(h.events, view({ what: "a booking site", traffic: "", budget: "$3k/month" }));
    expect(JSON.parse(invalid.body)).toMatchObject({ response_action: "errors", errors: { traffic: expect.any(String) } });
    await h.app.idle();
    expect(posts(h)).toHaveLength(0);

    await sendInteraction(h.events, view({ what: "a booking site", traffic: "20k DAU", budget: "$3k/month", notes: "EU only" }));
    await h.app.idle();
    const [root, ...thread] = posts(h);
    expect(String(root?.args.text)).toContain("Architecture design: a booking site. Traffic: 20k DAU. Budget: $3k/month. EU only");
    expect(thread.length).toBeGreaterThan(0);
    expect(thread.every((p) => p.args.thread_ts === h.fake.messages[0]?.ts)).toBe(true);
  });

  it("a button acts in its thread like typing its words; a revision posts what changed first", async () => {
    h = await startHarness();
    await sendEvent(h.events, { type: "app_mention", user: "U0USER001", text: `<@${BOT_USER}> design a food delivery app`, ts: "1710000200.000001", channel: "C0CHAN001" });
    await h.app.idle();
    const question = posts(h).at(-1);
    const before = posts(h).length;
    await click(h, button(question, "Use assumptions and go"), h.fake.messages.at(-1)!.ts);
    await h.app.idle();
    const proposal = posts(h).slice(before);
    expect(proposal.length).toBeGreaterThan(0);
    expect(proposal.every((p) => p.args.thread_ts === "1710000200.000001")).toBe(true);
    expect(JSON.stringify(proposal[0]?.args.blocks)).toContain('"type":"header"');
    expect(h.fake.uploads.map((u) => u.filename)).toContain("proposal-v1.md");

    const summary = proposal.find((p) => JSON.stringify(p.args.blocks).includes("Show roadmap"));
    const beforeRoadmap = posts(h).length;
    await click(h, button(summary, "Show roadmap"), "1710000200.000009");
    await h.app.idle();
    expect(JSON.stringify(posts(h).slice(beforeRoadmap).map((p) => p.args.blocks))).toContain("Roadmap: 10x");

    const beforeRevision = posts(h).length;
    await sendEvent(h.events, { type: "message", channel_type: "channel", channel: "C0CHAN001", user: "U0USER001", text: "budget is really $2k", ts: "1710000300.000001", thread_ts: "1710000200.000001", parent_user_id: "U0USER001" });
    await h.app.idle();
    const revision = posts(h).slice(beforeRevision);
    expect(String(revision[0]?.args.text)).toBe("What changed in v2");
  });

  it("uploads the diagram with the summary and the chart with the proposal file", async () => {
    h = await startHarness({ pictures: renderPictures });
    await sendEvent(h.events, { type: "app_mention", user: "U0USER001", text: `<@${BOT_USER}> design a chat app, 20k DAU, $3k/month, go`, ts: "1710000400.000001", channel: "C0CHAN001" });
    await h.app.idle();
    const names = h.fake.uploads.map((u) => u.filename);
    expect(names).toEqual(expect.arrayContaining(["diagram.png", "proposal-v1.md", "cost-scale.png"]));
    expect(h.fake.uploads.every((u) => u.thread === "1710000400.000001" && u.bytes > 0)).toBe(true);
    expect(h.fake.called("upload").length).toBe(h.fake.uploads.length);
  });

  it("honours a 429's Retry-After and retries a post whose fate is unknown without posting it twice", async () => {
    h = await startHarness();
    h.fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    await sendEvent(h.events, { type: "app_mention", user: "U0USER001", text: `<@${BOT_USER}> design a food delivery app`, ts: "1710000500.000001", channel: "C0CHAN001" });
    await h.app.idle();
    const attempts = posts(h);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
    expect(h.fake.messages).toHaveLength(1);

    h.fake.failNext("chat.postMessage", { status: 500, afterWork: true });
    await sendEvent(h.events, { type: "message", channel_type: "channel", channel: "C0CHAN001", user: "U0USER001", text: "50k DAU", ts: "1710000500.000002", thread_ts: "1710000500.000001", parent_user_id: "U0USER001" });
    await h.app.idle();
    expect(h.fake.called("conversations.replies").length).toBeGreaterThan(0);
    const texts = h.fake.messages.map((m) => m.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(h.fake.messages).toHaveLength(2);
  });
});
