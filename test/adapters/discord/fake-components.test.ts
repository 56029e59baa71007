import { DiscordAPIError, Routes, type REST } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRest } from "../../../src/adapters/discord/client.js";
import { APPLICATION_ID, FakeDiscord, TOKEN } from "../../support/fake-discord/index.js";

/**
 * The fake Discord refuses, as Discord does, the messages Discord refuses: so a test that passes
 * against it means Discord would have taken what Archie sent. Sent through discord.js's REST client.
 */

let fake: FakeDiscord;
let rest: REST;
beforeEach(async () => {
  fake = await FakeDiscord.start();
  rest = createRest({ token: TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl });
});
afterEach(async () => {
  await fake.close();
});

const V2 = 1 << 15;
const textDisplay = (content: string) => ({ type: 10, content });
const container = (...components: unknown[]) => ({ type: 17, components });
const button = (i: number) => ({ type: 2, style: 2, label: `B${i}`, custom_id: `archie:1:b${i}` });

async function send(body: Record<string, unknown>, files: string[] = []): Promise<DiscordAPIError | "posted"> {
  try {
    await rest.post(Routes.channelMessages(fake.channelId), {
      body: { ...body, ...(files.length ? { attachments: files.map((filename, id) => ({ id, filename })) } : {}) },
      files: files.map((name) => ({ name, data: Buffer.from(name) })),
    });
    return "posted";
  } catch (error) {
    if (error instanceof DiscordAPIError) return error;
    throw error;
  }
}

async function refusal(body: Record<string, unknown>, files: string[] = []): Promise<string> {
  const result = await send(body, files);
  if (result === "posted") throw new Error("the fake posted a message Discord refuses");
  expect(result.status).toBe(400);
  expect(result.code).toBe(50035);
  return result.message;
}

describe("the fake Discord checks messages as Discord does", () => {
  it("posts a Components V2 message with a container, gallery, files and buttons", async () => {
    const body = {
      flags: V2,
      components: [
        container(textDisplay("## Shop"), { type: 12, items: [{ media: { url: "attachment://diagram.png" } }] }, { type: 14, divider: true, spacing: 1 }, { type: 13, file: { url: "attachment://proposal-v1.md" } }),
        { type: 1, components: [button(1), button(2)] },
      ],
    };
    expect(await send(body, ["diagram.png", "proposal-v1.md"])).toBe("posted");
    const [posted] = fake.postedIn(fake.channelId);
    expect(posted).toMatchObject({ flags: V2, content: "", texts: ["## Shop"], files: ["diagram.png", "proposal-v1.md"] });
    expect(posted!.buttons.map((b) => b.label)).toEqual(["B1", "B2"]);
  });

  it("refuses content or embeds with the V2 flag", async () => {
    expect(await refusal({ flags: V2, content: "hello", components: [textDisplay("x")] })).toMatch(/content.*IS_COMPONENTS_V2/);
    expect(await refusal({ flags: V2, embeds: [{ title: "x" }], components: [textDisplay("x")] })).toMatch(/embeds/);
  });

  it("refuses more than 40 components, counted with the nested ones", async () => {
    // 1 container + 9 rows of 4 buttons (45) at most 10 children: over 40 only by counting inside.
    const rows = Array.from({ length: 9 }, (_, r) => ({ type: 1, components: Array.from({ length: 4 }, (_, i) => button(r * 4 + i)) }));
    expect(await refusal({ flags: V2, components: [container(...rows)] })).toMatch(/at most 40 components \(this one has 46\)/);
  });

  it("refuses more than 4,000 characters of text across the message", async () => {
    expect(await refusal({ flags: V2, components: [container(textDisplay("a".repeat(2500)), textDisplay("b".repeat(1501)))] })).toMatch(/at most 4000 characters \(this one has 4001\)/);
    expect(await send({ flags: V2, components: [container(textDisplay("a".repeat(2500)), textDisplay("b".repeat(1500)))] })).toBe("posted");
  });

  it("refuses a file or picture that names an attachment the message does not carry", async () => {
    expect(await refusal({ flags: V2, components: [{ type: 13, file: { url: "attachment://proposal-v1.md" } }] }, ["proposal-v2.md"])).toMatch(/No attachment named proposal-v1\.md/);
    expect(await refusal({ flags: V2, components: [{ type: 12, items: [{ media: { url: "attachment://diagram.png" } }] }] })).toMatch(/No attachment named diagram\.png/);
    expect(await refusal({ flags: V2, components: [{ type: 13, file: { url: "https://example.com/a.md" } }] })).toMatch(/only attachment:/);
  });

  it("refuses V2 components without the flag, and components where their type does not belong", async () => {
    expect(await refusal({ content: "hi", components: [container(textDisplay("x"))] })).toMatch(/type 17 is not allowed/);
    expect(await refusal({ flags: V2, components: [container(button(1))] })).toMatch(/type 2 is not allowed/);
    expect(await refusal({ flags: V2, components: [{ type: 1, components: Array.from({ length: 6 }, (_, i) => button(i)) }] })).toMatch(/between 1 and 5/);
  });

  it("refuses plain content over 2,000 characters, and an empty message", async () => {
    expect(await refusal({ content: "x".repeat(2001) })).toMatch(/2000 or fewer/);
    expect(await refusal({ content: "" })).toMatch(/empty message/);
    expect(fake.posted).toEqual([]);
    expect(fake.refused.length).toBeGreaterThan(0);
  });
});
