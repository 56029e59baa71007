import { spawn } from "node:child_process";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { createBullQueue } from "../../src/jobs/bull-queue.js";
import { freePort } from "../support/redis-server.js";
import { REDIS_URL } from "../state/redis-helpers.js";
import { deleteKeys, jobPrefix, turnOf, waitFor } from "./support.js";

describe("archie worker", () => {
  const prefix = jobPrefix();
  afterEach(async () => {
    const admin = new Redis(REDIS_URL);
    await deleteKeys(admin, prefix);
    admin.disconnect();
  });

  it("takes jobs, keeps a Slack job it cannot post (no Slack settings) in the failed set with the reason, serves the ops endpoints and stops cleanly on SIGTERM", async () => {
    const opsPort = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "worker"], {
      env: { ...process.env, REDIS_URL, JOB_QUEUE_PREFIX: prefix, JOB_PARTITIONS: "2", OPS_PORT: String(opsPort), JOB_ATTEMPTS: "1", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    const queue = createBullQueue({ url: REDIS_URL, layout: { prefix, partitions: 2 }, attempts: 1 });
    try {
      await waitFor("the worker to start", () => output.includes('"msg":"worker started"'), 15_000);
      await queue.enqueue(turnOf("t1", "hello", "EvCmd"), { channel: "C1" });
      let reason = "";
      await waitFor("the job to fail", async () => {
        const failed = (await Promise.all(queue.queues.map((q) => q.getFailed()))).flat();
        reason = failed[0]?.failedReason ?? "";
        return failed.length > 0;
      });
      expect(reason).toBe("Slack is not configured on this worker: set SLACK_BOT_TOKEN (and SLACK_API_URL if the web processes use one)");
      expect((await fetch(`http://127.0.0.1:${opsPort}/readyz`)).status).toBe(200);
      expect(await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text()).toContain("archie_jobs_active");
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(output).toContain('"msg":"worker stopped"');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await queue.close();
    }
  });
});
