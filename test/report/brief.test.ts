import { describe, expect, it } from "vitest";
import { designCommand } from "../../src/commands/design.js";
import { parseRequirements } from "../../src/planner/parse/index.js";
import type { Proposal } from "../../src/planner/proposal.js";
import { buildBrief } from "../../src/report/index.js";

/** The one-shot design's proposal, as `archie design … --json` prints it. */
async function designed(request: string): Promise<Proposal> {
  return JSON.parse((await designCommand(request, { json: true })).stdout) as Proposal;
}

const FOOD_DELIVERY = "food-delivery app for 50k DAU in the EU, growing 20%/mo, budget €4k/month, GDPR";

describe("the brief: a proposal's first reply", () => {
  it("carries the proposal's own figures for a known request", async () => {
    const brief = buildBrief(await designed(FOOD_DELIVERY));
    expect(brief).toMatchObject({
      title: "Architecture for food-delivery app",
      version: 1,
      traffic: "694 RPS at peak, 231 RPS on average",
      cost: "€2,418/month, within the €4,000/month budget (€1,582 to spare)",
      withinBudget: true,
      levers: "5 levers bring it to €2,105/month, within the €4,000/month budget (€1,895 to spare)",
    });
    expect(brief.shape).toBe("Stage 3, Scaled reads and extracted hot paths: modular monolith on 3 × c7g.large behind an ALB, PostgreSQL db.r6g.large Multi-AZ, Kafka");
    expect(brief.bottlenecks[0]).toEqual({ title: "Database primary write capacity", utilisation: "36%", headroom: "×2.3" });
    expect(brief.bottlenecks).toHaveLength(3);
    expect(brief.assumptions.map((a) => a.label)).toEqual(["Connected at peak", "Requests per user per day", "Peak over average", "Reads per write"]);
    expect(brief.assumptions.length + brief.moreAssumptions).toBe(9);
  });

  it("offers, for every assumption it shows, words the parser reads as a new value", async () => {
    const requests = [FOOD_DELIVERY, "a todo app", "chat app for 20k DAU, $3k/month, no kubernetes", "video streaming, 10k hours watched per day", "online store, 800 RPS at peak, use MySQL"];
    let checked = 0;
    for (const request of requests) {
      const proposal = await designed(request);
      for (const assumption of buildBrief(proposal).assumptions) {
        const words = /^“(.+)”$/.exec(assumption.change)?.[1];
        expect(words, assumption.change).toBeDefined();
        expect(parseRequirements(words ?? "", {}).found.length, `${assumption.label}: ${words}`).toBeGreaterThan(0);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("states the stage when the planner gives one", async () => {
    const proposal = await designed(FOOD_DELIVERY);
    const staged = { ...proposal, stage: { rung: 3, name: "Kubernetes", shape: "services on EKS, Postgres primary + replica, Redis" } };
    expect(buildBrief(staged).shape).toBe("Stage 3, Kubernetes: services on EKS, Postgres primary + replica, Redis");
  });
});
