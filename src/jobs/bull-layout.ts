import type { RedisOptions } from "ioredis";

/** Where the turn queues live; intake and workers must agree on all three. */
export interface QueueLayout {
  /** Namespace of every key (BullMQ's and the delivery records). No ":" allowed. */
  prefix: string;
  /** Base name of the partition queues. */
  queueName: string;
  /** How many partition queues; the most threads answered at once across all workers. */
  partitions: number;
}

export const DEFAULT_LAYOUT: QueueLayout = { prefix: "archie-jobs", queueName: "turns", partitions: 16 };

export function resolveLayout(layout: Partial<QueueLayout> = {}): QueueLayout {
  const chosen = { ...DEFAULT_LAYOUT, ...layout };
  if (!Number.isSafeInteger(chosen.partitions) || chosen.partitions <= 0) throw new RangeError(`partitions must be a positive whole number, got ${String(layout.partitions)}`);
  // BullMQ joins prefix, queue name and job id with ":" and refuses queue names holding one.
  for (const [name, value] of [["prefix", chosen.prefix], ["queueName", chosen.queueName]] as const) {
    if (value.length === 0 || value.includes(":")) throw new TypeError(`queue ${name} must be a non-empty name without ":", got ${JSON.stringify(value)}`);
  }
  return chosen;
}

export function partitionName(layout: QueueLayout, partition: number): string {
  return `${layout.queueName}-p${partition}`;
}

/**
 * ioredis options for a Redis URL. BullMQ takes connection options, not a URL, and its blocking
 * connections need `maxRetriesPerRequest: null`; reconnection is retried every second at most,
 * so a restarted Redis is picked up quickly.
 */
export function redisOptionsFromUrl(url: string): RedisOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError("the Redis URL is not a URL (expected redis://host:port)");
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") throw new TypeError(`the Redis URL must start with redis:// or rediss://, got ${parsed.protocol}//`);
  const db = parsed.pathname.replace(/^\//, "");
  return {
    host: parsed.hostname || "127.0.0.1",
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(parsed.protocol === "rediss:" ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
    retryStrategy: (attempt: number) => Math.min(attempt * 100, 1000),
  };
}
