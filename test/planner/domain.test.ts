import { describe, expect, it } from "vitest";
import { extractDomain } from "../../src/planner/parse/index.js";

describe("extractDomain", () => {
  it.each<[string, string | undefined]>([
    ["design a food-delivery app for 50k DAU", "food-delivery app"],
    ["<@U123> design a chat app for 10k concurrent users", "chat app"],
    ["<@!123456> <#C1|general> build an online store with flash sales", "online store"],
    ["<!channel> <!here> @everyone @here design a two-sided marketplace, EU only", "two-sided marketplace"],
    ["Can you design the architecture for a ride-hailing service in the US?", "ride-hailing service"],
    ["We need a booking system for hotels", "booking system for hotels"],
    ["/design video streaming platform 10k hours watched per day", "video streaming platform"],
    ["budget is $2k", undefined],
    ["use MySQL", undefined],
    ["make it 50k", undefined],
    ["what if we go EU-only?", undefined],
  ])("%s → %s", (text, domain) => {
    expect(extractDomain(text)).toBe(domain);
  });

  it("never returns a mention", () => {
    const domain = extractDomain("design <@U999> a <#C42> payments gateway @here for shops");
    expect(domain).toBeDefined();
    expect(domain).not.toMatch(/<[@#!]|@here|@everyone/);
  });

  it("keeps to 200 characters", () => {
    const domain = extractDomain(`design a ${"very ".repeat(100)}big app`);
    expect(domain?.length).toBeLessThanOrEqual(200);
    expect(domain).toMatch(/^very very/);
  });
});
