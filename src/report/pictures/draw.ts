import type { TopLevelSpec } from "vega-lite";
import type { DiagramGraph } from "../../planner/proposal.js";
import type { DiagramOptions } from "./dot.js";
import type { RenderedPicture } from "./picture.js";

/** One picture to draw, as plain data: what a render thread receives and what the cache is keyed by. */
export type Drawing = { kind: "diagram"; graph: DiagramGraph; options: DiagramOptions } | { kind: "chart"; spec: TopLevelSpec };

/**
 * Draws one picture in the calling thread. Graphviz and Vega load on a thread's first drawing
 * of their kind, so a thread that has only drawn diagrams never loads Vega.
 */
export async function draw(drawing: Drawing): Promise<RenderedPicture> {
  if (drawing.kind === "diagram") return (await import("./diagram.js")).renderDiagram(drawing.graph, drawing.options);
  return (await import("./chart.js")).drawChart(drawing.spec);
}
