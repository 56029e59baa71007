import { renderCostChart } from "../src/report/pictures/chart.js";
import { renderDiagram } from "../src/report/pictures/diagram.js";
import { topBottleneckComponent } from "../src/report/pictures/highlight.js";
import { makeProposalFixture } from "../test/fixtures/proposal.js";
import { percentile } from "./stats.js";

const WARM_UP = 3;
const RUNS = 30;


/** Times `render` over RUNS calls after WARM_UP calls (which pay for WebAssembly and font start-up). */
async function time(render: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < WARM_UP; i++) await render();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await render();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/** Render time of the architecture diagram and the cost and scale chart (SVG and PNG each), in ms. */
export async function run(): Promise<Record<string, number>> {
  const proposal = makeProposalFixture();
  const graph = proposal.diagram.graph;
  const highlightComponentId = topBottleneckComponent(graph, proposal.bottlenecks);
  const coldStart = performance.now();
  await renderDiagram(graph, { title: proposal.title, highlightComponentId });
  const diagramFirst = performance.now() - coldStart;
  const diagram = await time(() => renderDiagram(graph, { title: proposal.title, highlightComponentId }));
  const chart = await time(() => renderCostChart(proposal));
  return {
    "pictures.diagram.first": diagramFirst,
    "pictures.diagram.p50": diagram.p50,
    "pictures.diagram.p99": diagram.p99,
    "pictures.chart.p50": chart.p50,
    "pictures.chart.p99": chart.p99,
  };
}
