import type { Component, Diagram, Edge, Tier } from "./proposal.js";
import { TIERS } from "./proposal.js";

const TIER_TITLES: Record<Tier, string> = {
  client: "Clients",
  edge: "Edge",
  application: "Application",
  data: "Data",
  async: "Async",
  operations: "Operations",
};

const label = (c: Component) => `${c.name} ×${c.count}`;

/** One graph, two text renderings: an indented tree by tier, and Mermaid with a subgraph per tier. */
export function buildDiagram(components: Component[], edges: Edge[]): Diagram {
  const nodes = components.map((c) => ({ id: c.id, label: c.name, type: c.type, tier: c.tier, count: c.count, sizing: c.sizing }));
  return { text: textTree(components, edges), mermaid: mermaid(components, edges), graph: { nodes, edges } };
}

function textTree(components: Component[], edges: Edge[]): string {
  const byId = new Map(components.map((c) => [c.id, c]));
  const lines: string[] = [];
  for (const tier of TIERS) {
    const inTier = components.filter((c) => c.tier === tier);
    if (inTier.length === 0) continue;
    lines.push(`[${TIER_TITLES[tier]}]`);
    for (const c of inTier) {
      lines.push(`  ${label(c)}`);
      const out = edges.filter((e) => e.from === c.id);
      out.forEach((e, i) => {
        const to = byId.get(e.to);
        if (!to) return;
        lines.push(`    ${i === out.length - 1 ? "└─" : "├─"}> ${to.name}${e.label ? `  (${e.label})` : ""}`);
      });
    }
  }
  return lines.join("\n");
}

const mermaidId = (id: string) => id.replace(/[^A-Za-z0-9_]/g, "_");
const mermaidText = (s: string) => s.replace(/["<>]/g, "");

function mermaid(components: Component[], edges: Edge[]): string {
  const lines = ["graph TB"];
  for (const tier of TIERS) {
    const inTier = components.filter((c) => c.tier === tier);
    if (inTier.length === 0) continue;
    lines.push(`  subgraph ${tier}["${TIER_TITLES[tier]}"]`);
    for (const c of inTier) {
      const text = mermaidText(label(c));
      const store = c.type === "database" || c.type === "cache" || c.type === "search" || c.type === "object-storage";
      lines.push(store ? `    ${mermaidId(c.id)}[("${text}")]` : `    ${mermaidId(c.id)}["${text}"]`);
    }
    lines.push("  end");
  }
  for (const e of edges) {
    lines.push(e.label ? `  ${mermaidId(e.from)} -->|"${mermaidText(e.label)}"| ${mermaidId(e.to)}` : `  ${mermaidId(e.from)} --> ${mermaidId(e.to)}`);
  }
  return lines.join("\n");
}
