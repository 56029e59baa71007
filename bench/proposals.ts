import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Redis } from "ioredis";
import type { Turn } from "../src/agent/types.js";
import { loadJobsConfig } from "../src/config.js";
import { createBullQueue } from "../src/jobs/bull-queue.js";
import { deleteKeys } from "../test/jobs/support.js";
import { startFakeSlack, type FakeSlack } from "../test/support/fake-slack.js";

/**
 * Proposal turns through one worker process: BullMQ on loopback Redis, the offline model, and
 * the real Slack reply sink posting each proposal with its diagram and chart to a fake Slack
 * Web API (files.uploadV2 included). Every request is different (domain, traffic and budget),
 * so each proposal's pictures are drawn afresh and the cache does not flatter the figure; a
 * last round repeats earlier requests in new threads to show what the cache saves.
 * Reported: proposals/s for the worker, and its CPU per proposal turn (process.cpuUsage of the
 * worker process: main thread and render threads). Target: ≥ 10 proposals/s on one core.
 */

const WORKER = fileURLToPath(new URL("./proposals-worker.ts", import.meta.url));
/** Each round is bounded: its turns, or this long. */
const DEADLINE_MS = 120_000;
const DOMAINS = ["food delivery app", "online marketplace", "video streaming service", "ride-hailing app", "banking app", "photo sharing app", "booking site", "chat app", "news site", "fitness tracker"];

/** The n-th distinct request: every domain at every traffic and budget step differs. */
function request(n: number): string {
  const domain = DOMAINS[n % DOMAINS.length];
  const users = 20 + 10 * Math.floor(n / DOMAINS.length);
  return `design a ${domain}, ${users}k DAU, budget is $${3 + (n % 5)}k/month, go`;
}

interface Line {
  id: string;
  at: number;
  cpuMs: number;
  proposal: boolean;
  drawn: number;
}

function spawnWorker(args: string[], env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the bench worker did not start within 30 s")), 30_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once("exit", (code) => reject(new Error(`the bench worker exited with ${String(code)}`)));
  });
}

async function round(queue: ReturnType<typeof createBullQueue>, admin: Redis, list: string, workspace: string, label: string, texts: string[]): Promise<Line[]> {
  await admin.del(list);
  const deadline = Date.now() + DEADLINE_MS;
  for (const [i, text] of texts.entries()) {
    const thread = `1700000000.${label}${String(i).padStart(4, "0")}`;
    const turn: Turn = { key: { platform: "slack", workspace, channel: "C1", thread }, user: `U${i}`, text, eventId: `${label}-${i}` };
    const result = await queue.enqueue(turn, { team: workspace, channel: "C1", thread });
    if (!result.accepted) throw new Error(`turn ${label}-${i} was not accepted`);
  }
  while ((await admin.llen(list)) < texts.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return (await admin.lrange(list, 0, -1)).map((line) => JSON.parse(line) as Line);
}

/** Proposals per second and CPU per proposal between the first and the last delivery of a round. */
function figures(lines: Line[], sent: number): { perSecond: number; cpuMs: number; drawnPerProposal: number; proposals: number; missing: number } {
  const sorted = [...lines].sort((a, b) => a.at - b.at);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last || sorted.length < 2) throw new Error("too few deliveries to measure");
  const turns = sorted.length - 1;
  return {
    perSecond: turns / ((last.at - first.at) / 1000),
    cpuMs: (last.cpuMs - first.cpuMs) / turns,
    drawnPerProposal: (last.drawn - first.drawn) / turns,
    proposals: sorted.filter((l) => l.proposal).length,
    missing: sent - sorted.length,
  };
}

export async function run(): Promise<Record<string, number>> {
  const url = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";
  const prefix = `archie-bench-proposals-${randomUUID().slice(0, 8)}`;
  const list = `${prefix}-deliveries`;
  const admin = new Redis(url);
  const { partitions } = loadJobsConfig({ REDIS_URL: url });
  const queue = createBullQueue({ url, layout: { prefix, partitions } });
  const slack: FakeSlack = await startFakeSlack();
  let worker: ChildProcess | undefined;
  try {
    worker = await spawnWorker([url, prefix, String(partitions), list], { SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: "bench-signing-secret", SLACK_API_URL: slack.apiUrl });
    const warmTexts = Array.from({ length: 10 }, (_, i) => request(1000 + i));
    await round(queue, admin, list, prefix, "warm", warmTexts);
    const texts = Array.from({ length: 30 }, (_, i) => request(i));
    const distinct = figures(await round(queue, admin, list, prefix, "distinct", texts), texts.length);
    const repeated = figures(await round(queue, admin, list, prefix, "repeat", texts.slice(0, 15)), 15);
    const uploads = slack.uploads.filter((u) => u.filename === "diagram.png").length;
    return {
      "distinct proposals: turns": texts.length,
      "distinct proposals: proposals posted": distinct.proposals,
      "distinct proposals: proposals/s per worker": distinct.perSecond,
      "distinct proposals: CPU ms per proposal turn": distinct.cpuMs,
      "distinct proposals: pictures drawn per turn": distinct.drawnPerProposal,
      "repeated requests: proposals/s per worker": repeated.perSecond,
      "repeated requests: CPU ms per proposal turn": repeated.cpuMs,
      "repeated requests: pictures drawn per turn": repeated.drawnPerProposal,
      "diagram.png uploads": uploads,
      missing: distinct.missing + repeated.missing,
    };
  } finally {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker?.once("exit", resolve));
      worker.kill("SIGTERM");
      await exited;
    }
    await queue.close();
    await slack.close();
    await deleteKeys(admin, prefix);
    admin.disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const [name, value] of Object.entries(await run())) console.log(`${name.padEnd(48)} ${Number.isInteger(value) ? value : value.toFixed(1)}`);
}
