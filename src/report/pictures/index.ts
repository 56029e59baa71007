import type { Proposal } from "../../planner/proposal.js";
import { renderCostChart } from "./chart.js";
import { renderDiagram } from "./diagram.js";
import { topBottleneckComponent } from "./highlight.js";
import { svgPicture, type Picture } from "./picture.js";

export type { Picture, RenderedPicture } from "./picture.js";
export type { DiagramOptions } from "./dot.js";
export { renderDiagram } from "./diagram.js";
export { renderCostChart } from "./chart.js";
export { componentForBottleneck, topBottleneckComponent } from "./highlight.js";

export type PicturesResult = { ok: true; pictures: Picture[] } | { ok: false; error: string };

/**
 * Every picture for a proposal: diagram.png, diagram.svg, cost-scale.png, cost-scale.svg.
 * Pictures are a bonus to the text reply, so this never throws: on any failure it says why and
 * the caller posts without them.
 */
export async function renderPictures(proposal: Proposal): Promise<PicturesResult> {
  try {
    const graph = proposal.diagram.graph;
    const highlightComponentId = topBottleneckComponent(graph, proposal.bottlenecks);
    const [diagram, chart] = await Promise.all([
      renderDiagram(graph, { title: proposal.title, highlightComponentId }),
      renderCostChart(proposal),
    ]);
    return {
      ok: true,
      pictures: [diagram.png, svgPicture("diagram.svg", diagram.svg), chart.png, svgPicture("cost-scale.svg", chart.svg)],
    };
  } catch (error) {
    return { ok: false, error: `could not draw the pictures: ${error instanceof Error ? error.message : String(error)}` };
  }
}
