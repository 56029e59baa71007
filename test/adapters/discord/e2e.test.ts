import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe("Archie on discord.js against a fake Discord", () => {
  it("a mention starts a thread on the message and asks its questions there", async () => {
    h = await startHarness();
    const { fake } = h;
    const messageId = fake.say("design a food-delivery app for one city", { mention: true });
    await fake.waitFor(() => fake.postedIn(messageId).length > 0, 10_000, "a reply in the thread");
    const [thread] = fake.threads();
    expect(thread?.id).toBe(messageId);
    expect(thread?.["name"]).toBe("design a food-delivery app for one city");
    expect(fake.requests.some((r) => r.method === "POST" && r.path === `/api/v10/channels/${messageId}/typing`)).toBe(true);
    const [question] = fake.postedIn(messageId);
    expect(question!.content).toMatch(/How much traffic/);
    expect(question!.components[0]!.components.map((b) => b.label)).toContain("Use assumptions and go");
    expect(question!.allowedMentions).toEqual({ parse: [] });
    expect(fake.postedIn(fake.channelId)).toHaveLength(0);
  });
});
