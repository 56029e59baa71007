import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Redis } from "ioredis";
import type { Turn } from "../src/agent/types.js";
import { loadJobsConfig } from "../src/config.js";
import { createBullQueue } from "../src/jobs/bull-queue.js";
import { percentile } from "./stats.js";
import { CONVERSATION_SCRIPT } from "./script.js";

/**
 * Turns per second through BullMQ on loopback Redis (REDIS_URL, default redis://127.0.0.1:6379):
 * two worker processes fed by an intake in this process with many events in flight, as a web
 * process has, with the default partitions and WORKER_CONCURRENCY. Every reply is counted, so
 * lost and duplicated turns show, and each turn's enqueue→delivery time is measured. Two runs:
 * - "offline model": the real conversation (offline model, Redis store); its own cost per turn
 *   (see bench/conversation.ts) bounds this figure. Target: ≥ 200 turns/s.
 * - "queue alone": a conversation that answers at once, so the figure is the queue's own
 *   capacity (intake, partitions, delivery records).
 * Each run first sends warm-up threads, reported as "fresh workers": a new process's turns cost
 * more while V8 compiles LangChain's code and ours, and settle after about 800 turns (≈ 13 ms of
 * CPU for its first hundred turns, ≈ 5 ms from then on). The measured round after it is a
 * running worker's rate. Each round is bounded: its turns, or 30 s. Lost and duplicated must be 0.
 */

const DEADLINE_MS = 30_000;
const INTAKE_CONCURRENCY = 32;
/** 1,600 warm-up turns: about 800 per worker. */
const WARMUP_THREADS = 160;
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
  lines: { id: string; at: number; worker: number }[];
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
  const lines = (await admin.lrange(list, 0, -1)).map((line) => JSON.parse(line) as Round["lines"][number]);
  return { enqueuedAt, started, lines };
}

/** Deliveries per second from the round's start to its last first delivery. */
function rate(round: Round): number {
  const first = new Set<string>();
  let lastAt = round.started;
  for (const line of round.lines) {
    if (first.has(line.id)) continue;
    first.add(line.id);
    lastAt = Math.max(lastAt, line.at);
  }
  return first.size / ((lastAt - round.started) / 1000);
}

async function runMode(url: string, mode: "offline" | "echo", threads: number): Promise<Record<string, number>> {
  const prefix = `archie-bench-jobs-${randomUUID().slice(0, 8)}`;
  const list = `${prefix}-deliveries`;
  const admin = new Redis(url);
  // As `archie worker` and the intake run by default.
  const { partitions } = loadJobsConfig({ REDIS_URL: url });
  const queue = createBullQueue({ url, layout: { prefix, partitions } });
  const workers: ChildProcess[] = [];
  try {
    for (let i = 0; i < 2; i += 1) workers.push(await spawnWorker([url, prefix, String(partitions), list, mode]));
    const warm = await runRound(queue, admin, list, scriptTurns(WARMUP_THREADS, "warm"), Date.now() + DEADLINE_MS);
    const measured = await runRound(queue, admin, list, scriptTurns(threads, "measured"), Date.now() + DEADLINE_MS);
    const { enqueuedAt, lines } = measured;
    const firstDelivery = new Map<string, Round["lines"][number]>();
    for (const line of lines) if (!firstDelivery.has(line.id)) firstDelivery.set(line.id, line);
    const latencies = [...firstDelivery.values()].map((line) => line.at - (enqueuedAt.get(line.id) ?? line.at)).sort((a, b) => a - b);
    const byWorker = new Map<number, number>();
    for (const line of firstDelivery.values()) byWorker.set(line.worker, (byWorker.get(line.worker) ?? 0) + 1);
    return {
      "fresh workers: turns enqueued": warm.enqueuedAt.size,
      "fresh workers: turns/s": rate(warm),
      "turns enqueued": enqueuedAt.size,
      "turns/s": rate(measured),
      "enqueue→delivery p50 ms": percentile(latencies, 50),
      "enqueue→delivery p99 ms": percentile(latencies, 99),
      "busiest worker's share %": (100 * Math.max(...byWorker.values())) / firstDelivery.size,
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
