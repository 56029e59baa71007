import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Runs `npm run build` (dist/, as a deployment builds it); rejects with tsc's output when it fails. */
export function buildDist(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`npm run build exited with ${String(code)}:\n${output}`))));
  });
}

/** The command of a process type in the Procfile, as written. */
export async function procfileCommand(type: string): Promise<string> {
  const procfile = await readFile(new URL("Procfile", `file://${ROOT}`), "utf8");
  const line = procfile.split("\n").find((l) => l.startsWith(`${type}:`));
  if (!line) throw new Error(`the Procfile has no ${type} process`);
  return line.slice(type.length + 1).trim();
}

export interface ManagedProcess {
  process: ChildProcess;
  output(): string;
  /** Resolves once the output holds `text`; rejects after `timeoutMs` with the output so far. */
  printed(text: string, timeoutMs?: number): Promise<void>;
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** As exited(), but "still running" after `timeoutMs`, so a process that should have stopped fails the test plainly. */
  exitedWithin(timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null } | "still running">;
  /** Signals the whole process group, as Heroku, Kubernetes and foreman do. */
  signalGroup(signal: NodeJS.Signals): void;
}

/**
 * Starts `command` through `sh -c` in a process group of its own, from the repository root,
 * as a process manager starts a Procfile line. Variables set to undefined are removed.
 */
export function startManaged(command: string, env: Record<string, string | undefined>): ManagedProcess {
  const merged: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...process.env, ...env })) if (value !== undefined) merged[name] = value;
  const child = spawn("sh", ["-c", command], { cwd: ROOT, env: merged, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const watchers = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const check of watchers) check();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return {
    process: child,
    output: () => output,
    printed(text, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!output.includes(text)) return;
          watchers.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(new Error(`"${command}" did not print ${JSON.stringify(text)} within ${timeoutMs} ms; output:\n${output}`));
        }, timeoutMs);
        watchers.add(check);
        check();
      });
    },
    exited: () => exit,
    exitedWithin(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"still running">((resolve) => (timer = setTimeout(() => resolve("still running"), timeoutMs)));
      return Promise.race([exit, late]).finally(() => clearTimeout(timer));
    },
    signalGroup(signal) {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    },
  };
}

/** Ends a managed process's whole group if it is still running (test clean-up). */
export async function killGroup(managed: ManagedProcess): Promise<void> {
  const running = managed.process.exitCode === null && managed.process.signalCode === null;
  try {
    managed.signalGroup("SIGKILL");
  } catch {
    // The group has already gone.
  }
  if (running) await managed.exited();
}
