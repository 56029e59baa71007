import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import type { Config } from "../../config.js";
import { createInProcessQueue } from "../../jobs/in-process.js";
import { createMemoryStore, createStore } from "../../state/index.js";
import type { ThreadKey } from "../../state/types.js";
import { renderReply } from "./render.js";
import { consoleConversation } from "./service.js";

export interface ConsoleIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

const GREETING = 'Archie here. Tell me what you are building (e.g. "a food-delivery app, 50k DAU, $5k/month"). Ctrl-C or "exit" leaves.';

/**
 * An interactive thread in the terminal, through the same conversation service as the
 * platforms. Resolves when the user leaves (Ctrl-C, Ctrl-D or "exit").
 */
export async function runConsole(config: Config, io: ConsoleIO = { input: process.stdin, output: process.stdout }): Promise<void> {
  const store = config.redisUrl ? createStore({ redisUrl: config.redisUrl }) : createMemoryStore();
  const service = consoleConversation(config, store, (line) => process.stderr.write(`${line}\n`));
  const key: ThreadKey = { platform: "console", workspace: "local", channel: "terminal", thread: randomUUID() };
  const terminal = "isTTY" in io.output && io.output.isTTY === true;
  const rl = createInterface({ input: io.input, output: io.output, terminal });
  const write = (text: string) => io.output.write(`${text}\n`);

  write(GREETING);
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
      write(`\n${renderReply(reply)}\n`);
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
