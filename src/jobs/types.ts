import type { Reply, TurnStep, Turn } from "../agent/types.js";
import type { Platform } from "../state/types.js";

/**
 * Intake and work, split. A platform process (Slack web, Discord gateway) acknowledges an event,
 * turns it into a Turn and enqueues it; a worker runs the conversation and hands the Reply to
 * the platform's ReplySink. The console and the tests run both halves in one process.
 */

/**
 * Where a reply goes, as the platform adapter defines it (a channel and thread id, a response
 * URL, an interaction token…). Plain strings only: it travels inside a JSON job payload.
 */
export type ReplyTarget = Record<string, string>;

/** What a sink is told about one delivery, so a platform that supports it can deduplicate. */
export interface DeliveryContext {
  /**
   * Stable for every attempt at the same job: a platform with an idempotency key (Discord's
   * message `nonce` with `enforce_nonce`) can use it to close the duplicate window completely.
   */
  deliveryId: string;
  /** 1 for the first attempt, 2 for the first retry, … (a pick-up after a worker died is not an attempt) */
  attempt: number;
  /**
   * True when this job ran before (a failed attempt, or a worker that died mid-job): part of the
   * reply may already be on the platform, so the sink must look before posting.
   */
  resume?: boolean;
  target: ReplyTarget;
}

/** Posts replies back to one platform. Each platform adapter implements it. */
export interface ReplySink {
  /** Posts every post of the reply in order; throws when the platform refused (the job is retried). */
  deliver(turn: Turn, reply: Reply, context: DeliveryContext): Promise<void>;
  /** Tells the user, in the thread, that their message could not be answered. */
  notifyFailure(turn: Turn, message: string, context: DeliveryContext): Promise<void>;
  /** Optional: hears each step of the turn while it is answered, to show progress; never throws. */
  progress?(turn: Turn, step: TurnStep, context: DeliveryContext): void;
}

/** The job payload: plain JSON, readable by any worker process. */
export interface TurnJob {
  turn: Turn;
  target: ReplyTarget;
  /** When the intake accepted it (ms since the epoch), for the queue-wait figure. */
  enqueuedAt: number;
  /** Set when an abuse limit refused the turn: the worker posts this instead of conversing. */
  refusal?: string;
}

export interface EnqueueResult {
  /** The turn will be answered (it is queued or running). */
  accepted: boolean;
  /** The platform delivered this event before; it was not queued again. */
  duplicate: boolean;
  /** Set when an abuse limit refused the turn: the sentence the user is (or was) shown. */
  refusal?: string;
}

/** Accepts turns for answering. Implemented in process (console, tests) and over BullMQ. */
export interface TurnQueue {
  /**
   * Deduplicates on `turn.eventId`, applies the abuse limits and queues the turn. Resolves once
   * the turn is safely accepted (for BullMQ: written to Redis), so the caller may acknowledge the
   * platform; rejects when it could not be accepted (the platform should retry).
   */
  enqueue(turn: Turn, target: ReplyTarget): Promise<EnqueueResult>;
  close(): Promise<void>;
}

export type { Platform };
