import { afterEach, describe, expect, it } from "vitest";
import { IS_COMPONENTS_V2, referencesIn } from "../../support/fake-discord/components.js";
import type { FakeDiscord, PostedMessage } from "../../support/fake-discord/index.js";
import { startHarness, type Harness } from "./harness.js";

/**
 * What a person sees of a design on Discord, through the real discord.js client against the fake
 * Discord (which refuses what Discord refuses): the first reply is one Components V2 card with
 * the summary, its figures, the diagram and every file; the rest comes as cards on request.
 */

let h: Harness | undefined;
afterEach(async () => {
  if (h) {
    expect(h.fake.refused).toEqual([]);
    await h.stop();
  }
  h = undefined;
});

const REQUEST = "a food-delivery app, 50k DAU, $3k/month";
const FILES = ["diagram.png", "proposal-v1.md", "architecture.mmd", "k6-2x.js", "hpa-2x.yaml", "k6-10x.js", "hpa-10x.yaml", "k6-100x.js", "hpa-100x.yaml"];
const withButton = (label: string) => (m: PostedMessage) => m.buttons.some((b) => b.label === label);

async function designInThread(fake: FakeDiscord): Promise<string> {
  fake.slashDesign(REQUEST);
  await fake.waitFor(() => fake.posted.some(withButton("Show roadmap")), 20_000, "the proposal");
  return fake.threads()[0]!.id;
}

/** The summary card's checks: one V2 message, no content, the figures, every file shown. */
function expectSummaryCard(card: PostedMessage | undefined): void {
  expect(card?.flags).toBe(IS_COMPONENTS_V2);
  expect(card!.content).toBe("");
  expect(card!.components[0]!.type).toBe(17);
  expect(card!.files).toEqual(FILES);
  expect(referencesIn(card!.components)).toEqual(FILES);
  expect(card!.text).toMatch(/^## Architecture for food-delivery app\n> /);
  // Figures the offline model's request computes, end to end.
  expect(card!.text).toContain("- **Peak traffic:** 694 RPS");
  expect(card!.text).toContain("- **Monthly cost:** $4,066/month, over the $3,000/month budget by $1,066");
  expect(card!.text).toMatch(/^ {3}1 {2}Cache memory +medium +43% +×1\.8$/m);
  expect(card!.text).toMatch(/tell me the real figures and I'll revise/);
}

describe("a design on Discord, as Components V2 cards", () => {
  it("the first reply in the thread is one card holding the summary, figures, diagram and files", async () => {
    h = await startHarness();
    const threadId = await designInThread(h.fake);
    const [card, ...rest] = h.fake.postedIn(threadId);
    expectSummaryCard(card);
    // The body as it left discord.js: the flag, no content, and one upload per file.
    const upload = h.fake.requests.find((r) => r.path === `/api/v10/channels/${threadId}/messages` && r.files.length > 0);
    expect(upload?.body?.["flags"]).toBe(IS_COMPONENTS_V2);
    expect(upload?.body).not.toHaveProperty("content");
    expect(upload?.files.map((f) => f.name)).toEqual(FILES);
    // Then the components and the cost, whole, as cards; the buttons under the last.
    expect(rest.map((m) => m.flags)).toEqual(rest.map(() => IS_COMPONENTS_V2));
    expect(rest.map((m) => m.text).join("\n")).toMatch(/^### Components[\s\S]*### Cost/);
    expect(rest.at(-1)!.buttons.map((b) => b.label)).toEqual(["Show roadmap", "Export", "Start over"]);
  });

  it("/design answered in place: the card arrives as the command's follow-up", async () => {
    h = await startHarness();
    const { fake } = h;
    const dm = "1300000000000000088";
    fake.say("hello", { channelId: dm, dm: true });
    await fake.waitFor(() => fake.postedIn(dm).length > 0, 10_000, "the DM reply");
    fake.slashDesign(REQUEST, dm);
    await fake.waitFor(() => fake.postedIn(dm).some(withButton("Show roadmap")), 20_000, "the proposal");
    const followUps = fake.requests.filter((r) => r.method === "POST" && /^\/api\/v10\/webhooks\/\d+\/[^/]+$/.test(r.path));
    const card = followUps.find((r) => r.files.length > 0);
    expect(card?.body?.["flags"]).toBe(IS_COMPONENTS_V2);
    expect(card?.files.map((f) => f.name)).toEqual(FILES);
    expectSummaryCard(fake.postedIn(dm).find((m) => m.files.length > 0));
  });

  it("a section asked for arrives whole, as cards: the roadmap with its chart, every phase", async () => {
    h = await startHarness();
    const { fake } = h;
    const threadId = await designInThread(fake);
    const last = fake.postedIn(threadId).at(-1)!;
    const count = fake.postedIn(threadId).length;
    fake.click(last, last.buttons.find((b) => b.label === "Show roadmap")!.custom_id);
    await fake.waitFor(() => fake.postedIn(threadId).slice(count).some(withButton("Export")), 20_000, "the roadmap");
    const roadmap = fake.postedIn(threadId).slice(count);
    for (const m of roadmap) expect(m.flags).toBe(IS_COMPONENTS_V2);
    expect(roadmap[0]!.files).toEqual(["cost-scale.png"]);
    expect(referencesIn(roadmap[0]!.components)).toEqual(["cost-scale.png"]);
    const text = roadmap.map((m) => m.text).join("\n");
    for (const phase of ["2x", "10x", "100x"]) expect(text).toContain(`### Roadmap: ${phase}`);
    expect(roadmap.at(-1)!.buttons.map((b) => b.label)).toEqual(["Export", "Start over"]);
  });
});
