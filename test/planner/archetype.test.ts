import { describe, expect, it } from "vitest";
import { detectArchetype } from "../../src/planner/parse/index.js";
import type { Archetype } from "../../src/planner/requirements.js";

const CASES: Array<[string, Archetype]> = [
  ["design an online store", "ecommerce"],
  ["a shop with a cart and checkout, flash sales on Fridays", "ecommerce"],
  ["an Amazon-like store for books", "ecommerce"],
  ["a two-sided marketplace", "marketplace"],
  ["connect sellers and buyers of vintage clothes", "marketplace"],
  ["an Etsy-like site for crafts", "marketplace"],
  ["a Slack-like team chat", "chat"],
  ["messaging app like WhatsApp", "chat"],
  ["a feed with followers and posts", "social"],
  ["Instagram-like photo sharing", "social"],
  ["a YouTube-like video platform", "video"],
  ["live video streaming for concerts", "video"],
  ["dashboards over a clickstream events pipeline", "analytics"],
  ["a BI tool for sales teams", "analytics"],
  ["telemetry from a fleet of devices", "iot"],
  ["collect readings from 100k sensors", "iot"],
  ["a multi-tenant B2B CRM", "saas"],
  ["project management software", "saas"],
  ["a wallet and ledger for a neobank", "fintech"],
  ["a stock trading app", "fintech"],
  ["multiplayer game server with matchmaking", "gaming"],
  ["a mobile game with a global leaderboard", "gaming"],
  ["a blog", "content"],
  ["news site on a headless CMS", "content"],
  ["model serving for our LLM", "ml-inference"],
  ["an embeddings and recommendations API", "ml-inference"],
  ["design a food-delivery app", "logistics"],
  ["ride-hailing like Uber", "logistics"],
  ["courier dispatch and fleet tracking", "logistics"],
  ["hotel reservations", "booking"],
  ["book appointments at a dentist", "booking"],
  ["sell event tickets", "booking"],
  ["a URL shortener", "generic"],
  ["something for my team", "generic"],
  // The product named first wins over what it serves.
  ["payments for an online store", "fintech"],
  ["an online store with payments", "ecommerce"],
  // A cue inside a longer one does not count: "news feed" is social, "event streaming" analytics.
  ["a news feed", "social"],
  ["event streaming into a data warehouse", "analytics"],
];

describe("detectArchetype", () => {
  it.each(CASES)("%s → %s", (text, archetype) => {
    expect(detectArchetype(text)).toBe(archetype);
  });

  it("covers every archetype with at least two phrasings", () => {
    const counts = new Map<Archetype, number>();
    for (const [, archetype] of CASES) counts.set(archetype, (counts.get(archetype) ?? 0) + 1);
    expect(counts.size).toBe(15);
    for (const count of counts.values()) expect(count).toBeGreaterThanOrEqual(2);
  });

  it("matches whole words only", () => {
    expect(detectArchetype("a workshop scheduler for cartographers")).not.toBe("ecommerce");
    expect(detectArchetype("chatter about the weather")).toBe("generic");
  });

  it("has nothing to classify in empty text", () => {
    expect(detectArchetype("  <@U123> ")).toBeUndefined();
  });
});
