import { Queue, type JobsOptions } from "bullmq";
import { Redis } from "ioredis";
import type { Turn } from "../agent/types.js";
import type { AbuseLimits } from "../limits/types.js";
import type { Metrics } from "../observability/metrics.js";
import { assertThreadKey } from "../state/keys.js";
import { connectRedis } from "../state/redis-connection.js";
import { partitionName, redisOptionsFromUrl, resolveLayout, type QueueLayout } from "./bull-layout.js";
import { readinessOf } from "./client-ready.js";
import { createDeliveryLog } from "./delivery-log.js";
import { jobIdFor, partitionOf } from "./job-id.js";
import type { EnqueueResult, ReplyTarget, TurnJob, TurnQueue } from "./types.js";

export interface BullQueueOptions {
  /** The Redis URL (REDIS_URL). */
  url: string;
  layout?: Partial<QueueLayout>;
  /** Tries per job before it fails for good (default 5). */
  attempts?: number;
  /** The first retry's delay; each next one doubles it (default 1 s). */
  backoffMs?: number;
  /** How long an event id is remembered for dedup (default 10 minutes, Slack's retry span). */
  dedupWindowSeconds?: number;
  /** How long a request waits for Redis before enqueue rejects (default 2 s), well inside the 3 s ack deadline. */
  connectTimeoutMs?: number;
  limits?: AbuseLimits;
  metrics?: Metrics;
  warn?: (message: string) => void;
}

export interface BullTurnQueue extends TurnQueue {
  /** The partition queues, for inspection (failed jobs) and tests. */
  readonly queues: readonly Queue<TurnJob>[];
  readonly layout: QueueLayout;
  /** True when Redis answers a PING. */
  ping(): Promise<boolean>;
}

/**
 * The intake half over BullMQ: each turn becomes a job in the partition of its thread, with the
 * job id derived from the event id. Dedup has two layers: an `accepted` key set with SET NX
 * (which says whether this call is the duplicate, at once and for the whole retry window, even
 * after the job was completed and removed) and BullMQ's own refusal of a second job with the same id.
 */
export function createBullQueue(options: BullQueueOptions): BullTurnQueue {
  const layout = resolveLayout(options.layout);
  const attempts = options.attempts ?? 5;
  const dedupWindowSeconds = options.dedupWindowSeconds ?? 600;
  const warn = options.warn ?? ((message: string) => console.warn(`archie: ${message}`));
  const { metrics, limits } = options;
  const connectTimeoutMs = options.connectTimeoutMs ?? 2_000;
  const connection = connectRedis(options.url, connectTimeoutMs, warn);
  const deliveries = createDeliveryLog(connection, { prefix: layout.prefix });
  // Intake must answer the platform within its deadline: adds are never parked in ioredis's
  // offline queue, but wait (until the request's deadline) for a reconnecting client to be ready.
  const bullClient = new Redis({ ...redisOptionsFromUrl(options.url), enableOfflineQueue: false });
  bullClient.on("error", () => undefined);
  const bullReady = readinessOf(bullClient);
  const queues = Array.from({ length: layout.partitions }, (_, i) => new Queue<TurnJob>(partitionName(layout, i), { connection: bullClient, prefix: layout.prefix }));
  for (const queue of queues) queue.on("error", () => undefined);
  const jobOptions: JobsOptions = {
    attempts,
    backoff: { type: "exponential", delay: options.backoffMs ?? 1_000 },
    // Completed jobs are kept briefly for inspection; dedup does not depend on them (see above).
    removeOnComplete: { age: 3600, count: 1000 },
    // Failed jobs stay until someone has looked at them.
    removeOnFail: false,
  };

  /** A repeat within the window is a duplicate only while its job exists or was delivered; otherwise the first try never made it into the queue. */
  async function alreadyQueued(jobId: string, queue: Queue<TurnJob>): Promise<boolean> {
    if (await queue.getJob(jobId)) return true;
    return deliveries.delivered(jobId);
  }

  async function add(queue: Queue<TurnJob>, jobId: string, job: TurnJob, deadline: number): Promise<void> {
    await bullReady(deadline - Date.now());
    await queue.add("turn", job, { ...jobOptions, jobId });
    metrics?.jobQueued(job.turn.key.platform);
  }

  return {
    queues,
    layout,
    async enqueue(turn: Turn, target: ReplyTarget): Promise<EnqueueResult> {
      assertThreadKey(turn.key);
      // Every wait for Redis in this request shares one deadline, inside the platform's ack deadline.
      const deadline = Date.now() + connectTimeoutMs;
      const platform = turn.key.platform;
      const jobId = jobIdFor(turn);
      const queue = queues[partitionOf(turn, layout.partitions)] as Queue<TurnJob>;
      const acceptedKey = `${layout.prefix}:accepted:${jobId}`;
      if (turn.eventId !== undefined) {
        const first = await connection.roundTrip(() => connection.client.set(acceptedKey, "1", "EX", dedupWindowSeconds, "NX"));
        if (first !== "OK" && (await alreadyQueued(jobId, queue))) {
          metrics?.eventDuplicate(platform);
          return { accepted: false, duplicate: true };
        }
      }
      try {
        const job: TurnJob = { turn, target, enqueuedAt: Date.now() };
        const decision = limits ? await limits.check(turn) : { ok: true as const };
        if (!decision.ok) {
          metrics?.turnOutcome(platform, "refused");
          if (decision.notify) await add(queue, jobId, { ...job, refusal: decision.message }, deadline);
          return { accepted: false, duplicate: false, refusal: decision.message };
        }
        await add(queue, jobId, job, deadline);
        return { accepted: true, duplicate: false };
      } catch (error) {
        // Not queued: forget the event so the platform's retry is taken as new, not as a duplicate.
        if (turn.eventId !== undefined) await connection.roundTrip(() => connection.client.del(acceptedKey)).catch(() => undefined);
        throw error;
      }
    },
    async ping() {
      try {
        return (await connection.roundTrip(() => connection.client.ping())) === "PONG";
      } catch {
        return false;
      }
    },
    async close() {
      await Promise.allSettled(queues.map((queue) => queue.close()));
      bullClient.disconnect();
      await connection.close();
      await limits?.close();
    },
  };
}
