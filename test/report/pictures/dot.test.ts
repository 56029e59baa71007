import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DiagramGraph } from "../../../src/planner/proposal.js";
import { checkGraph, graphToDot } from "../../../src/report/pictures/dot.js";
import { dotName } from "../../../src/report/pictures/escape.js";
import { graphviz } from "../../../src/report/pictures/graphviz.js";
import { makeProposalFixture } from "../../fixtures/proposal.js";
import { svgTexts } from "./image.js";

/** Graphviz's own reading of the DOT: node names (clusters excluded) and edges as "from -> to". */
async function parsed(dot: string): Promise<{ nodes: string[]; edges: string[] }> {
  const viz = await graphviz();
  const json = viz.renderJSON(dot) as {
    objects?: { name: string; nodes?: number[] }[];
    edges?: { tail: number; head: number }[];
  };
  const objects = json.objects ?? [];
  // Clusters come first in "objects" and list their member nodes; real nodes have no "nodes".
  const names = objects.map((o) => (o.nodes === undefined ? o.name : undefined));
  return {
    nodes: names.filter((n): n is string => n !== undefined),
    edges: (json.edges ?? []).map((e) => `${names[e.tail] ?? "?"} -> ${names[e.head] ?? "?"}`),
  };
}

function edgeKeys(graph: DiagramGraph): string[] {
  return graph.edges.map((e) => `${e.from} -> ${e.to}`);
}

function node(id: string, label: string): DiagramGraph["nodes"][number] {
  return { id, label, type: "server", tier: "application", count: 2, sizing: label };
}

describe("graphToDot", () => {
  it("keeps every node and edge of the proposal graph, with the same ids", async () => {
    const graph = makeProposalFixture().diagram.graph;
    const result = await parsed(graphToDot(graph, { title: "Chat", highlightComponentId: "postgres" }));
    expect(result.nodes.sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(result.edges.sort()).toEqual(edgeKeys(graph).sort());
  });

  it("groups nodes by tier in one cluster each", () => {
    const dot = graphToDot(makeProposalFixture().diagram.graph);
    for (const tier of ["client", "edge", "application", "data", "async", "operations"]) {
      expect(dot.match(new RegExp(`subgraph "cluster_${tier}"`, "g"))).toHaveLength(1);
    }
  });

  it("keeps quotes, backslashes and angle brackets as text in ids and labels", async () => {
    const hostile = 'say "hi" \\N <script>alert(1)</script> & </B>>';
    const graph: DiagramGraph = {
      nodes: [node(hostile, hostile), node("b", "plain")],
      edges: [{ from: hostile, to: "b", label: hostile }],
    };
    const dot = graphToDot(graph);
    const result = await parsed(dot);
    const name = 'say "hi" \u29f5N <script>alert(1)</script> & </B>>';
    expect(result.nodes.sort()).toEqual([name, "b"].sort());
    expect(result.edges).toEqual([`${name} -> b`]);
    const svg = (await graphviz()).renderString(dot, { format: "svg" });
    expect(svg).not.toContain("<script");
    // The label is text: its markup is shown as typed and "\N" is not expanded to the node name.
    expect(svgTexts(svg)).toContain(`${hostile} ×2`);
  });

  it("round-trips any ids and labels through Graphviz", async () => {
    const text = fc.string({ minLength: 1, maxLength: 24, unit: "binary" });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(text, { minLength: 2, maxLength: 5 }), text, async (ids, label) => {
        fc.pre(new Set(ids.map(dotName)).size === ids.length);
        const graph: DiagramGraph = {
          nodes: ids.map((id) => node(id, label)),
          edges: ids.slice(1).map((id, i) => ({ from: ids[i] ?? id, to: id, label })),
        };
        const result = await parsed(graphToDot(graph));
        expect(result.nodes.sort()).toEqual(ids.map(dotName).sort());
        expect(result.edges.sort()).toEqual(graph.edges.map((e) => `${dotName(e.from)} -> ${dotName(e.to)}`).sort());
      }),
      { numRuns: 60 },
    );
  });

  it("shows any printable label exactly as written", async () => {
    const viz = await graphviz();
    // Printable text with single inner spaces: Graphviz, like any text renderer, trims and collapses whitespace.
    const label = fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.trim().replace(/ +/g, " ")).filter((s) => s.length > 0);
    await fc.assert(
      fc.asyncProperty(label, async (text) => {
        const svg = viz.renderString(graphToDot({ nodes: [node("a", text)], edges: [] }), { format: "svg" });
        expect(svgTexts(svg)).toContain(`${text} ×2`);
      }),
      { numRuns: 60 },
    );
  });
});

describe("checkGraph", () => {
  it("rejects an edge to a node that does not exist", () => {
    const graph: DiagramGraph = { nodes: [node("a", "A")], edges: [{ from: "a", to: "ghost", label: "" }] };
    expect(() => checkGraph(graph)).toThrow(/missing node "ghost"/);
  });

  it("rejects two ids that Graphviz would read as one name", () => {
    const graph: DiagramGraph = { nodes: [node("a\nb", "A"), node("a b", "B")], edges: [] };
    expect(() => checkGraph(graph)).toThrow(/two nodes/);
  });

  it("rejects two nodes with one id", () => {
    const graph: DiagramGraph = { nodes: [node("a", "A"), node("a", "B")], edges: [] };
    expect(() => checkGraph(graph)).toThrow(/two nodes with id "a"/);
  });
});
