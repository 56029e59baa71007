import type { Proposal } from "../../planner/proposal.js";
import { createPictureCache, type PictureCache } from "./cache.js";
import { costChartOf } from "./chart.js";
import type { Drawing } from "./draw.js";
import { topBottleneckComponent } from "./highlight.js";
import { svgPicture, type Picture, type RenderedPicture } from "./picture.js";
import { createRenderPool, type RenderPool } from "./pool.js";

export type { Picture, RenderedPicture } from "./picture.js";
export type { DiagramOptions } from "./dot.js";
export { renderDiagram } from "./diagram.js";
export { renderCostChart } from "./chart.js";
export { componentForBottleneck, topBottleneckComponent } from "./highlight.js";

export type PicturesResult = { ok: true; pictures: Picture[] } | { ok: false; error: string };

/** What a proposal's two pictures are drawn from. */
export function drawingsOf(proposal: Proposal): { diagram: Drawing; chart: Drawing } {
  const graph = proposal.diagram.graph;
  const highlightComponentId = topBottleneckComponent(graph, proposal.bottlenecks);
  return {
    diagram: { kind: "diagram", graph, options: { title: proposal.title, ...(highlightComponentId ? { highlightComponentId } : {}) } },
    chart: { kind: "chart", spec: costChartOf(proposal) },
  };
}

export interface PictureRenderer {
  render(proposal: Proposal): Promise<PicturesResult>;
  stats(): { hits: number; misses: number; bytes: number };
  /** Stops the render threads; the next proposal starts them again. */
  close(): Promise<void>;
}

/** Draws proposals' pictures on a pool of threads (started on first use), through a cache by content. */
export function createPictureRenderer(options: { pool?: () => RenderPool; cache?: PictureCache } = {}): PictureRenderer {
  const cache = options.cache ?? createPictureCache();
  const startPool = options.pool ?? (() => createRenderPool());
  let pool: RenderPool | undefined;
  const drawOffThread = (drawing: Drawing): Promise<RenderedPicture> => (pool ??= startPool()).draw(drawing);
  return {
    async render(proposal) {
      try {
        const drawings = drawingsOf(proposal);
        const [diagram, chart] = await Promise.all([cache.get(drawings.diagram, drawOffThread), cache.get(drawings.chart, drawOffThread)]);
        return {
          ok: true,
          pictures: [diagram.png, svgPicture("diagram.svg", diagram.svg), chart.png, svgPicture("cost-scale.svg", chart.svg)],
        };
      } catch (error) {
        return { ok: false, error: `could not draw the pictures: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    stats: () => cache.stats(),
    async close() {
      const closing = pool;
      pool = undefined;
      await closing?.close();
    },
  };
}

const shared = createPictureRenderer();

/**
 * Every picture for a proposal: diagram.png, diagram.svg, cost-scale.png, cost-scale.svg.
 * Drawn on worker threads and cached by content, so an unchanged picture is not drawn again.
 * Pictures are a bonus to the text reply, so this never throws: on any failure it says why and
 * the caller posts without them.
 */
export function renderPictures(proposal: Proposal): Promise<PicturesResult> {
  return shared.render(proposal);
}

/** Pictures served from the cache and pictures drawn, since the process started. */
export function pictureCacheStats(): { hits: number; misses: number; bytes: number } {
  return shared.stats();
}

/** Stops the render threads (a worker shutting down); the next proposal starts them again. */
export function closePictures(): Promise<void> {
  return shared.close();
}
