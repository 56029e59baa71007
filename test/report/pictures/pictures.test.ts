import { describe, expect, it } from "vitest";
import type { Proposal } from "../../../src/planner/proposal.js";
import { renderPictures } from "../../../src/report/pictures/index.js";
import { makeProposalFixture } from "../../fixtures/proposal.js";
import { pngStats, svgNodeGroups } from "./image.js";

describe("renderPictures", () => {
  it("returns the diagram and the chart as PNG and SVG", async () => {
    const result = await renderPictures(makeProposalFixture());
    if (!result.ok) throw new Error(result.error);
    expect(result.pictures.map((p) => [p.filename, p.mediaType])).toEqual([
      ["diagram.png", "image/png"],
      ["diagram.svg", "image/svg+xml"],
      ["cost-scale.png", "image/png"],
      ["cost-scale.svg", "image/svg+xml"],
    ]);
    for (const picture of result.pictures) {
      if (picture.mediaType === "image/png") expect(pngStats(picture.data).inked).toBeGreaterThan(0.03);
      else expect(new TextDecoder().decode(picture.data)).toMatch(/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg/);
    }
  });

  it("highlights the component of the top-ranked bottleneck", async () => {
    const result = await renderPictures(makeProposalFixture());
    if (!result.ok) throw new Error(result.error);
    const svg = new TextDecoder().decode(result.pictures.find((p) => p.filename === "diagram.svg")?.data);
    const highlighted = [...svgNodeGroups(svg)].filter(([, group]) => group.includes("top bottleneck")).map(([id]) => id);
    // "postgres-primary-writes" has no component of its own; "postgres" prefixes it.
    expect(highlighted).toEqual(["postgres"]);
  });

  it("reports an edge to a missing node instead of throwing", async () => {
    const broken = makeProposalFixture();
    broken.diagram.graph.edges.push({ from: "api", to: "search", label: "queries" });
    const result = await renderPictures(broken);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('missing node "search"') });
  });

  it("reports input that is not a proposal at all instead of throwing", async () => {
    const result = await renderPictures(JSON.parse("{}") as Proposal);
    expect(result.ok).toBe(false);
  });

  it("reports a chart that cannot be drawn", async () => {
    const broken = makeProposalFixture();
    broken.cost.currency = "XX" as Proposal["cost"]["currency"];
    const result = await renderPictures(broken);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^could not draw the pictures: .*currency/i) });
  });
});
