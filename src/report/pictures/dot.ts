import type { ComponentType, DiagramGraph, Tier } from "../../planner/proposal.js";
import { TIERS } from "../../planner/proposal.js";
import { dotName, htmlText, quoteId, wrapWords } from "./escape.js";
import { FONT_FAMILY } from "./png.js";

/** Options that change how the graph is drawn, never what it contains. */
export interface DiagramOptions {
  /** The component to mark as the top bottleneck; the caller decides which one that is. */
  highlightComponentId?: string;
  title?: string;
}

/** Top to bottom suits most graphs; left to right suits one with many components in a tier. */
export type Direction = "TB" | "LR";

const TIER_STYLE: Record<Tier, { label: string; fill: string; border: string }> = {
  client: { label: "Clients", fill: "#f3f4f6", border: "#d1d5db" },
  edge: { label: "Edge", fill: "#e0f2fe", border: "#7dd3fc" },
  application: { label: "Application", fill: "#ecfdf5", border: "#6ee7b7" },
  data: { label: "Data", fill: "#fffbeb", border: "#fcd34d" },
  async: { label: "Async", fill: "#f5f3ff", border: "#c4b5fd" },
  operations: { label: "Operations", fill: "#f8fafc", border: "#cbd5e1" },
};

/** Things that hold data are drawn as stores, the convention readers of architecture diagrams expect. */
const STORE_TYPES: ReadonlySet<ComponentType> = new Set(["database", "cache", "search", "object-storage"]);

const HIGHLIGHT = { fill: "#fee2e2", border: "#dc2626", text: "#b91c1c" };

/** Lines longer than this widen every node in the same rank; the value keeps nodes near 3 inches. */
const WRAP_AT = 34;

/**
 * Rejects graphs Graphviz would silently "fix": it creates a bare node for an edge end it has not
 * seen and merges duplicate ids, and either would draw a picture that disagrees with the text.
 */
export function checkGraph(graph: DiagramGraph): void {
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const node of graph.nodes) {
    const name = dotName(node.id);
    if (ids.has(node.id) || names.has(name)) throw new Error(`diagram graph has two nodes with id "${node.id}"`);
    ids.add(node.id);
    names.add(name);
  }
  for (const edge of graph.edges) {
    for (const end of [edge.from, edge.to]) {
      if (!ids.has(end)) throw new Error(`diagram edge ${edge.from} -> ${edge.to} points at missing node "${end}"`);
    }
  }
}

function lines(text: string, attributes: string): string {
  return wrapWords(text, WRAP_AT)
    .map((line) => `<FONT ${attributes}>${htmlText(line)}</FONT>`)
    .join("<BR/>");
}

function nodeStatement(node: DiagramGraph["nodes"][number], highlighted: boolean): string {
  const parts = [`<B>${htmlText(`${node.label} ×${node.count}`)}</B>`];
  if (node.sizing.trim().length > 0) parts.push(lines(node.sizing, 'POINT-SIZE="10" COLOR="#4b5563"'));
  if (highlighted) parts.push(`<FONT POINT-SIZE="10" COLOR="${HIGHLIGHT.text}"><B>▲ top bottleneck</B></FONT>`);
  const attributes = [
    `label=<${parts.join("<BR/>")}>`,
    `shape=${STORE_TYPES.has(node.type) ? "cylinder" : "box"}`,
  ];
  if (highlighted) attributes.push(`fillcolor="${HIGHLIGHT.fill}"`, `color="${HIGHLIGHT.border}"`, "penwidth=2.5");
  return `    ${quoteId(node.id)} [${attributes.join(", ")}];`;
}

/**
 * Writes the component graph as DOT: one cluster per tier, in tier order, laid out in the
 * direction requests flow. Every label is escaped, so the source is safe for any graph text.
 */
export function graphToDot(graph: DiagramGraph, options: DiagramOptions = {}, direction: Direction = "TB"): string {
  checkGraph(graph);
  const out = [
    "digraph architecture {",
    `  graph [rankdir=${direction}, bgcolor="white", pad=0.3, nodesep=0.35, ranksep=0.55, fontname="${FONT_FAMILY}", fontsize=12, fontcolor="#111827"];`,
    `  node [fontname="${FONT_FAMILY}", fontsize=12, fontcolor="#111827", style="rounded,filled", fillcolor="white", color="#4b5563", penwidth=1.2, margin="0.2,0.08"];`,
    `  edge [fontname="${FONT_FAMILY}", fontsize=10, fontcolor="#374151", color="#6b7280", arrowsize=0.7];`,
  ];
  if (options.title !== undefined) {
    out.push(`  label=<<B>${htmlText(options.title)}</B>>; labelloc=t; fontsize=18;`);
  }
  for (const tier of TIERS) {
    const nodes = graph.nodes.filter((n) => n.tier === tier);
    if (nodes.length === 0) continue;
    const style = TIER_STYLE[tier];
    out.push(
      `  subgraph ${quoteId(`cluster_${tier}`)} {`,
      `    label=<<B>${htmlText(style.label)}</B>>; fontsize=12; labeljust=l; style="rounded,filled"; fillcolor="${style.fill}"; color="${style.border}";`,
      ...nodes.map((n) => nodeStatement(n, n.id === options.highlightComponentId)),
      "  }",
    );
  }
  for (const edge of graph.edges) {
    const label = edge.label.length > 0 ? ` [label=<${lines(edge.label, 'POINT-SIZE="10"')}>]` : "";
    out.push(`  ${quoteId(edge.from)} -> ${quoteId(edge.to)}${label};`);
  }
  out.push("}");
  return out.join("\n");
}
