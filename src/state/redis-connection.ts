import { Redis } from "ioredis";
import { StoreUnavailableError } from "./types.js";
import type { Warn } from "./warn.js";

export interface RedisConnection {
  readonly client: Redis;
  /**
   * Sends one request (one round trip) once connected. Waits at most `connectTimeoutMs` for a
   * connection and turns every Redis failure into StoreUnavailableError.
   */
  roundTrip<T>(send: () => Promise<T>): Promise<T>;
  /** Requests sent so far (connection set-up excluded). */
  roundTrips(): number;
  close(): Promise<void>;
}

/** Checks the URL up front so a typo in REDIS_URL is named at start-up. */
function assertRedisUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`the Redis URL is not a URL (expected redis://host:port)`);
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new TypeError(`the Redis URL must start with redis:// or rediss://, got ${parsed.protocol}//`);
  }
}

/**
 * A Redis client that fails fast instead of queueing: while the server is away every request
 * rejects within `connectTimeoutMs`, the client keeps reconnecting in the background, and
 * requests work again as soon as it is back.
 */
export function connectRedis(url: string, connectTimeoutMs: number, warn: Warn): RedisConnection {
  assertRedisUrl(url);
  const client = new Redis(url, {
    connectTimeout: connectTimeoutMs,
    // Bounds a request on a half-open connection, which would otherwise never answer.
    commandTimeout: connectTimeoutMs,
    // Requests are never parked while disconnected (roundTrip waits for "ready" instead, with a
    // deadline), and one in flight when the connection drops fails at once rather than being
    // replayed later: a replayed commit could land after its lease had moved on.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  });

  let sent = 0;
  let closed = false;
  let lastError: Error | undefined;
  let outageReported = false;
  const readyWaiters = new Set<() => void>();

  // Without a listener an 'error' event would crash the process; here it is only reported,
  // once per outage, since reconnection attempts repeat it every second.
  client.on("error", (error: Error) => {
    lastError = error;
    if (!outageReported) {
      outageReported = true;
      warn(`conversation store: Redis unreachable (${error.message}); retrying in the background`);
    }
  });
  client.on("ready", () => {
    if (outageReported) warn("conversation store: Redis reachable again");
    outageReported = false;
    lastError = undefined;
    for (const wake of readyWaiters) wake();
    readyWaiters.clear();
  });

  function unavailable(): StoreUnavailableError {
    return new StoreUnavailableError(
      lastError ?? new Error(closed ? "the conversation store is closed" : `no connection to Redis within ${connectTimeoutMs} ms`),
    );
  }

  function whenReady(): Promise<void> {
    if (closed) return Promise.reject(unavailable());
    if (client.status === "ready") return Promise.resolve();
    return new Promise((resolve, reject) => {
      const wake = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        readyWaiters.delete(wake);
        reject(unavailable());
      }, connectTimeoutMs);
      readyWaiters.add(wake);
    });
  }

  return {
    client,
    async roundTrip(send) {
      await whenReady();
      sent += 1;
      try {
        return await send();
      } catch (error) {
        throw new StoreUnavailableError(error);
      }
    },
    roundTrips: () => sent,
    async close() {
      if (closed) return;
      closed = true;
      if (client.status === "ready") {
        try {
          await client.quit();
          return;
        } catch {
          // The connection dropped while saying goodbye; dropping it outright below is enough.
        }
      }
      client.disconnect();
    },
  };
}
