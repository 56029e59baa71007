import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Redis } from "ioredis";
import { JOB_FAILED } from "../src/jobs/messages.js";
import { BOT_USER, startFakeSlack, type Fault, type FakeSlack } from "../test/support/fake-slack.js";
import { freePort, startRedisServer } from "../test/support/redis-server.js";
import { eventEnvelope, sign, SIGNING_SECRET } from "../test/support/slack-requests.js";
import { percentile } from "./stats.js";

/**
 * The production shape through its failures, all on 127.0.0.1 and bounded in time: a private
 * redis-server with an append-only file, two `archie slack` web processes (TURNS=queue) and two
 * `archie worker` processes against a fake Slack. 120 signed mentions at 20/s from many users
 * over four workspaces — two in three ask for a design with everything stated (a proposal is
 * due), one in three only names the product (questions are due) — are sent as Slack does:
 * an event that is not acknowledged with 200 is delivered again (here after 1, 2, 4, 8 s rather
 * than Slack's minutes), to whichever web process the load balancer still has, and some events
 * are delivered twice although acknowledged. Meanwhile, at fixed times:
 *   1.0 s  worker A is SIGKILLed, and started again a second later, as a platform does;
 *   2.5 s  for three seconds the Web API answers some posts with 429, 500, and 500 after posting;
 *   3.5 s  Redis shuts down, and is started again a second later on the same files;
 *   5.0 s  web 2 is SIGKILLed (the balancer sends everything to web 1 from then on);
 *   9.0 s  worker B's process group gets SIGTERM (a rolling restart); it is started again once it exits.
 * Reported: events acknowledged, unanswered, posted twice, answered wrongly, turns that failed,
 * reply latency (first delivery of an event → first message of its reply), and how worker B
 * drained: how long it took, its exit code, and how many of the turns it had in hand were redone.
 */

/** The compiled CLI (`npm run build`), as the Procfile runs it. */
const CLI = fileURLToPath(new URL("../dist/src/cli.js", import.meta.url));
const BOT_TOKEN = "xoxb-failure-test-token-0000";
const EVENTS = 120;
const RATE_PER_SECOND = 20;
const WORKSPACES = 4;
const USERS = 37;
const REDELIVERY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000];
const DRAIN_TIMEOUT_MS = 150_000;
const REQUEST_TIMEOUT_MS = 3_000;
/** How long a stopped worker may take over the turns in hand (SHUTDOWN_GRACE_MS, its default). */
const GRACE_MS = 25_000;

const FULL_REQUEST = `<@${BOT_USER}> design a food delivery app for 50k daily users, budget $3k/month`;
const VAGUE_REQUEST = `<@${BOT_USER}> design a food delivery app`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How a production process is started: as the Procfile does, node on the compiled CLI, nothing
 * in between. Each child leads its own process group, so a signal to the group reaches every
 * process in it, as a platform's stop does.
 */
function archieProcess(command: "slack" | "worker"): { file: string; args: string[] } {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm run failure-test does)`);
  return { file: process.execPath, args: [CLI, command] };
}

interface Child {
  name: string;
  process: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

function spawnArchie(name: string, command: "slack" | "worker", env: Record<string, string>): Child {
  const { file, args } = archieProcess(command);
  const child = spawn(file, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })));
  return { name, process: child, output: () => output, exited };
}

const alive = (child: Child) => child.process.exitCode === null && child.process.signalCode === null;

async function waitUntil(what: string, child: Child, done: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (!alive(child)) throw new Error(`${child.name} exited before ${what}:\n${child.output().slice(-2000)}`);
    if (Date.now() > deadline) throw new Error(`${child.name}: no ${what} within ${timeoutMs} ms:\n${child.output().slice(-2000)}`);
    await sleep(100);
  }
}

const started = (worker: Child) => waitUntil('"worker started"', worker, () => worker.output().includes("worker started"));

function killGroup(child: Child, signal: NodeJS.Signals): void {
  if (!alive(child) || child.process.pid === undefined) return;
  try {
    process.kill(-child.process.pid, signal);
  } catch {
    // Already gone.
  }
}

interface EventRecord {
  id: string;
  body: string;
  proposalDue: boolean;
  firstSentAt: number;
  acked: boolean;
  deliveries: number;
}

/** The reply messages in the fake's threads, by event, from their markers (`slack.<event id>#<n>`). */
function messagesByEvent(fake: FakeSlack): Map<string, { texts: string[]; markers: Map<string, number>; firstAt: number }> {
  const byEvent = new Map<string, { texts: string[]; markers: Map<string, number>; firstAt: number }>();
  for (const message of fake.messages) {
    const marker = message.metadata?.event_payload.marker;
    if (typeof marker !== "string" || !marker.startsWith("slack.")) continue;
    const event = decodeURIComponent(marker.slice("slack.".length).split("#")[0] ?? "").replace(/\.failed$/, "");
    const entry = byEvent.get(event) ?? { texts: [], markers: new Map<string, number>(), firstAt: Number.POSITIVE_INFINITY };
    entry.texts.push(message.text);
    entry.markers.set(marker, (entry.markers.get(marker) ?? 0) + 1);
    byEvent.set(event, entry);
  }
  return byEvent;
}

/** When each marked message was first posted, from the calls that stored it. */
function firstPostAt(fake: FakeSlack): Map<string, number> {
  const at = new Map<string, number>();
  for (const call of fake.called("chat.postMessage")) {
    const marker = (call.args.metadata as { event_payload?: { marker?: unknown } } | undefined)?.event_payload?.marker;
    if (typeof marker !== "string" || !marker.startsWith("slack.")) continue;
    const event = decodeURIComponent(marker.slice("slack.".length).split("#")[0] ?? "");
    at.set(event, Math.min(at.get(event) ?? Number.POSITIVE_INFINITY, call.at));
  }
  return at;
}

/** Whether a reply is the one its message called for: a proposal (v1), or questions without one. */
function rightAnswer(texts: string[], proposalDue: boolean): boolean {
  if (texts.some((text) => /didn't find a change|couldn't apply that/.test(text))) return false;
  const proposal = texts.some((text) => /^Architecture for .*\(v1\b/.test(text));
  return proposalDue ? proposal : !proposal && texts.some((text) => text.startsWith("Got it"));
}

/** How often each job was started, for the active jobs of one worker process (by its pid, which it records on each job) or for every job. */
async function jobStarts(admin: Redis, prefix: string, partitions: number, which: { activeIn: number } | "all"): Promise<Map<string, number>> {
  const starts = new Map<string, number>();
  for (let p = 0; p < partitions; p += 1) {
    const base = `${prefix}:turns-p${p}`;
    const ids = which === "all" ? (await admin.keys(`${base}:slack.*`)).map((key) => key.slice(base.length + 1)).filter((id) => !id.includes(":")) : await admin.lrange(`${base}:active`, 0, -1);
    for (const id of ids) {
      const [ats, processedBy] = await admin.hmget(`${base}:${id}`, "ats", "pb");
      if (which !== "all" && !processedBy?.endsWith(`:${which.activeIn}`)) continue;
      starts.set(id, Number(ats ?? 0));
    }
  }
  return starts;
}

/** How many jobs BullMQ found without a live lock and moved back to wait (its stalled counter), and how often in all. */
async function lockLapses(admin: Redis, prefix: string, partitions: number, ids: string[]): Promise<{ jobs: number; total: number }> {
  let jobs = 0;
  let total = 0;
  for (let p = 0; p < partitions; p += 1) {
    for (const id of ids) {
      const stalled = Number((await admin.hget(`${prefix}:turns-p${p}:${id}`, "stc")) ?? 0);
      if (stalled > 0) jobs += 1;
      total += stalled;
    }
  }
  return { jobs, total };
}

export async function runFailureTest(): Promise<Record<string, number>> {
  const redisPort = await freePort();
  const redisDir = mkdtempSync(join(tmpdir(), "archie-failure-redis-"));
  let redis = await startRedisServer(redisPort, redisDir);
  const redisUrl = `redis://127.0.0.1:${redisPort}`;
  const admin = new Redis(redisUrl, { lazyConnect: false });
  admin.on("error", () => undefined);
  const fake = await startFakeSlack();
  const prefix = "archie-failure";
  const partitions = 16;
  const children: Child[] = [];
  try {
    const shared = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      REDIS_URL: redisUrl,
      JOB_QUEUE_PREFIX: prefix,
      JOB_PARTITIONS: String(partitions),
      TURNS: "queue",
      ARCHIE_MODEL: "offline",
      LOG_LEVEL: "warn",
      OPS_PORT: "0",
      RATE_LIMIT_USER_PER_MINUTE: "100000",
      RATE_LIMIT_WORKSPACE_PER_MINUTE: "1000000",
      MAX_ACTIVE_THREADS_PER_WORKSPACE: "1000000",
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
    };
    const ports = [await freePort(), await freePort()];
    const webs = ports.map((port, i) => spawnArchie(`web ${i + 1}`, "slack", { ...shared, PORT: String(port) }));
    const worker = (name: string) => spawnArchie(name, "worker", { ...shared, LOG_LEVEL: "info" });
    let workerA = worker("worker A");
    let workerB = worker("worker B");
    children.push(...webs, workerA, workerB);
    await Promise.all([
      ...webs.map((web, i) => waitUntil("/healthz", web, () => fetch(`http://127.0.0.1:${ports[i]}/healthz`).then((r) => r.ok, () => false))),
      started(workerA),
      started(workerB),
    ]);

    const events: EventRecord[] = [];
    const inFlight = new Set<Promise<void>>();
    let balancer = 0;
    const track = (work: Promise<void>) => {
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    };

    /** One delivery of an event through the balancer; an unacknowledged one is delivered again later. */
    async function deliver(event: EventRecord, retry: number, reason?: string): Promise<void> {
      const live = webs.map((web, i) => ({ web, port: ports[i] as number })).filter(({ web }) => alive(web));
      const target = live[balancer++ % Math.max(1, live.length)];
      event.deliveries += 1;
      const timestamp = Math.floor(Date.now() / 1000);
      const headers: Record<string, string> = { "content-type": "application/json", "x-slack-request-timestamp": String(timestamp), "x-slack-signature": sign(event.body, timestamp) };
      if (retry > 0) Object.assign(headers, { "x-slack-retry-num": String(retry), "x-slack-retry-reason": reason ?? "http_error" });
      const status = target
        ? await fetch(`http://127.0.0.1:${target.port}/slack/events`, { method: "POST", headers, body: event.body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).then(
            async (response) => (await response.arrayBuffer(), response.status),
            () => 0,
          )
        : 0;
      if (status === 200) {
        event.acked = true;
        return;
      }
      const delay = REDELIVERY_DELAYS_MS[retry];
      if (delay === undefined) return;
      await sleep(delay);
      await deliver(event, retry + 1, status === 0 ? "http_timeout" : "http_error");
    }

    const t0 = Date.now();
    const at = (seconds: number, what: () => Promise<void> | void) =>
      track(
        (async () => {
          await sleep(Math.max(0, t0 + seconds * 1000 - Date.now()));
          await what();
        })(),
      );

    let sigtermAt = 0;
    let drainedAt = 0;
    let drainExit: number | null = null;
    let drainLogged = false;
    let activeAtSigterm = new Map<string, number>();
    at(1.0, async () => {
      workerA.process.kill("SIGKILL");
      await workerA.exited;
      await sleep(1_000);
      workerA = worker("worker A (restarted)");
      children.push(workerA);
    });
    at(2.5, async () => {
      const storm: Fault[] = [{ status: 429, retryAfter: 1 }, { status: 500, afterWork: false }, { status: 500, afterWork: true }];
      for (let i = 0; i < 15; i += 1) {
        fake.failNext("chat.postMessage", storm[i % storm.length] as Fault);
        await sleep(200);
      }
    });
    at(3.5, async () => {
      const gone = new Promise((resolve) => redis.once("exit", resolve));
      redis.kill("SIGTERM");
      await gone;
      await sleep(1_000);
      redis = await startRedisServer(redisPort, redisDir);
    });
    at(5.0, () => void webs[1]?.process.kill("SIGKILL"));
    at(9.0, async () => {
      activeAtSigterm = await jobStarts(admin, prefix, partitions, { activeIn: workerB.process.pid ?? -1 });
      sigtermAt = Date.now();
      killGroup(workerB, "SIGTERM");
      const exit = await workerB.exited;
      drainedAt = exit.at;
      drainExit = exit.code;
      drainLogged = workerB.output().includes("finishing the turns in hand");
      workerB = worker("worker B (restarted)");
      children.push(workerB);
    });

    for (let i = 0; i < EVENTS; i += 1) {
      const due = t0 + (i * 1000) / RATE_PER_SECOND;
      if (due > Date.now()) await sleep(due - Date.now());
      const proposalDue = i % 3 !== 2;
      const workspace = `TFAIL${i % WORKSPACES}`;
      const thread = `1730000000.${String(i).padStart(6, "0")}`;
      const mention = { type: "app_mention", user: `U0FAIL${i % USERS}`, text: proposalDue ? FULL_REQUEST : VAGUE_REQUEST, ts: thread, channel: `C0FAIL00${i % 3}` };
      const event: EventRecord = { id: `EvFAIL${i}`, body: eventEnvelope(mention, `EvFAIL${i}`, workspace), proposalDue, firstSentAt: Date.now(), acked: false, deliveries: 0 };
      events.push(event);
      track(deliver(event, 0));
      // Some events come twice although acknowledged, as when Slack timed out waiting.
      if (i % 7 === 3) at((Date.now() - t0) / 1000 + 1.5, () => deliver(event, 1, "http_timeout"));
    }
    while (inFlight.size > 0) await Promise.all([...inFlight]);

    const answered = () => messagesByEvent(fake);
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (events.some((event) => !answered().has(event.id)) && Date.now() < deadline) await sleep(250);
    // Anything posted twice would show up within a moment of the rest.
    await sleep(3_000);

    const replies = answered();
    const postedAt = firstPostAt(fake);
    const latencies: number[] = [];
    let unanswered = 0;
    let postedTwice = 0;
    let wrong = 0;
    let failedTurns = 0;
    for (const event of events) {
      const reply = replies.get(event.id);
      const first = postedAt.get(event.id);
      if (!reply || first === undefined) {
        unanswered += 1;
        continue;
      }
      latencies.push(first - event.firstSentAt);
      if ([...reply.markers.values()].some((count) => count > 1)) postedTwice += 1;
      if (reply.texts.includes(JOB_FAILED)) failedTurns += 1;
      else if (!rightAnswer(reply.texts, event.proposalDue)) wrong += 1;
    }
    const uploadsTwice = new Set(
      fake.uploads
        .map((upload) => `${upload.thread}/${upload.filename}`)
        .filter((name, i, all) => all.indexOf(name) !== i),
    ).size;
    const startsAtEnd = await jobStarts(admin, prefix, partitions, "all");
    const lapses = await lockLapses(admin, prefix, partitions, [...startsAtEnd.keys()]);
    const redone = [...activeAtSigterm].filter(([id, starts]) => (startsAtEnd.get(id) ?? 0) > starts).length;
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      events: EVENTS,
      "deliveries sent (with redeliveries)": events.reduce((sum, event) => sum + event.deliveries, 0),
      "events never acknowledged": events.filter((event) => !event.acked).length,
      unanswered,
      "replies with a message posted twice": postedTwice,
      "threads with a picture uploaded twice": uploadsTwice,
      "answers not the right one": wrong,
      "turns that failed (user told)": failedTurns,
      "reply p50 ms": percentile(sorted, 50),
      "reply p99 ms": percentile(sorted, 99),
      "reply max ms": sorted[sorted.length - 1] ?? Number.NaN,
      "jobs started more than once": [...startsAtEnd.values()].filter((starts) => starts > 1).length,
      "jobs whose lock lapsed (taken over)": lapses.jobs,
      "lock lapses in all": lapses.total,
      "SIGTERM: turns in hand": activeAtSigterm.size,
      "SIGTERM: drain ms": drainedAt - sigtermAt,
      "SIGTERM: grace ms": GRACE_MS,
      "SIGTERM: exit code": drainExit ?? -1,
      "SIGTERM: said it was draining (1 = yes)": drainLogged ? 1 : 0,
      "SIGTERM: turns redone": redone,
      "Slack API violations": fake.violations.length,
    };
  } finally {
    for (const child of children) killGroup(child, "SIGKILL");
    await Promise.all(children.map((child) => (alive(child) ? child.exited : undefined)));
    await fake.close();
    admin.disconnect();
    redis.kill("SIGKILL");
    rmSync(redisDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const [figure, value] of Object.entries(await runFailureTest())) process.stdout.write(`${figure.padEnd(40)} ${Number.isInteger(value) ? value : value.toFixed(1)}\n`);
}
