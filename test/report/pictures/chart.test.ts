import { describe, expect, it } from "vitest";
import type { Proposal } from "../../../src/planner/proposal.js";
import { renderCostChart } from "../../../src/report/pictures/chart.js";
import { makeProposalFixture } from "../../fixtures/proposal.js";
import { pngStats, svgTexts } from "./image.js";

describe("renderCostChart", () => {
  const proposal = makeProposalFixture();

  it("draws a non-blank PNG 1000–1600 px wide", async () => {
    const { png } = await renderCostChart(proposal);
    expect(png).toMatchObject({ filename: "cost-scale.png", mediaType: "image/png" });
    const stats = pngStats(png.data);
    expect([stats.width, stats.height]).toEqual([png.width, png.height]);
    expect(stats.width).toBeGreaterThanOrEqual(1000);
    expect(stats.width).toBeLessThanOrEqual(1600);
    expect(stats.height).toBeLessThanOrEqual(stats.width);
    expect(stats.inked).toBeGreaterThan(0.03);
  });

  it("shows today's and each phase's monthly cost, the budget and the threshold", async () => {
    const texts = svgTexts((await renderCostChart(proposal)).svg);
    expect(texts).toEqual(expect.arrayContaining(["€3,762", "€7,580", "€26,500", "€170,000", "Budget €6,000", "80% threshold"]));
    expect(texts).toEqual(expect.arrayContaining(["Today", "2x", "10x", "100x", "1. PostgreSQL primary writes"]));
    expect(texts).toContain("Monthly cost (EUR, log scale)");
  });

  it("uses the proposal's currency and leaves out the budget rule when there is no budget", async () => {
    const dollars: Proposal = structuredClone(proposal);
    dollars.cost.currency = "USD";
    delete dollars.cost.budget;
    const texts = svgTexts((await renderCostChart(dollars)).svg);
    expect(texts).toContain("$170,000");
    expect(texts.some((t) => t.startsWith("Budget"))).toBe(false);
  });

  it("keeps markup in a bottleneck title as text", async () => {
    const hostile: Proposal = structuredClone(proposal);
    const top = hostile.bottlenecks[0];
    if (top === undefined) throw new Error("fixture has bottlenecks");
    top.title = '<script>alert("x")</script>';
    const { svg } = await renderCostChart(hostile);
    expect(svg).not.toContain("<script");
    expect(svgTexts(svg)).toContain('1. <script>alert("x")</script>');
  });
});
