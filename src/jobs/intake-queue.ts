import type { JobsConfig } from "../config.js";
import { createRedisLimits, DEFAULT_LIMIT_SETTINGS } from "../limits/index.js";
import type { Metrics } from "../observability/metrics.js";
import { createBullQueue, type BullTurnQueue } from "./bull-queue.js";

/**
 * The queue a platform process enqueues into when TURNS=queue: BullMQ with the configured
 * layout, attempts and backoff, and the abuse limits in the same Redis, so every intake process
 * counts against the same limits.
 */
export function createIntakeQueue(jobs: JobsConfig, options: { metrics?: Metrics; warn?: (message: string) => void } = {}): BullTurnQueue {
  const settings = {
    ...DEFAULT_LIMIT_SETTINGS,
    userPerWindow: jobs.limits.userPerMinute,
    workspacePerWindow: jobs.limits.workspacePerMinute,
    maxActiveThreads: jobs.limits.maxActiveThreads,
  };
  const limits = createRedisLimits(settings, { url: jobs.redisUrl, keyPrefix: jobs.queuePrefix, ...(options.warn ? { warn: options.warn } : {}) });
  return createBullQueue({
    url: jobs.redisUrl,
    layout: { prefix: jobs.queuePrefix, partitions: jobs.partitions },
    attempts: jobs.attempts,
    backoffMs: jobs.backoffMs,
    limits,
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...(options.warn ? { warn: options.warn } : {}),
  });
}
