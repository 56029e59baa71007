import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Drawing } from "./draw.js";
import type { RenderedPicture } from "./picture.js";
import type { DrawAnswer, DrawRequest } from "./render-thread.js";

export interface RenderPool {
  draw(drawing: Drawing): Promise<RenderedPicture>;
  /** Lets the drawings under way and queued finish, then stops the threads. */
  close(): Promise<void>;
}

export interface RenderPoolOptions {
  /** The thread's module (default: render-thread beside this file); tests pass one that fails on purpose. */
  module?: URL;
  /** Default: one per core, at most 4 (each holds Graphviz and Vega, about 60 MB). */
  threads?: number;
}

/** render-thread.ts from sources (npm start, tests), render-thread.js once compiled (dist/). */
const THREAD_MODULE = new URL(`./render-thread.${import.meta.url.endsWith(".ts") ? "ts" : "js"}`, import.meta.url);

/**
 * A thread of the given module. Compiled JavaScript loads directly; TypeScript sources load
 * through tsx, registered by a one-line bootstrap, because Node 20 ignores `--import` in a
 * worker's execArgv.
 */
function startThread(module: URL): Worker {
  if (!module.href.endsWith(".ts")) return new Worker(module);
  const tsx = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

interface Pending {
  id: number;
  drawing: Drawing;
  resolve(picture: RenderedPicture): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  task?: Pending;
}

/**
 * Draws pictures on worker threads, so a burst of proposals never holds up the event loop
 * (Slack's 3 s acknowledgements inline, BullMQ's lock renewals in a worker). Threads start as
 * drawings arrive, one drawing each at a time, and an idle thread does not keep the process
 * alive. A thread that dies fails only the drawing it held, and the next drawing starts a new one.
 * (Piscina would do this, but it cannot load a TypeScript thread module on Node 20.)
 */
export function createRenderPool(options: RenderPoolOptions = {}): RenderPool {
  const module = options.module ?? THREAD_MODULE;
  const size = Math.max(1, options.threads ?? Math.min(4, availableParallelism()));
  const threads = new Set<Thread>();
  const queue: Pending[] = [];
  const drained: (() => void)[] = [];
  let nextId = 0;
  let closed = false;

  function settle(thread: Thread): Pending | undefined {
    const task = thread.task;
    thread.task = undefined;
    thread.worker.unref();
    return task;
  }

  function spawn(): Thread {
    const thread: Thread = { worker: startThread(module) };
    thread.worker.on("message", (answer: DrawAnswer) => {
      if (thread.task?.id !== answer.id) return;
      const task = settle(thread);
      if (answer.ok) task?.resolve(answer.picture);
      else task?.reject(new Error(answer.error));
      pump();
    });
    // An uncaught error ends the thread: it leaves the pool at once, so no drawing is handed to it before it exits.
    thread.worker.on("error", (error) => {
      threads.delete(thread);
      settle(thread)?.reject(error);
      pump();
    });
    thread.worker.on("exit", (code) => {
      threads.delete(thread);
      settle(thread)?.reject(new Error(`the render thread stopped (exit code ${code})`));
      pump();
    });
    threads.add(thread);
    return thread;
  }

  function pump(): void {
    while (queue.length > 0) {
      const thread = [...threads].find((t) => t.task === undefined) ?? (threads.size < size ? spawn() : undefined);
      if (!thread) return;
      const task = queue.shift() as Pending;
      thread.task = task;
      thread.worker.ref();
      thread.worker.postMessage({ id: task.id, drawing: task.drawing } satisfies DrawRequest);
    }
    if ([...threads].every((t) => t.task === undefined)) for (const done of drained.splice(0)) done();
  }

  return {
    draw(drawing) {
      if (closed) return Promise.reject(new Error("the render pool is closed"));
      return new Promise<RenderedPicture>((resolve, reject) => {
        queue.push({ id: nextId++, drawing, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      if (queue.length > 0 || [...threads].some((t) => t.task !== undefined)) await new Promise<void>((resolve) => drained.push(resolve));
      await Promise.all([...threads].map((t) => t.worker.terminate()));
    },
  };
}
