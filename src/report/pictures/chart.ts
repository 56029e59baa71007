import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { Proposal } from "../../planner/proposal.js";
import { costChartData } from "./chart-data.js";
import { costChartSpec } from "./chart-spec.js";
import type { RenderedPicture } from "./picture.js";
import { svgToPng } from "./png.js";

/** The cost and scale chart of a proposal as a Vega-Lite spec: everything the drawing depends on. */
export function costChartOf(proposal: Proposal): TopLevelSpec {
  return costChartSpec(costChartData(proposal), `${proposal.title}: cost and scale`);
}

/**
 * Draws a chart spec. Vega renders to an SVG string with no DOM (the "none" renderer); resvg
 * rasterises it.
 */
export async function drawChart(chart: TopLevelSpec): Promise<RenderedPicture> {
  const view = new View(parse(compile(chart).spec), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    return { svg, png: await svgToPng(svg, "cost-scale.png") };
  } finally {
    view.finalize();
  }
}

/** Draws cost against budget and bottleneck utilisation across today, 2x, 10x and 100x. */
export function renderCostChart(proposal: Proposal): Promise<RenderedPicture> {
  return drawChart(costChartOf(proposal));
}
