import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const FIXTURE = fileURLToPath(new URL("./fixtures/worker-child.ts", import.meta.url));

export interface ChildWorker {
  process: ChildProcess;
  /** Resolves when the child has printed `line` (e.g. "ready", "started hang"). */
  printed(line: string, timeoutMs?: number): Promise<void>;
  exited(): Promise<number | null>;
}

/** Starts the fixture worker in its own Node process (through tsx, as `npm start` runs the CLI). */
export function spawnWorker(env: { url: string; prefix: string; list: string; partitions: number; delayMs: number; defaultRecovery?: boolean }): ChildWorker {
  const child = spawn(process.execPath, ["--import", "tsx", FIXTURE], {
    env: {
      ...process.env,
      CHILD_REDIS_URL: env.url,
      CHILD_PREFIX: env.prefix,
      CHILD_LIST: env.list,
      CHILD_PARTITIONS: String(env.partitions),
      CHILD_DELAY_MS: String(env.delayMs),
      ...(env.defaultRecovery ? { CHILD_DEFAULT_RECOVERY: "1" } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let errors = "";
  const watchers = new Set<() => void>();
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    for (const check of watchers) check();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    process: child,
    printed(line, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (output.split("\n").includes(line)) {
            watchers.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(new Error(`the child worker did not print "${line}" within ${timeoutMs} ms; stdout:\n${output}\nstderr:\n${errors}`));
        }, timeoutMs);
        watchers.add(check);
        check();
      });
    },
    exited: () => exit,
  };
}
