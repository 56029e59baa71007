import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Redis } from "ioredis";
import { BOT_USER, startFakeSlack, type FakeSlack } from "../test/support/fake-slack.js";
import { eventEnvelope, sign, SIGNING_SECRET } from "../test/support/slack-requests.js";
import { summarise } from "./stats.js";

/**
 * The production shape under a steady load, all on 127.0.0.1: two `archie slack` web processes
 * (TURNS=queue) and two `archie worker` processes sharing one local Redis under a random queue
 * prefix, against a fake Slack run here. Signed app_mention events with distinct event_ids,
 * spread over many threads, go alternately to the two web processes at a fixed rate for a fixed
 * time. Reported: acknowledgement latency, time from sending an event to the first reply
 * request for it at the fake Slack, replies lost and duplicated (both must be 0), turns per second.
 * Every reply message carries the marker `slack.<event_id>#<n>` (outbox.ts), which is how a
 * reply is tied to its event. Every child is killed at the end, also on failure.
 */

export interface LoadOptions {
  ratePerSecond: number;
  durationSeconds: number;
  threads: number;
  /** How long to wait for the last replies after the last event was sent. */
  drainTimeoutMs: number;
  redisUrl?: string;
}

const CLI = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
const BOT_TOKEN = "xoxb-load-test-token-0000";
const REQUEST_TIMEOUT_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || address === null) throw new Error("no free port");
  return address.port;
}

interface Child {
  name: string;
  process: ChildProcess;
  output(): string;
}

function spawnArchie(name: string, command: "slack" | "worker", env: Record<string, string>): Child {
  const child = spawn(process.execPath, ["--import", "tsx", CLI, command], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { name, process: child, output: () => output };
}

async function waitUntil(what: string, child: Child, done: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (child.process.exitCode !== null) throw new Error(`${child.name} exited (${child.process.exitCode}) before ${what}:\n${child.output().slice(-2000)}`);
    if (Date.now() > deadline) throw new Error(`${child.name}: no ${what} within ${timeoutMs} ms:\n${child.output().slice(-2000)}`);
    await sleep(100);
  }
}

const answers = async (url: string) => fetch(url).then((r) => r.ok, () => false);

async function stopAll(children: Child[]): Promise<void> {
  await Promise.all(
    children.map(async ({ process: child }) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }),
  );
}

async function deleteMatching(client: Redis, pattern: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    if (keys.length > 0) await client.del(...keys);
    cursor = next;
  } while (cursor !== "0");
}

/** The event each reply message answers, from its marker; undefined for anything else (the root of a thread…). */
function repliesByEvent(fake: FakeSlack): Map<string, { first: number; markers: Map<string, number> }> {
  const byEvent = new Map<string, { first: number; markers: Map<string, number> }>();
  for (const call of fake.called("chat.postMessage")) {
    const marker = (call.args.metadata as { event_payload?: { marker?: unknown } } | undefined)?.event_payload?.marker;
    if (typeof marker !== "string" || !marker.startsWith("slack.")) continue;
    const event = decodeURIComponent(marker.slice("slack.".length).split("#")[0] ?? "");
    const entry = byEvent.get(event) ?? { first: call.at, markers: new Map<string, number>() };
    entry.first = Math.min(entry.first, call.at);
    entry.markers.set(marker, (entry.markers.get(marker) ?? 0) + 1);
    byEvent.set(event, entry);
  }
  return byEvent;
}

export async function runLoad(options: LoadOptions): Promise<Record<string, number>> {
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const prefix = `archie-load-${randomUUID().slice(0, 8)}`;
  const team = `TLOAD${randomUUID().slice(0, 6).toUpperCase()}`;
  const fake = await startFakeSlack();
  const admin = new Redis(redisUrl);
  const children: Child[] = [];
  try {
    const shared = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      REDIS_URL: redisUrl,
      JOB_QUEUE_PREFIX: prefix,
      TURNS: "queue",
      ARCHIE_MODEL: "offline",
      LOG_LEVEL: "warn",
      OPS_PORT: "0",
      // The load is one workspace and a few users: the abuse limits would refuse most of it.
      RATE_LIMIT_USER_PER_MINUTE: "100000",
      RATE_LIMIT_WORKSPACE_PER_MINUTE: "1000000",
      MAX_ACTIVE_THREADS_PER_WORKSPACE: "1000000",
    };
    const ports = [await freePort(), await freePort()];
    const webs = ports.map((port, i) => spawnArchie(`web ${i + 1}`, "slack", { ...shared, PORT: String(port) }));
    // At "info" the worker says when it has started.
    const workers = [1, 2].map((i) => spawnArchie(`worker ${i}`, "worker", { ...shared, LOG_LEVEL: "info" }));
    children.push(...webs, ...workers);
    await Promise.all([
      ...webs.map((web, i) => waitUntil("/healthz", web, () => answers(`http://127.0.0.1:${ports[i]}/healthz`))),
      ...workers.map((worker) => waitUntil('"worker started"', worker, () => worker.output().includes("worker started"))),
    ]);

    const total = Math.round(options.ratePerSecond * options.durationSeconds);
    const sentAt = new Map<string, number>();
    const ackMs: number[] = [];
    let ackFailures = 0;
    const started = Date.now();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < total; i += 1) {
      const due = started + (i * 1000) / options.ratePerSecond;
      if (due > Date.now()) await sleep(due - Date.now());
      const eventId = `EvLOAD${i}`;
      const thread = `1730000000.${String(i % options.threads).padStart(6, "0")}`;
      const ts = `1730000001.${String(i).padStart(6, "0")}`;
      const body = eventEnvelope({ type: "app_mention", user: `U0LOAD${i % 7}`, text: `<@${BOT_USER}> design a food delivery app`, ts, thread_ts: thread, channel: "C0LOAD001" }, eventId, team);
      const timestamp = Math.floor(Date.now() / 1000);
      const url = `http://127.0.0.1:${ports[i % 2]}/slack/events`;
      const t0 = performance.now();
      sentAt.set(eventId, Date.now());
      sends.push(
        fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-slack-request-timestamp": String(timestamp), "x-slack-signature": sign(body, timestamp) }, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).then(
          async (response) => {
            await response.arrayBuffer();
            if (response.status === 200) ackMs.push(performance.now() - t0);
            else ackFailures += 1;
          },
          () => void (ackFailures += 1),
        ),
      );
    }
    await Promise.all(sends);
    const deadline = Date.now() + options.drainTimeoutMs;
    while (repliesByEvent(fake).size < sentAt.size && Date.now() < deadline) await sleep(100);
    // Anything posted twice would show up within a moment of the rest.
    await sleep(1_500);

    const replies = repliesByEvent(fake);
    const replyMs: number[] = [];
    let lost = 0;
    let duplicated = 0;
    let lastReply = started;
    for (const [eventId, at] of sentAt) {
      const reply = replies.get(eventId);
      if (!reply) {
        lost += 1;
        continue;
      }
      replyMs.push(reply.first - at);
      lastReply = Math.max(lastReply, reply.first);
      if ([...reply.markers.values()].some((count) => count > 1)) duplicated += 1;
    }
    const ack = summarise(ackMs);
    const reply = summarise(replyMs);
    return {
      events: total,
      "acks not 200": ackFailures,
      "ack p50 ms": ack.p50,
      "ack p99 ms": ack.p99,
      "event to reply p50 ms": reply.p50,
      "event to reply p99 ms": reply.p99,
      "replies lost": lost,
      "replies duplicated": duplicated,
      "turns per second": replyMs.length / Math.max(0.001, (lastReply - started) / 1000),
      "Slack API violations": fake.violations.length,
    };
  } finally {
    await stopAll(children);
    await fake.close();
    await deleteMatching(admin, `${prefix}*`).catch(() => undefined);
    await deleteMatching(admin, `archie:slack:${team}:*`).catch(() => undefined);
    admin.disconnect();
  }
}

/** 20 events a second for 15 s over 60 threads: 300 turns. */
export function run(): Promise<Record<string, number>> {
  return runLoad({ ratePerSecond: 20, durationSeconds: 15, threads: 60, drainTimeoutMs: 60_000 });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const [figure, value] of Object.entries(await run())) process.stdout.write(`${figure.padEnd(32)} ${Number.isInteger(value) ? value : value.toFixed(1)}\n`);
}
