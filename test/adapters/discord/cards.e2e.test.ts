import { afterEach, describe, expect, it } from "vitest";
import { IS_COMPONENTS_V2, referencesIn } from "../../support/fake-discord/components.js";
import type { FakeDiscord, PostedMessage } from "../../support/fake-discord/index.js";
import { startHarness, type Harness } from "./harness.js";

/**
 * What a person sees of a design on Discord, through the real discord.js client against the fake
 * Discord (which refuses what Discord refuses): the first reply is one Components V2 card with
 * the brief with its figures, the pictures and the whole proposal as a file; each part comes as
 * cards on request.
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
const FILES = ["diagram.png", "cost-scale.png", "proposal-v1.md"];
const PART_BUTTONS = ["Show roadmap", "Costs", "Components", "Export", "Start over"];
const withButton = (label: string) => (m: PostedMessage) => m.buttons.some((b) => b.label === label);

async function designInThread(fake: FakeDiscord): Promise<string> {
  fake.slashDesign(REQUEST);
  await fake.waitFor(() => fake.posted.some(withButton("Show roadmap")), 20_000, "the proposal");
  return fake.threads()[0]!.id;
}

/** The first reply's checks: one V2 message, no content, the brief's figures, the pictures and the proposal shown, the parts' buttons. */
function expectSummaryCard(card: PostedMessage | undefined): void {
  expect(card?.flags).toBe(IS_COMPONENTS_V2);
  expect(card!.content).toBe("");
  expect(card!.components[0]!.type).toBe(17);
  expect(card!.files).toEqual(FILES);
  expect(referencesIn(card!.components)).toEqual(FILES);
  expect(card!.buttons.map((b) => b.label)).toEqual(PART_BUTTONS);
  expect(card!.text).toMatch(/^## Architecture for food-delivery app \(v1\)\n+Stage 3, /);
  // Figures the offline model computes for this request, end to end.
  expect(card!.text).toContain("Stage 3, Scaled reads and extracted hot paths: modular monolith on 3 × c7g.large behind an ALB, PostgreSQL db.r6g.large Multi-AZ, Kafka");
  expect(card!.text).toContain("- **Peak traffic:** 694 RPS at peak, 231 RPS on average");
  expect(card!.text).toContain("- **Monthly cost:** $2,428/month, within the $3,000/month budget ($572 to spare)");
  expect(card!.text).toContain("1. Database primary write capacity: 36% used, ×2.3 headroom before 80%");
  expect(card!.text).toContain("- **Peak over average:** 3x — say “traffic spikes to 6x at peak” to change it");
  expect(card!.text).not.toContain("### ");
}

describe("a design on Discord, as Components V2 cards", () => {
  it("the first reply in the thread is one card: the brief with its figures, the pictures, the whole proposal, the parts' buttons", async () => {
    h = await startHarness();
    const threadId = await designInThread(h.fake);
    const posted = h.fake.postedIn(threadId);
    expect(posted).toHaveLength(1);
    expectSummaryCard(posted[0]);
    // The body as it left discord.js: the flag, no content, and one upload per file.
    const upload = h.fake.requests.find((r) => r.path === `/api/v10/channels/${threadId}/messages` && r.files.length > 0);
    expect(upload?.body?.["flags"]).toBe(IS_COMPONENTS_V2);
    expect(upload?.body).not.toHaveProperty("content");
    expect(upload?.files.map((f) => f.name)).toEqual(FILES);
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

  it.each([
    { label: "Show roadmap", picture: "cost-scale.png", headings: ["### Roadmap: 2x", "### Roadmap: 10x", "### Roadmap: 100x"], next: ["Costs", "Components", "Full proposal (.md)", "Export"] },
    { label: "Costs", picture: "cost-scale.png", headings: ["### Cost"], next: ["Show roadmap", "Components", "Full proposal (.md)", "Export"] },
    { label: "Components", picture: "diagram.png", headings: ["### Components", "### Technology stack"], next: ["Show roadmap", "Costs", "Full proposal (.md)", "Export"] },
  ])("$label, asked for with its button, arrives whole as cards in the thread, its picture first", async ({ label, picture, headings, next }) => {
    h = await startHarness();
    const { fake } = h;
    const threadId = await designInThread(fake);
    const [card] = fake.postedIn(threadId);
    fake.click(card!, card!.buttons.find((b) => b.label === label)!.custom_id);
    await fake.waitFor(() => fake.postedIn(threadId).length > 1 && fake.postedIn(threadId).at(-1)!.buttons.length > 0, 20_000, label);
    const part = fake.postedIn(threadId).slice(1);
    for (const m of part) expect(m.flags).toBe(IS_COMPONENTS_V2);
    expect(part[0]!.files).toEqual([picture]);
    expect(referencesIn(part[0]!.components)).toEqual([picture]);
    const text = part.map((m) => m.text).join("\n");
    for (const heading of headings) expect(text).toContain(heading);
    expect(part.at(-1)!.buttons.map((b) => b.label)).toEqual(next);
    expect(part.slice(0, -1).every((m) => m.buttons.length === 0)).toBe(true);
  });

  it("a part asked for in words: the costs, every line item and the total", async () => {
    h = await startHarness();
    const { fake } = h;
    const threadId = await designInThread(fake);
    fake.say("show costs", { channelId: threadId });
    await fake.waitFor(() => fake.postedIn(threadId).length > 1 && fake.postedIn(threadId).at(-1)!.buttons.length > 0, 20_000, "the costs");
    const text = fake.postedIn(threadId).slice(1).map((m) => m.text).join("\n");
    expect(text).toMatch(/^## Costs — Architecture for food-delivery app \(v1\)/);
    expect(text).toContain("- **Total:** $2,428/month");
    expect(text).toContain("- **Budget:** $3,000/month");
  });

  it("a revision is one card too, saying what changed first", async () => {
    h = await startHarness();
    const { fake } = h;
    const threadId = await designInThread(fake);
    fake.say("budget is $5k/month", { channelId: threadId });
    await fake.waitFor(() => fake.postedIn(threadId).some((m) => m.files.includes("proposal-v2.md")), 20_000, "the revision");
    const revision = fake.postedIn(threadId).slice(1);
    expect(revision).toHaveLength(1);
    expect(revision[0]!.flags).toBe(IS_COMPONENTS_V2);
    expect(revision[0]!.texts[0]).toMatch(/^\*\*What changed in v2\*\*\n- .*Budget/);
    expect(revision[0]!.files).toEqual(["diagram.png", "cost-scale.png", "proposal-v2.md"]);
  });
});
