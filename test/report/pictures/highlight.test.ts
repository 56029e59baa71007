import { describe, expect, it } from "vitest";
import type { Bottleneck, DiagramGraph } from "../../../src/planner/proposal.js";
import { componentForBottleneck, topBottleneckComponent } from "../../../src/report/pictures/highlight.js";

function graphOf(...ids: string[]): DiagramGraph {
  return { nodes: ids.map((id) => ({ id, label: id, type: "server", tier: "application", count: 2, sizing: "" })), edges: [] };
}

function bottleneck(rank: number, id: string): Bottleneck {
  return { rank, id, title: id, severity: "high", signal: "", utilisation: 0.7, fix: "", headroomFactor: 1.1 };
}

describe("componentForBottleneck", () => {
  it("prefers a component with exactly the bottleneck's id", () => {
    expect(componentForBottleneck(graphOf("db", "db-primary"), { id: "db-primary" })).toBe("db-primary");
  });

  it("falls back to the longest component id that prefixes it at a dash", () => {
    expect(componentForBottleneck(graphOf("db", "db-primary", "api"), { id: "db-primary-writes" })).toBe("db-primary");
  });

  it("does not match a prefix that stops inside a word", () => {
    expect(componentForBottleneck(graphOf("post", "api"), { id: "postgres-writes" })).toBeUndefined();
  });
});

describe("topBottleneckComponent", () => {
  it("uses the bottleneck ranked first, whatever the list order", () => {
    const graph = graphOf("api", "postgres");
    expect(topBottleneckComponent(graph, [bottleneck(2, "api-cpu"), bottleneck(1, "postgres-writes")])).toBe("postgres");
  });

  it("highlights nothing when there is no bottleneck or no match", () => {
    expect(topBottleneckComponent(graphOf("api"), [])).toBeUndefined();
    expect(topBottleneckComponent(graphOf("api"), [bottleneck(1, "egress-budget")])).toBeUndefined();
  });
});
