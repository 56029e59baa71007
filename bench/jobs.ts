import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Redis } from "ioredis";
import type { Turn } from "../src/agent/types.js";
import { createBullQueue } from "../src/jobs/bull-queue.js";
import { percentile } from "./stats.js";
import { CONVERSATION_SCRIPT } from "./script.js";

/**
 * Turns per second through BullMQ on loopback Redis (REDIS_URL, default redis://127.0.0.1:6379):
 * two worker processes fed by an intake in this process with many events in flight, as a web
 * process has. Every reply is counted, so lost and duplicated turns show, and each turn's
 * enqueue→delivery time is measured. Two runs:
 * - "offline model": the real conversation (offline model, Redis store); its own cost per turn
 *   (see bench/conversation.ts) bounds this figure, so it runs fewer turns;
 * - "queue alone": a conversation that answers at once, so the figure is the queue's own
 *   capacity (intake, partitions, delivery records). Target: ≥ 200 turns/s.
 * Each run first sends a few warm-up threads, so the figures are those of running workers, then
 * the measured ones. Each round is bounded: its turns, or 30 s. Lost and duplicated must be 0.
 */

const DEADLINE_MS = 30_000;
const PARTITIONS = 32;
const INTAKE_CONCURRENCY = 32;
const WARMUP_THREADS = 10;
const WORKER = fileURLToPath(new URL("./jobs-worker.ts", import.meta.url));

function spawnWorker(args: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("a bench worker did not start within 20 s")), 20_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once("exit", (code) => reject(new Error(`a bench worker exited with ${String(code)}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** Every script turn of `threads` threads, turn by turn across threads, as a busy workspace sends them. */
function scriptTurns(threads: number, round: string): Turn[] {
  const turns: Turn[] = [];
  for (const [i, text] of CONVERSATION_SCRIPT.entries()) {
    for (let t = 0; t < threads; t += 1) {
      turns.push({ key: { platform: "slack", workspace: "bench", channel: round, thread: String(t) }, user: `U${t}`, text, eventId: `${round}-Ev${i}-${t}` });
    }
  }
  return turns;
}

interface Round {
  enqueuedAt: Map<string, number>;
  started: number;
  /** Every delivery line, duplicates included. */
  lines: { id: string; at: number }[];
}

/** Enqueues the turns from many concurrent intakes and waits for their deliveries (bounded by the deadline). */
async function runRound(queue: ReturnType<typeof createBullQueue>, admin: Redis, list: string, turns: Turn[], deadline: number): Promise<Round> {
  await admin.del(list);
  const enqueuedAt = new Map<string, number>();
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: INTAKE_CONCURRENCY }, async () => {
      while (next < turns.length && Date.now() < deadline) {
        const turn = turns[next++] as Turn;
        enqueuedAt.set(`slack.${turn.eventId}`, Date.now());
        const result = await queue.enqueue(turn, {});
        if (!result.accepted) throw new Error(`turn ${turn.eventId} was not accepted`);
      }
    }),
  );
  while ((await admin.llen(list)) < enqueuedAt.size && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  // Anything arriving late would be a duplicate; give it a moment to show.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const lines = (await admin.lrange(list, 0, -1)).map((line) => JSON.parse(line) as { id: string; at: number });
  return { enqueuedAt, started, lines };
}

async function runMode(url: string, mode: "offline" | "echo", threads: number): Promise<Record<string, number>> {
  const prefix = `archie-bench-jobs-${randomUUID().slice(0, 8)}`;
  const list = `${prefix}-deliveries`;
  const admin = new Redis(url);
  const queue = createBullQueue({ url, layout: { prefix, partitions: PARTITIONS } });
  const workers: ChildProcess[] = [];
  try {
    for (let i = 0; i < 2; i += 1) workers.push(await spawnWorker([url, prefix, String(PARTITIONS), list, mode]));
    // Warm-up: module initialisation and the JIT are start-up costs of a worker, not per-turn ones.
    await runRound(queue, admin, list, scriptTurns(WARMUP_THREADS, "warm"), Date.now() + DEADLINE_MS);
    const { enqueuedAt, started, lines } = await runRound(queue, admin, list, scriptTurns(threads, "measured"), Date.now() + DEADLINE_MS);
    const firstDelivery = new Map<string, number>();
    for (const line of lines) if (!firstDelivery.has(line.id)) firstDelivery.set(line.id, line.at);
    const lastAt = Math.max(...firstDelivery.values());
    const latencies = [...firstDelivery].map(([id, at]) => at - (enqueuedAt.get(id) ?? at)).sort((a, b) => a - b);
    return {
      "turns enqueued": enqueuedAt.size,
      "turns/s": firstDelivery.size / ((lastAt - started) / 1000),
      "enqueue→delivery p50 ms": percentile(latencies, 50),
      "enqueue→delivery p99 ms": percentile(latencies, 99),
      lost: [...enqueuedAt.keys()].filter((id) => !firstDelivery.has(id)).length,
      duplicated: lines.length - firstDelivery.size,
      failed: await admin.llen(`${list}:failed`),
    };
  } finally {
    await Promise.all(workers.map(stop));
    await queue.close();
    let cursor = "0";
    do {
      const [nextCursor, keys] = await admin.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      if (keys.length > 0) await admin.del(...keys);
      cursor = nextCursor;
    } while (cursor !== "0");
    admin.disconnect();
  }
}

export async function run(): Promise<Record<string, number>> {
  const url = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";
  const figures: Record<string, number> = {};
  for (const [label, mode, threads] of [["queue alone", "echo", 200], ["offline model", "offline", 100]] as const) {
    for (const [name, value] of Object.entries(await runMode(url, mode, threads))) figures[`${label}: ${name}`] = value;
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const figures = await run();
  for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(48)} ${Number.isInteger(value) ? value : value.toFixed(1)}`);
}
