import { describe, expect, it } from "vitest";
import { MAX_THREAD_NAME, neutraliseMentions, stripMentions, threadName } from "../../../../src/adapters/discord/render/safe.js";

describe("neutraliseMentions", () => {
  it("breaks @everyone and @here so they cannot ping", () => {
    const out = neutraliseMentions("ping @everyone and @here, and @Here too");
    expect(out).not.toMatch(/@(everyone|here)/i);
    expect(out.replace(/\u200b/g, "")).toBe("ping @everyone and @here, and @Here too");
  });

  it("leaves other text alone", () => {
    expect(neutraliseMentions("mail me at a@b.com")).toBe("mail me at a@b.com");
  });
});

describe("stripMentions", () => {
  it("removes user, nickname, role, channel and command mentions", () => {
    expect(stripMentions("<@123456789012345678> design <@!42> a <@&7> shop in <#99> via </design:123>")).toBe("design a shop in via");
  });
});

describe("threadName", () => {
  it("is the request without mentions, on one line", () => {
    expect(threadName("<@123456789012345678>   design a\nfood-delivery app")).toBe("design a food-delivery app");
  });

  it("is at most 100 characters, cut with an ellipsis", () => {
    const name = threadName(`design ${"a very large marketplace ".repeat(10)}`);
    expect(Array.from(name).length).toBeLessThanOrEqual(MAX_THREAD_NAME);
    expect(name.endsWith("…")).toBe(true);
  });

  it("never pings and never comes out empty", () => {
    expect(threadName("@everyone look")).not.toMatch(/@everyone/);
    expect(threadName("<@123456789012345678>")).toBe("Architecture design");
  });
});
