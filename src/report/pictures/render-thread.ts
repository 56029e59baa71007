import { parentPort } from "node:worker_threads";
import { draw, type Drawing } from "./draw.js";
import type { RenderedPicture } from "./picture.js";

/** A task to a render thread, and its answer. */
export interface DrawRequest {
  id: number;
  drawing: Drawing;
}
export type DrawAnswer = { id: number; ok: true; picture: RenderedPicture } | { id: number; ok: false; error: string };

/**
 * The body of a render thread (see pool.ts): draws one picture per message, in order.
 * Graphviz's WebAssembly and Vega load once per thread and serve every drawing after.
 */
parentPort?.on("message", (request: DrawRequest) => {
  draw(request.drawing).then(
    (picture) => parentPort?.postMessage({ id: request.id, ok: true, picture } satisfies DrawAnswer),
    (error: unknown) => parentPort?.postMessage({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies DrawAnswer),
  );
});
