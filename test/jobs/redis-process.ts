import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A throwaway redis-server on 127.0.0.1 that keeps its data across a crash (append-only file,
 * synced on every write), as a queue's Redis must: killing and restarting it loses nothing
 * that was acknowledged.
 */
export interface DurableRedis {
  url: string;
  kill(): Promise<void>;
  restart(): Promise<void>;
  /** Kills it and removes its data folder. */
  dispose(): Promise<void>;
}

function launch(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "yes", "--appendfsync", "always"], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`redis-server on port ${port} did not start within 5 s:\n${output}`));
    }, 5000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server on port ${port} exited with ${String(code)}:\n${output}`));
    });
  });
}

async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGKILL");
  await exited;
}

export async function startDurableRedis(port: number): Promise<DurableRedis> {
  const dir = mkdtempSync(join(tmpdir(), "archie-redis-"));
  let child = await launch(port, dir);
  return {
    url: `redis://127.0.0.1:${port}`,
    kill: () => killHard(child),
    async restart() {
      child = await launch(port, dir);
    },
    async dispose() {
      await killHard(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
