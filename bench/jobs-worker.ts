import { Redis } from "ioredis";
import { createConversation, type ConversationService } from "../src/agent/conversation.js";
import { loadJobsConfig } from "../src/config.js";
import { startWorker } from "../src/jobs/bull-worker.js";
import { onShutdown } from "../src/jobs/shutdown.js";
import type { ReplySink } from "../src/jobs/types.js";
import { createRedisStore } from "../src/state/index.js";

/**
 * One worker process of bench/jobs.ts: the offline conversation over the Redis store, posting
 * each reply as a line `{id, at, worker}` on a Redis list (a platform post's stand-in) so the
 * bench can count every delivery across processes.
 * With "echo" the conversation answers at once, which isolates the cost of the queue itself.
 * Usage: tsx bench/jobs-worker.ts <redis url> <queue prefix> <partitions> <deliveries list> offline|echo
 */
const [url, prefix, partitions, list, mode] = process.argv.slice(2);
if (!url || !prefix || !partitions || !list || (mode !== "offline" && mode !== "echo")) {
  throw new Error("usage: jobs-worker.ts <redis url> <queue prefix> <partitions> <deliveries list> offline|echo");
}

const client = new Redis(url);
const sink: ReplySink = {
  async deliver(_turn, _reply, context) {
    await client.rpush(list, JSON.stringify({ id: context.deliveryId, at: Date.now(), worker: process.pid }));
  },
  async notifyFailure(_turn, _message, context) {
    await client.rpush(`${list}:failed`, context.deliveryId);
  },
};
const store = createRedisStore({ url, keyPrefix: `${prefix}-state`, ttlSeconds: 300 });
const echo: ConversationService = { handleTurn: async (turn) => ({ posts: [{ kind: "text", text: turn.text }] }) };
const service = mode === "offline" ? createConversation({ store }) : echo;
// Turns at once per process as `archie worker` runs them by default (WORKER_CONCURRENCY).
const { concurrency } = loadJobsConfig({ REDIS_URL: url });
const worker = await startWorker({ url, layout: { prefix, partitions: Number(partitions) }, service, sinks: new Map([["slack", sink]]), concurrency });
onShutdown(async () => {
  await worker.close(5_000);
  await store.close();
  client.disconnect();
});
process.stdout.write("ready\n");
