import type { Bottleneck, DiagramGraph } from "../../planner/proposal.js";

/**
 * The component a bottleneck is about. Bottleneck ids name a resource ("postgres-primary-writes")
 * and usually start with their component's id, so the rule is: the node whose id equals the
 * bottleneck id; otherwise the node with the longest id that prefixes it at a "-" boundary
 * ("postgres" for "postgres-primary-writes", but not "post"), so a short id never wins over a
 * more specific one; otherwise none.
 */
export function componentForBottleneck(graph: DiagramGraph, bottleneck: Pick<Bottleneck, "id">): string | undefined {
  const exact = graph.nodes.find((n) => n.id === bottleneck.id);
  if (exact !== undefined) return exact.id;
  let best: string | undefined;
  for (const node of graph.nodes) {
    if (bottleneck.id.startsWith(`${node.id}-`) && node.id.length > (best?.length ?? 0)) best = node.id;
  }
  return best;
}

/** The component of the top-ranked bottleneck, or none when it matches no component. */
export function topBottleneckComponent(graph: DiagramGraph, bottlenecks: readonly Bottleneck[]): string | undefined {
  const top = bottlenecks.reduce<Bottleneck | undefined>((best, b) => (best === undefined || b.rank < best.rank ? b : best), undefined);
  return top === undefined ? undefined : componentForBottleneck(graph, top);
}
