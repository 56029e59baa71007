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
  /** Calls waiting for a connection: told true when one is ready, false when the store closes. */
  const readyWaiters = new Set<(ready: boolean) => void>();

  // Reported once per outage: reconnection attempts fail again every second while it lasts.
  function reportOutage(reason: string): void {
    if (outageReported || closed) return;
    outageReported = true;
    warn(`conversation store: Redis unreachable (${reason}); retrying in the background`);
  }
  // Without a listener an 'error' event would crash the process.
  client.on("error", (error: Error) => {
    lastError = error;
    reportOutage(error.message);
  });
  // A server that goes away cleanly closes the connection without any error.
  client.on("close", () => reportOutage("connection closed"));
  client.on("ready", () => {
    if (outageReported) warn("conversation store: Redis reachable again");
    outageReported = false;
    lastError = undefined;
    wakeWaiters(true);
  });

  function unavailable(): StoreUnavailableError {
    if (closed) return new StoreUnavailableError(new Error("the conversation store is closed"));
    return new StoreUnavailableError(lastError ?? new Error(`no connection to Redis within ${connectTimeoutMs} ms`));
  }

  function wakeWaiters(ready: boolean): void {
    const waiting = [...readyWaiters];
    readyWaiters.clear();
    for (const wake of waiting) wake(ready);
  }

  function whenReady(): Promise<void> {
    if (closed) return Promise.reject(unavailable());
    if (client.status === "ready") return Promise.resolve();
    return new Promise((resolve, reject) => {
      const wake = (ready: boolean): void => {
        clearTimeout(timer);
        if (ready) resolve();
        else reject(unavailable());
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
      wakeWaiters(false);
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
