import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderPictures } from "../../../src/report/pictures/index.js";
import { BOT_USER, TEAM, type StoredMessage } from "../../support/fake-slack.js";
import { buttonLabels, buttonOf } from "../../support/slack-blocks.js";
import { buttonPress, sendEvent, sendInteraction } from "../../support/slack-requests.js";
import { startHarness, type Harness } from "./harness.js";

/** Summary first on Slack: the brief with the diagram and buttons, each part on request in the same thread. */

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ pictures: renderPictures });
});
afterEach(async () => {
  await h.close();
  expect(h.fake.violations).toEqual([]);
});

const ROOT = "1750000000.000001";
const headers = (messages: readonly StoredMessage[]) =>
  messages.flatMap((m) => ((m.blocks ?? []) as { type: string; text?: { text: string } }[]).flatMap((b) => (b.type === "header" ? [b.text?.text ?? ""] : [])));

async function press(label: string, on: StoredMessage): Promise<StoredMessage[]> {
  const before = h.fake.messages.length;
  await sendInteraction(h.events, buttonPress(TEAM, buttonOf(on.blocks, label), on.ts));
  await h.app.idle();
  return h.fake.messages.slice(before);
}

describe("a design's replies on Slack (real Bolt, fake Slack)", () => {
  it("answers first with the summary, its diagram and buttons; each part arrives on request in the thread", async () => {
    await sendEvent(h.events, { type: "app_mention", user: "U0USER001", text: `<@${BOT_USER}> design a marketplace for 20k daily users on $3k/month`, ts: ROOT, channel: "C0CHAN001" });
    await h.app.idle();
    const first = h.fake.messages.filter((m) => m.thread_ts === ROOT);
    expect(first).toHaveLength(1);
    const [summary] = first as [StoredMessage];
    expect(headers(first)).toEqual(["Architecture for marketplace (v1)"]);
    const shown = JSON.stringify(summary.blocks);
    expect(shown).toContain("40.5 RPS at peak");
    expect(shown).toContain("$556/month, within the $3,000/month budget");
    expect(shown).toContain("*First limits*");
    expect(shown).toContain("*Assumed*");
    expect(buttonLabels(summary.blocks)).toEqual(["Show roadmap", "Costs", "Components", "Full proposal (canvas)", "Export", "Start over"]);
    // The diagram is the picture that goes with the summary, uploaded right after it.
    expect(h.fake.uploads[0]).toMatchObject({ filename: "diagram.png", thread: ROOT, comment: "Architecture diagram, v1" });
    expect(h.fake.uploads[0]!.bytes).toBeGreaterThan(1_000);

    const costs = await press("Costs", summary);
    expect(costs.every((m) => m.thread_ts === ROOT)).toBe(true);
    expect(headers(costs)[0]).toBe("Costs — Architecture for marketplace (v1)");
    expect(JSON.stringify(costs.map((m) => m.blocks))).toContain("$556");
    expect(buttonLabels(costs.at(-1)?.blocks)).toEqual(["Show roadmap", "Components", "Full proposal (canvas)", "Export"]);

    const components = await press("Components", summary);
    expect(headers(components)[0]).toBe("Components — Architecture for marketplace (v1)");
    expect(JSON.stringify(components.map((m) => m.blocks))).toContain('"type":"table"');

    const roadmap = await press("Show roadmap", summary);
    expect(headers(roadmap)[0]).toBe("Roadmap — Architecture for marketplace (v1)");
    expect(headers(roadmap).some((t) => t.includes("10x"))).toBe(true);

    const full = await press("Full proposal (canvas)", summary);
    expect(h.fake.canvases).toHaveLength(1);
    expect(full.some((m) => m.text === "Architecture for marketplace: the whole proposal v1 as a canvas")).toBe(true);
    // Real pictures are drawn for each part, which takes a while on a busy machine.
  }, 90_000);
});
