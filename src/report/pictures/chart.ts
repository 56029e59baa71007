import { parse, View } from "vega";
import { compile } from "vega-lite";
import type { Proposal } from "../../planner/proposal.js";
import { costChartData } from "./chart-data.js";
import { costChartSpec } from "./chart-spec.js";
import type { RenderedPicture } from "./picture.js";
import { pngWidth, svgToPng, svgWidth } from "./png.js";

/**
 * Draws cost against budget and bottleneck utilisation across today, 2x, 10x and 100x.
 * Vega renders to an SVG string with no DOM (the "none" renderer); resvg rasterises it.
 */
export async function renderCostChart(proposal: Proposal): Promise<RenderedPicture> {
  const spec = compile(costChartSpec(costChartData(proposal), `${proposal.title}: cost and scale`)).spec;
  const view = new View(parse(spec), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    return { svg, png: svgToPng(svg, "cost-scale.png", pngWidth(svgWidth(svg))) };
  } finally {
    view.finalize();
  }
}
