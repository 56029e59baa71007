import { randomUUID } from "node:crypto";
import { lockRetryDelayMs, sleep } from "./backoff.js";
import { encodeState } from "./codec.js";
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_DEDUP_WINDOW_SECONDS,
  DEFAULT_KEY_PREFIX,
  DEFAULT_LOCK_TTL_MS,
  DEFAULT_REPLY_TTL_SECONDS,
  DEFAULT_TTL_SECONDS,
  DEFAULT_WAIT_MS,
} from "./defaults.js";
import { StoreLeaseLostError } from "./errors.js";
import { assertThreadKey, escapeKeyPart, threadKeyString, turnLockToken } from "./keys.js";
import { assertEventId, nonNegativeInteger, positiveInteger } from "./options.js";
import { connectRedis } from "./redis-connection.js";
import { defineThreadScripts } from "./redis-scripts.js";
import { StoreBusyError, StoreUnavailableError } from "./types.js";
import type { ConversationStore, ThreadKey, ThreadState } from "./types.js";
import { consoleWarn, readableState } from "./warn.js";
import type { Warn } from "./warn.js";

export interface RedisStoreOptions {
  url: string;
  /** Namespace for every key (default "archie"). */
  keyPrefix?: string;
  /** How long an idle thread is remembered (default 30 days). */
  ttlSeconds?: number;
  /** How long a lock is held at most, so a crashed process's lock expires (default 60 s). */
  lockTtlMs?: number;
  /** How long a turn's committed reply is kept for its retries (default one day). */
  replyTtlSeconds?: number;
  /** How long a request waits for a connection before StoreUnavailableError (default 2 s). */
  connectTimeoutMs?: number;
  warn?: Warn;
}

export interface RedisConversationStore extends ConversationStore {
  /** Requests sent to Redis so far: an uncontended turn costs begin 1 + commit 1 (+ dedup 1). */
  stats(): { roundTrips: number };
}

/** The Redis keys of one thread; every part of the thread key is escaped. */
export function redisThreadKeys(prefix: string, key: ThreadKey): { state: string; lock: string } {
  const state = `${prefix}:${threadKeyString(key)}`;
  return { state, lock: `${state}:lock` };
}

/** Where a named turn's committed reply is kept. */
export function redisReplyKey(prefix: string, turnId: string | undefined): string {
  return `${prefix}:turn:${escapeKeyPart(turnId ?? "")}`;
}

export function redisSeenKey(prefix: string, eventId: string): string {
  return `${prefix}:seen:${escapeKeyPart(eventId)}`;
}

const optionalString = (value: unknown): string | undefined | false => (value === null || value === undefined ? undefined : typeof value === "string" ? value : false);

/** Reads the begin script's reply: whether the lock was taken, the saved JSON and the committed reply, if any. */
function parseBeginReply(reply: unknown): { taken: false } | { taken: true; json: string | undefined; committedReply: string | undefined } {
  if (Array.isArray(reply) && reply[0] === 0) return { taken: false };
  if (Array.isArray(reply) && reply[0] === 1) {
    const json = optionalString(reply[1]);
    const committedReply = optionalString(reply[2]);
    if (json !== false && committedReply !== false) return { taken: true, json, committedReply };
  }
  throw new StoreUnavailableError(new Error(`unexpected reply from the begin script: ${JSON.stringify(reply)}`));
}

/**
 * Conversation memory in Redis: one JSON value per thread with a time to live, a lock per thread
 * (SET NX PX with a random token) and dedup keys (SET NX EX). A turn costs two round trips:
 * `begin` locks and reads in one script, `commit` saves the state (and the turn's reply) and
 * unlocks in another, so a turn's effect and its answer are written in one atomic step.
 *
 * - A saved value that is not JSON or not a thread state is treated as no state (the thread
 *   starts afresh, and the next commit replaces it) and reported through `warn`: throwing
 *   instead would wedge the thread until the value expired.
 * - `commit` saves only while the lease's token still holds the lock, else StoreLeaseLostError;
 *   an oversized state is refused with StateTooLargeError before anything is sent.
 * - `clear` does not wait for the lock: a turn already running saves its state when it commits.
 * - While Redis is unreachable every call rejects with StoreUnavailableError within
 *   `connectTimeoutMs`; the client reconnects in the background and calls work again after.
 */
export function createRedisStore(options: RedisStoreOptions): RedisConversationStore {
  const prefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
  if (prefix.length === 0) throw new TypeError("keyPrefix must not be empty");
  const ttlSeconds = positiveInteger("ttlSeconds", options.ttlSeconds, DEFAULT_TTL_SECONDS);
  const lockTtlMs = positiveInteger("lockTtlMs", options.lockTtlMs, DEFAULT_LOCK_TTL_MS);
  const replyTtlSeconds = positiveInteger("replyTtlSeconds", options.replyTtlSeconds, DEFAULT_REPLY_TTL_SECONDS);
  const connectTimeoutMs = positiveInteger("connectTimeoutMs", options.connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT_MS);
  const warn = options.warn ?? consoleWarn;
  const connection = connectRedis(options.url, connectTimeoutMs, warn);
  const scripts = defineThreadScripts(connection.client);

  const decode = (key: ThreadKey, json: string | undefined): ThreadState | undefined => readableState(key, json, warn);

  return {
    async begin(key, waitMs, turnId) {
      assertThreadKey(key);
      const wait = nonNegativeInteger("waitMs", waitMs, DEFAULT_WAIT_MS);
      if (turnId !== undefined) assertEventId(turnId);
      const keys = redisThreadKeys(prefix, key);
      const { token, tag } = turnLockToken(turnId, randomUUID());
      const replyKey = redisReplyKey(prefix, turnId);
      const deadline = Date.now() + wait;
      for (let attempt = 0; ; attempt += 1) {
        const reply = await connection
          .roundTrip(() => scripts.archieBeginTurn(keys.lock, keys.state, replyKey, token, lockTtlMs, tag))
          .catch((error: unknown) => {
            // The script may still have run (a reply lost, a stalled server answering late); then
            // it holds a lock nobody will release for lockTtlMs. Try to give it back meanwhile.
            connection.roundTrip(() => scripts.archieReleaseLock(keys.lock, token)).catch(() => {});
            throw error;
          });
        const outcome = parseBeginReply(reply);
        if (outcome.taken) {
          const lease = { key: { ...key }, token, ...(turnId !== undefined ? { turnId } : {}) };
          return { lease, state: decode(key, outcome.json), ...(outcome.committedReply !== undefined ? { committedReply: outcome.committedReply } : {}) };
        }
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw new StoreBusyError(key);
        await sleep(Math.min(remaining, lockRetryDelayMs(attempt)));
      }
    },

    async commit(lease, state, reply) {
      const json = encodeState(state);
      const keys = redisThreadKeys(prefix, lease.key);
      const kept = lease.turnId !== undefined && reply !== undefined ? reply : "";
      const saved = await connection.roundTrip(() =>
        scripts.archieCommitTurn(keys.lock, keys.state, redisReplyKey(prefix, lease.turnId), lease.token, json, ttlSeconds, kept, replyTtlSeconds),
      );
      if (saved !== 1) throw new StoreLeaseLostError(lease.key);
    },

    async abort(lease) {
      const keys = redisThreadKeys(prefix, lease.key);
      await connection.roundTrip(() => scripts.archieReleaseLock(keys.lock, lease.token));
    },

    async clear(key) {
      assertThreadKey(key);
      const keys = redisThreadKeys(prefix, key);
      await connection.roundTrip(() => connection.client.del(keys.state));
    },

    async firstSighting(eventId, windowSeconds) {
      assertEventId(eventId);
      const window = positiveInteger("windowSeconds", windowSeconds, DEFAULT_DEDUP_WINDOW_SECONDS);
      const reply = await connection.roundTrip(() =>
        connection.client.set(redisSeenKey(prefix, eventId), "1", "EX", window, "NX"),
      );
      return reply === "OK";
    },

    close: () => connection.close(),

    stats: () => ({ roundTrips: connection.roundTrips() }),
  };
}
