import { describe, expect, it } from "vitest";
import { domainExtras, gaps, isVagueDomain, missingRequired, nextQuestions, stillUnanswered } from "../../src/agent/policy.js";

describe("conversation policy", () => {
  it("needs the domain, any traffic figure and the budget", () => {
    expect(missingRequired({})).toEqual(["domain", "traffic", "budget"]);
    expect(missingRequired({ archetype: "chat", ordersPerDay: 10, budget: { amount: 1, currency: "EUR", period: "month" } })).toEqual([]);
  });

  it("adds what the domain needs", () => {
    expect(domainExtras({ domain: "telehealth visits" }, false)).toEqual(["compliance"]);
    expect(domainExtras({ archetype: "gaming" }, false)).toEqual(["concurrency"]);
    expect(domainExtras({ archetype: "video", videoHoursWatchedPerDay: 5 }, false)).toEqual([]);
    expect(domainExtras({ archetype: "ecommerce" }, true)).toEqual(["spike"]);
  });

  it("asks at most three questions, required ones first, domain ones only once", () => {
    const g = gaps({ archetype: "fintech", domain: "a payments app" }, [], true);
    expect(nextQuestions(g)).toEqual(["traffic", "budget", "compliance"]);
    expect(gaps({ archetype: "fintech", domain: "payments" }, ["compliance"], false).pending).toEqual([]);
  });

  it("forgets a question once it is answered", () => {
    expect(stillUnanswered({ mau: 10 }, ["dau", "budget"])).toEqual(["budget"]);
  });

  it("does not take a generic word for what is being built", () => {
    expect(isVagueDomain("new product")).toBe(true);
    expect(isVagueDomain("app")).toBe(true);
    expect(isVagueDomain("marketplace for vintage guitars")).toBe(false);
  });
});
