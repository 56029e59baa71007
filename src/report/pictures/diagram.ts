import type { DiagramGraph } from "../../planner/proposal.js";
import { graphToDot, type DiagramOptions } from "./dot.js";
import { graphviz } from "./graphviz.js";
import type { RenderedPicture } from "./picture.js";
import { pngWidth, svgToPng, svgWidth } from "./png.js";

/** Draws the architecture from the component graph: Graphviz lays out the DOT, resvg rasterises it. */
export async function renderDiagram(graph: DiagramGraph, options: DiagramOptions = {}): Promise<RenderedPicture> {
  const dot = graphToDot(graph, options);
  const viz = await graphviz();
  const svg = viz.renderString(dot, { format: "svg", engine: "dot" });
  return { svg, png: svgToPng(svg, "diagram.png", pngWidth(svgWidth(svg))) };
}
