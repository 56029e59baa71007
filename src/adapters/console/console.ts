import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import type { DrawPictures } from "../../agent/material.js";
import { createConfiguredConversation } from "../../agent/models.js";
import type { Reply } from "../../agent/types.js";
import type { Config } from "../../config.js";
import { createInProcessQueue } from "../../jobs/in-process.js";
import { createMemoryStore, createStore } from "../../state/index.js";
import type { ThreadKey } from "../../state/types.js";
import { wrap } from "./terminal/layout.js";
import { createConsoleScreen } from "./terminal/screen.js";
import { createStyle } from "./terminal/style.js";

export interface ConsoleIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export interface ConsoleOptions {
  /** No terminal styling even on a terminal (it is always off when the output is not one). */
  plain?: boolean;
  /** Where each version's folder of files goes. */
  outDir?: string;
  /** Draws the pictures (the report's renderer unless a test replaces it). */
  draw?: DrawPictures;
}

/** The width used when the output is not a terminal (a pipe or a file). */
const PIPE_WIDTH = 100;
export const DEFAULT_OUT_DIR = "archie-out";

const GREETING = 'Archie here. Tell me what you are building (e.g. "a food-delivery app, 50k DAU, $5k/month").\nAsk for a part any time: "show costs", "components", "bottlenecks", "roadmap", "all". "exit" leaves.';

/**
 * An interactive thread in the terminal, through the same conversation service as the
 * platforms. A proposal arrives as its brief; parts come when asked for, and each version's
 * files are written to a folder the reply names. Resolves when the user leaves (Ctrl-C, Ctrl-D or "exit").
 */
export async function runConsole(config: Config, io: ConsoleIO = { input: process.stdin, output: process.stdout }, options: ConsoleOptions = {}): Promise<void> {
  const store = config.redisUrl ? createStore({ redisUrl: config.redisUrl }) : createMemoryStore();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const service = createConfiguredConversation(config, { store, log });
  const key: ThreadKey = { platform: "console", workspace: "local", channel: "terminal", thread: randomUUID() };
  const tty = "isTTY" in io.output && io.output.isTTY === true;
  const style = createStyle(tty && options.plain !== true);
  const width = () => (tty && "columns" in io.output && typeof io.output.columns === "number" && io.output.columns > 0 ? io.output.columns : PIPE_WIDTH);
  const rl = createInterface({ input: io.input, output: io.output, terminal: tty });
  const write = (text: string) => io.output.write(`${text}\n`);

  const screen = createConsoleScreen({ width, style, outDir: options.outDir ?? DEFAULT_OUT_DIR, log, ...(options.draw ? { draw: options.draw } : {}) });
  const show = async (reply: Reply) => write(await screen.render(reply));

  write(GREETING.split("\n").flatMap((line) => wrap(line, width())).join("\n"));
  let closed = false;
  const done = new Promise<void>((resolve) => rl.once("close", () => ((closed = true), resolve())));
  // readline sees Ctrl-C on a terminal; a piped stdin gets the signal at the process instead.
  const leave = () => rl.close();
  rl.on("SIGINT", leave);
  process.once("SIGINT", leave);
  rl.setPrompt("you> ");
  rl.prompt();

  // The same queue interface the platforms use, run in this process: lines typed while Archie
  // works wait their turn (one thread, so strictly in order), and a failed turn is retried.
  const queue = createInProcessQueue(service, {
    deliver: async (_turn, reply) => {
      await show(reply);
      if (!closed) rl.prompt();
    },
    notifyFailure: async (_turn, message) => {
      write(`\n${message}\n`);
      if (!closed) rl.prompt();
    },
  }, { concurrency: 1 });
  rl.on("line", (line) => {
    const text = line.trim();
    if (text === "exit" || text === "quit") return rl.close();
    if (!text) return rl.prompt();
    queue.enqueue({ key, user: "console", text, eventId: randomUUID() }, {}).catch((error: unknown) => {
      write(`\nThat message was not taken: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  });

  await done;
  process.removeListener("SIGINT", leave);
  await queue.drain();
  await queue.close();
  await store.close();
  write("");
}
