import { parseArgs } from "node:util";
import { UsageError } from "./commands/errors.js";
import { loadConfig } from "./config.js";

/**
 * Errors whose message is written for the person at the terminal: printed as is, exit code 2.
 * Matched by name so each command's modules (Bolt, discord.js, BullMQ, LangChain) load only
 * when that command runs: `archie design` starts in a fraction of the time.
 */
const USER_ERRORS = new Set(["UsageError", "PlannerInputError", "ConfigError", "TranscriptError", "SlackConfigError", "DiscordConfigError"]);

const USAGE = `Archie designs production architectures.

Usage:
  npm start [-- --plain] [--out <dir>]        an interactive console thread (files go to ./archie-out/ unless --out)
  npm run --silent archie -- design "<request>" [--json] [--out <dir>]
  npm run --silent archie -- design - [--json]      (read the request from stdin)
  npm run --silent archie -- replay <file>
  npm run --silent archie -- slack | discord | worker | register-commands`;

/** Reads stdin up to a cap, so an enormous pipe is refused rather than buffered whole. */
async function readStdin(limitBytes = 2 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes) throw new UsageError(`the request on stdin is over ${limitBytes / 1024 / 1024} MB; describe the system in a few sentences`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function design(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: "boolean", default: false }, out: { type: "string" } }, allowPositionals: true, strict: true });
  if (positionals.length === 0) throw new UsageError('design needs a request, e.g. design "food-delivery app, 50k DAU, $3k/month"');
  const request = positionals.length === 1 && positionals[0] === "-" ? await readStdin() : positionals.join(" ");
  const { designCommand } = await import("./commands/design.js");
  const result = await designCommand(request, { json: values.json ?? false, outDir: values.out });
  for (const n of result.notes) process.stderr.write(`${n}\n`);
  process.stdout.write(`${result.stdout}\n`);
}

async function replay(args: string[]): Promise<void> {
  const [file, ...extra] = args;
  if (!file || extra.length > 0) throw new UsageError("replay needs one transcript file: messages separated by lines holding only ---");
  const { replayTranscript } = await import("./adapters/console/index.js");
  process.stdout.write(`${await replayTranscript(file, loadConfig())}\n`);
}

/** Runs a long-lived process until SIGTERM or SIGINT, then stops it cleanly. */
async function serve(start: () => Promise<{ stop(): Promise<void> }>): Promise<void> {
  const running = await start();
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.stderr.write(`${signal}: stopping\n`);
      running.stop().then(resolve, (error: unknown) => {
        process.stderr.write(`archie: stopping failed: ${error instanceof Error ? error.message : String(error)}\n`);
        resolve();
      });
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
}

/** With no platform tokens, `npm start` is the console; with tokens, it runs the platforms configured. */
async function start(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { plain: { type: "boolean", default: false }, out: { type: "string" } }, allowPositionals: true, strict: true });
  if (positionals.length > 0) throw new UsageError(`start takes no words (type them once it is running): ${positionals.join(" ")}`);
  const config = loadConfig();
  if (!config.slack && !config.discord) {
    const { runConsole } = await import("./adapters/console/index.js");
    return runConsole(config, undefined, { plain: values.plain ?? false, ...(values.out ? { outDir: values.out } : {}) });
  }
  const { startSlack } = await import("./adapters/slack/index.js");
  const { startDiscord } = await import("./adapters/discord/index.js");
  await serve(async () => {
    const running = [...(config.slack ? [await startSlack(config)] : []), ...(config.discord ? [await startDiscord(config)] : [])];
    return { stop: async () => void (await Promise.all(running.map((r) => r.stop()))) };
  });
}

async function worker(args: string[]): Promise<void> {
  if (args.length > 0) throw new UsageError("worker takes no arguments; it is configured by REDIS_URL, WORKER_CONCURRENCY and the other variables");
  await (await import("./commands/worker.js")).workerCommand();
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  start,
  design,
  replay,
  slack: async () => {
    const { startSlack } = await import("./adapters/slack/index.js");
    await serve(() => startSlack(loadConfig()));
  },
  discord: async () => {
    const { startDiscord } = await import("./adapters/discord/index.js");
    await serve(() => startDiscord(loadConfig()));
  },
  "register-commands": async () => {
    const { registerCommands } = await import("./adapters/discord/index.js");
    process.stdout.write(`${await registerCommands(loadConfig())}\n`);
  },
  worker,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // `npm start -- --plain` reaches here as options alone: they are the console's.
  if (command === undefined || command.startsWith("-")) return start(argv).then(() => 0);
  const run = COMMANDS[command];
  if (!run) throw new UsageError(`unknown or unavailable command "${command}"\n\n${USAGE}`);
  await run(rest);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof Error && USER_ERRORS.has(error.name)) {
      process.stderr.write(`archie: ${error.message}\n`);
      process.exitCode = 2;
    } else if (error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`archie: ${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`archie: something went wrong: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
