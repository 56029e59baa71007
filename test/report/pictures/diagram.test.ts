import { describe, expect, it } from "vitest";
import { renderDiagram } from "../../../src/report/pictures/diagram.js";
import { makeProposalFixture } from "../../fixtures/proposal.js";
import { pngStats, svgNodeGroups, svgTexts } from "./image.js";

describe("renderDiagram", () => {
  const graph = makeProposalFixture().diagram.graph;

  it("draws a legible, non-blank PNG 1000–1600 px wide", async () => {
    const { png } = await renderDiagram(graph, { title: "Chat app" });
    expect(png).toMatchObject({ filename: "diagram.png", mediaType: "image/png" });
    const stats = pngStats(png.data);
    expect(stats.width).toBe(png.width);
    expect(stats.height).toBe(png.height);
    expect(stats.width).toBeGreaterThanOrEqual(1000);
    expect(stats.width).toBeLessThanOrEqual(1600);
    expect(stats.height).toBeLessThanOrEqual(stats.width * 2);
    expect(stats.inked).toBeGreaterThan(0.03);
  });

  it("lays a graph with many components per tier out sideways rather than too wide to read", async () => {
    const wide = structuredClone(graph);
    for (let i = 0; i < 16; i++) {
      wide.nodes.push({ id: `svc-${i}`, label: `Service ${i}`, type: "server", tier: i % 2 ? "application" : "data", count: 3, sizing: "m7g.large" });
      wide.edges.push({ from: "alb", to: `svc-${i}`, label: "HTTP" });
    }
    const { svg, png } = await renderDiagram(wide);
    const stats = pngStats(png.data);
    expect(stats.width).toBeLessThanOrEqual(1600);
    expect(stats.width / stats.height).toBeLessThanOrEqual(2);
    expect(svgNodeGroups(svg).size).toBe(wide.nodes.length);
  });

  it("labels every component with its name, count and sizing", async () => {
    const texts = svgTexts((await renderDiagram(graph)).svg);
    for (const node of graph.nodes) {
      expect(texts).toContain(`${node.label} ×${node.count}`);
      expect(texts.join(" ")).toContain(node.sizing);
    }
    for (const edge of graph.edges) expect(texts).toContain(edge.label);
    expect(texts).toEqual(expect.arrayContaining(["Clients", "Edge", "Application", "Data", "Async", "Operations"]));
  });

  it("draws data stores as cylinders and marks only the highlighted component", async () => {
    const { svg } = await renderDiagram(graph, { highlightComponentId: "postgres" });
    const groups = svgNodeGroups(svg);
    const group = (id: string): string => groups.get(id) ?? "";
    expect([...groups.keys()].sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(group("postgres")).toContain("top bottleneck");
    expect(group("postgres")).toContain("#dc2626");
    expect(svg.match(/top bottleneck/g)).toHaveLength(1);
    const stores = new Set(["database", "cache", "search", "object-storage"]);
    for (const node of graph.nodes) {
      // A rounded box is one outline; a cylinder is its outline plus the front arc of its lid.
      expect(group(node.id).match(/<path /g), node.id).toHaveLength(stores.has(node.type) ? 2 : 1);
    }
  });

  it("marks nothing when no component is highlighted", async () => {
    expect((await renderDiagram(graph)).svg).not.toContain("top bottleneck");
  });
});
