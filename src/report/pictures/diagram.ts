import type { DiagramGraph } from "../../planner/proposal.js";
import { graphToDot, type DiagramOptions, type Direction } from "./dot.js";
import { graphviz } from "./graphviz.js";
import type { RenderedPicture } from "./picture.js";
import { svgToPng } from "./png.js";

/**
 * Wider than this (width over height), a picture shrunk to a chat client's width has unreadable
 * text, and the graph is laid out left to right instead.
 */
const MAX_ASPECT = 2;

/** Width over height from the size Graphviz writes on the root element. */
function aspect(svg: string): number {
  const size = /<svg width="([\d.]+)pt" height="([\d.]+)pt"/.exec(svg);
  return size === null ? 1 : Number(size[1]) / Math.max(1, Number(size[2]));
}

/** Draws the architecture from the component graph: Graphviz lays out the DOT, resvg rasterises it. */
export async function renderDiagram(graph: DiagramGraph, options: DiagramOptions = {}): Promise<RenderedPicture> {
  const viz = await graphviz();
  const layout = (direction: Direction): string => viz.renderString(graphToDot(graph, options, direction), { format: "svg", engine: "dot" });
  let svg = layout("TB");
  if (aspect(svg) > MAX_ASPECT) {
    // Only graphs with many components side by side pay for the second layout.
    const sideways = layout("LR");
    if (Math.abs(Math.log(aspect(sideways))) < Math.abs(Math.log(aspect(svg)))) svg = sideways;
  }
  return { svg, png: await svgToPng(svg, "diagram.png") };
}
