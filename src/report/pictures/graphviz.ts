import { instance, type Viz } from "@viz-js/viz";

let shared: Promise<Viz> | undefined;

/**
 * The one Graphviz instance. Compiling its WebAssembly is the slow part of drawing a diagram,
 * so it is done once per process; a failed start is forgotten so the next call can try again.
 */
export function graphviz(): Promise<Viz> {
  if (shared === undefined) {
    shared = instance().catch((error: unknown) => {
      shared = undefined;
      throw error;
    });
  }
  return shared;
}
