import { describe, expect, it } from "vitest";
import { fontFiles, SUBSET_CHARACTERS } from "../../../src/report/pictures/fonts.js";
import { renderCostChart, renderDiagram } from "../../../src/report/pictures/index.js";
import { svgToPng } from "../../../src/report/pictures/png.js";
import { makeProposalFixture } from "../../fixtures/proposal.js";
import { pngStats, svgTexts } from "./image.js";

/** One line of text in the pictures' font, as an SVG of its own. */
function textSvg(text: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="10" y="45" font-family="DejaVu Sans" font-size="40">${text}</text></svg>`;
}

describe("picture fonts", () => {
  it("lists the subsets before the full fonts", async () => {
    const files = await fontFiles();
    expect(files).toHaveLength(4);
    expect(files.slice(0, 2).every((file) => /archie-fonts-[0-9a-f]+\/subset-\d\.ttf$/.test(file))).toBe(true);
    expect(files.slice(2).every((file) => file.includes("dejavu-fonts-ttf"))).toBe(true);
  });

  it("covers every character the example proposal's pictures write", async () => {
    const proposal = makeProposalFixture();
    const svgs = [(await renderDiagram(proposal.diagram.graph, { title: proposal.title })).svg, (await renderCostChart(proposal)).svg];
    const written = new Set(svgs.flatMap((svg) => svgTexts(svg)).join(""));
    expect([...written].filter((character) => !SUBSET_CHARACTERS.includes(character))).toEqual([]);
  });

  it("draws characters outside the subset with the full font", async () => {
    expect(SUBSET_CHARACTERS).not.toContain("Ж");
    // Each glyph drawn inks the picture; a missing one leaves it blank.
    const stats = pngStats((await svgToPng(textSvg("ЖЖЖ"), "cyrillic.png")).data);
    expect(stats.inked).toBeGreaterThan(0.02);
  });
});
