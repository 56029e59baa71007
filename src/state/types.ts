import type { StoredMessage } from "@langchain/core/messages";
import type { Requirements } from "../planner/requirements.js";

export type Platform = "slack" | "discord" | "console";

/** Identifies one conversation: a thread in a channel of a workspace (guild) of a platform. */
export interface ThreadKey {
  platform: Platform;
  workspace: string;
  channel: string;
  thread: string;
}

/** Everything Archie remembers about one thread. Plain JSON so any store can hold it. */
export interface ThreadState {
  /** What the user stated, merged across messages; later statements win. */
  requirements: Requirements;
  /** For each stated field, the message number (1-based) where it was last stated. */
  provenance: Partial<Record<keyof Requirements, number>>;
  /** Recent messages for the model's context, in LangChain's stored form; bounded. */
  messages: StoredMessage[];
  /** Messages dropped from `messages` because of the bound, so the user can be told. */
  droppedMessages: number;
  /**
   * Proposal versions, oldest first; the last is current. Bounded to the newest few. Only the
   * requirements each was planned from are kept: the planner is pure and deterministic, so the
   * proposal is recomputed in about a millisecond instead of carrying ~70 KB through every turn.
   */
  versions: ProposalVersion[];
  /** Fields Archie has asked about and not yet had answered. */
  asked: (keyof Requirements)[];
  /** Number of user messages seen in this thread. */
  turns: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProposalVersion {
  version: number;
  requirements: Requirements;
}

/** A held per-thread lock; pass it back to save and release. */
export interface ThreadLease {
  key: ThreadKey;
  token: string;
  /** The turn that holds it, when the caller named one (see `begin`). */
  turnId?: string;
}

/** What `begin` hands a turn. */
export interface BegunTurn {
  lease: ThreadLease;
  /** The thread's saved state; undefined for a new thread. */
  state: ThreadState | undefined;
  /**
   * The reply this same turn committed earlier (encoded by the caller), when a turn id was given
   * and a previous run of it got as far as its commit: the turn is done, and only that reply is
   * still to be delivered. The state then already holds the turn's effect.
   */
  committedReply?: string;
}

/**
 * Conversation memory. Implemented over Redis (production) and in memory (console, tests);
 * one contract suite runs against both.
 */
export interface ConversationStore {
  /**
   * Waits (up to `waitMs`) for the thread's lock, then returns the lease and the saved state
   * (undefined for a new thread). Throws StoreBusyError when the wait runs out and
   * StoreUnavailableError when the backing store cannot be reached.
   *
   * With a `turnId` (stable across every retry of one platform event), a lock held by an earlier
   * run of the same turn is taken over at once: that run was abandoned (its worker died or its
   * job was handed on), and its late commit, if any, is refused. The reply that turn committed,
   * if it did, comes back as `committedReply`.
   */
  begin(key: ThreadKey, waitMs?: number, turnId?: string): Promise<BegunTurn>;
  /**
   * Saves the state (resetting its time to live) and releases the lock in one step. With a
   * `reply` and a lease that names its turn, the reply is saved in the same step, under the
   * turn's id: the thread's new state and the answer to the turn exist together or not at all.
   */
  commit(lease: ThreadLease, state: ThreadState, reply?: string): Promise<void>;
  /** Releases the lock without saving (the turn failed). */
  abort(lease: ThreadLease): Promise<void>;
  /** Forgets a thread ("start over" clears the state; it does not need the lock). */
  clear(key: ThreadKey): Promise<void>;
  /** True the first time an event id is seen within the window; false for a repeat. */
  firstSighting(eventId: string, windowSeconds?: number): Promise<boolean>;
  close(): Promise<void>;
}

export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super("conversation store unreachable", { cause });
    this.name = "StoreUnavailableError";
  }
}

export class StoreBusyError extends Error {
  constructor(key: ThreadKey) {
    super(`thread ${key.platform}:${key.channel}:${key.thread} is busy`);
    this.name = "StoreBusyError";
  }
}
