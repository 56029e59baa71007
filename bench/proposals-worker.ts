import { Redis } from "ioredis";
import { createWorkerSlackSink } from "../src/adapters/slack/worker-sink.js";
import { createConversation } from "../src/agent/conversation.js";
import { loadConfig, loadJobsConfig } from "../src/config.js";
import { startWorker } from "../src/jobs/bull-worker.js";
import { onShutdown } from "../src/jobs/shutdown.js";
import type { ReplySink } from "../src/jobs/types.js";
import { closePictures, pictureCacheStats } from "../src/report/pictures/index.js";
import { createRedisStore } from "../src/state/index.js";

/**
 * The worker process of bench/proposals.ts: `archie worker`'s parts (offline conversation over
 * the Redis store, the real Slack reply sink drawing and uploading pictures) against the fake
 * Slack named by SLACK_API_URL. After each delivery it appends `{id, at, cpuMs, proposal,
 * drawn}` to a Redis list: this process's CPU so far (every thread, render threads included)
 * and the pictures it has drawn, so the bench can work out CPU per turn.
 * Usage: tsx bench/proposals-worker.ts <redis url> <queue prefix> <partitions> <deliveries list>
 */
const [url, prefix, partitions, list] = process.argv.slice(2);
if (!url || !prefix || !partitions || !list) throw new Error("usage: proposals-worker.ts <redis url> <queue prefix> <partitions> <deliveries list>");

const client = new Redis(url);
const store = createRedisStore({ url, keyPrefix: `${prefix}-state`, ttlSeconds: 300 });
const slack = createWorkerSlackSink(loadConfig(), { store });
const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};
const sink: ReplySink = {
  async deliver(turn, reply, context) {
    await slack.deliver(turn, reply, context);
    const proposal = reply.posts.some((post) => post.kind === "proposal");
    await client.rpush(list, JSON.stringify({ id: context.deliveryId, at: Date.now(), cpuMs: cpuMs(), proposal, drawn: pictureCacheStats().misses }));
  },
  notifyFailure: (turn, message, context) => slack.notifyFailure(turn, message, context),
};
const { concurrency } = loadJobsConfig({ REDIS_URL: url });
const worker = await startWorker({ url, layout: { prefix, partitions: Number(partitions) }, service: createConversation({ store }), sinks: new Map([["slack", sink]]), concurrency });
onShutdown(async () => {
  await worker.close(5_000);
  await slack.close();
  await store.close();
  await closePictures();
  client.disconnect();
});
process.stdout.write("ready\n");
