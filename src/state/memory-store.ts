import { encodeState } from "./codec.js";
import { DEFAULT_DEDUP_WINDOW_SECONDS, DEFAULT_LOCK_TTL_MS, DEFAULT_REPLY_TTL_SECONDS, DEFAULT_TTL_SECONDS, DEFAULT_WAIT_MS } from "./defaults.js";
import { StoreLeaseLostError } from "./errors.js";
import { ExpiringMap } from "./expiring-map.js";
import { assertThreadKey, threadKeyString } from "./keys.js";
import { LockTable } from "./memory-lock.js";
import { assertEventId, nonNegativeInteger, positiveInteger } from "./options.js";
import { StoreBusyError, StoreUnavailableError } from "./types.js";
import type { ConversationStore, ThreadKey, ThreadState } from "./types.js";
import { consoleWarn, readableState } from "./warn.js";
import type { Warn } from "./warn.js";

export interface MemoryStoreOptions {
  /** How long an idle thread is remembered (default 30 days). */
  ttlSeconds?: number;
  /** How long a lock is held at most (default 60 s). */
  lockTtlMs?: number;
  /** How long a turn's committed reply is kept for its retries (default one day). */
  replyTtlSeconds?: number;
  /** The clock for time to live and lock expiry, in epoch milliseconds (tests move it). */
  now?: () => number;
  warn?: Warn;
}

/**
 * Conversation memory inside this process: for the console and tests. It keeps the Redis
 * store's behaviour, including its encoding: states are stored as the same size-checked
 * JSON, so a copy goes in and a fresh copy comes out and nothing Redis would lose survives
 * here either.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): ConversationStore {
  const now = options.now ?? Date.now;
  const ttlMs = positiveInteger("ttlSeconds", options.ttlSeconds, DEFAULT_TTL_SECONDS) * 1000;
  const lockTtlMs = positiveInteger("lockTtlMs", options.lockTtlMs, DEFAULT_LOCK_TTL_MS);
  const replyTtlMs = positiveInteger("replyTtlSeconds", options.replyTtlSeconds, DEFAULT_REPLY_TTL_SECONDS) * 1000;
  const warn = options.warn ?? consoleWarn;
  const states = new ExpiringMap<string>(now);
  const seen = new ExpiringMap<true>(now);
  const replies = new ExpiringMap<string>(now);
  const locks = new LockTable(now, lockTtlMs);
  let closed = false;

  function ensureOpen(): void {
    if (closed) throw new StoreUnavailableError(new Error("the conversation store is closed"));
  }

  function read(name: string, key: ThreadKey): ThreadState | undefined {
    return readableState(key, states.get(name), warn);
  }

  return {
    async begin(key, waitMs, turnId) {
      ensureOpen();
      assertThreadKey(key);
      const wait = nonNegativeInteger("waitMs", waitMs, DEFAULT_WAIT_MS);
      if (turnId !== undefined) assertEventId(turnId);
      const name = threadKeyString(key);
      const token = await locks.acquire(name, wait, () => new StoreBusyError(key), turnId);
      const committedReply = turnId !== undefined ? replies.get(turnId) : undefined;
      return {
        lease: { key: { ...key }, token, ...(turnId !== undefined ? { turnId } : {}) },
        state: read(name, key),
        ...(committedReply !== undefined ? { committedReply } : {}),
      };
    },

    async commit(lease, state, reply) {
      ensureOpen();
      const json = encodeState(state);
      const name = threadKeyString(lease.key);
      if (!locks.holds(name, lease.token)) throw new StoreLeaseLostError(lease.key);
      states.set(name, json, ttlMs);
      if (lease.turnId !== undefined && reply !== undefined) replies.set(lease.turnId, reply, replyTtlMs);
      locks.release(name, lease.token);
    },

    async abort(lease) {
      ensureOpen();
      locks.release(threadKeyString(lease.key), lease.token);
    },

    async clear(key) {
      ensureOpen();
      assertThreadKey(key);
      states.delete(threadKeyString(key));
    },

    async firstSighting(eventId, windowSeconds) {
      ensureOpen();
      assertEventId(eventId);
      const windowMs = positiveInteger("windowSeconds", windowSeconds, DEFAULT_DEDUP_WINDOW_SECONDS) * 1000;
      if (seen.get(eventId) !== undefined) return false;
      seen.set(eventId, true, windowMs);
      return true;
    },

    async close() {
      if (closed) return;
      closed = true;
      locks.close(new StoreUnavailableError(new Error("the conversation store was closed while waiting")));
    },
  };
}
