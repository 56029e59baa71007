import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { killRedisServer, startRedisServer } from "../support/redis-server.js";

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

export async function startDurableRedis(port: number): Promise<DurableRedis> {
  const dir = mkdtempSync(join(tmpdir(), "archie-redis-"));
  let child = await startRedisServer(port, dir);
  return {
    url: `redis://127.0.0.1:${port}`,
    kill: () => killRedisServer(child),
    async restart() {
      child = await startRedisServer(port, dir);
    },
    async dispose() {
      await killRedisServer(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
