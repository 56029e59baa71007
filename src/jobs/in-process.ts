import type { ConversationService } from "../agent/conversation.js";
import type { Turn } from "../agent/types.js";
import type { AbuseLimits } from "../limits/types.js";
import type { Metrics } from "../observability/metrics.js";
import { ExpiringMap } from "../state/expiring-map.js";
import { threadKeyString } from "../state/keys.js";
import { answerJob } from "./answer.js";
import { jobIdFor } from "./job-id.js";
import { createKeyedScheduler } from "./keyed-scheduler.js";
import { JOB_FAILED } from "./messages.js";
import type { DeliveryContext, ReplySink, ReplyTarget, TurnJob, TurnQueue } from "./types.js";

export interface InProcessQueueOptions {
  /** Threads answered at once (default 4); turns of one thread always run one after another. */
  concurrency?: number;
  /** Tries per turn before the user is told it failed (default 3). */
  attempts?: number;
  /** The first retry's delay; each next one doubles it (default 200 ms). */
  backoffMs?: number;
  /** How long an event id is remembered for dedup (default 10 minutes, Slack's retry span). */
  dedupWindowMs?: number;
  limits?: AbuseLimits;
  metrics?: Metrics;
  log?: (line: string) => void;
}

export interface InProcessQueue extends TurnQueue {
  /** Resolves when every accepted turn has been answered (or reported failed). */
  drain(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The queue for one process (the console, tests): the same interface and the same guarantees as
 * the BullMQ queue — dedup on the event id, limits, per-thread order, parallel threads, retries
 * with exponential backoff, one failure notice — without Redis. A retry here holds its thread,
 * so later turns of that thread wait for it and order is kept even across retries.
 */
export function createInProcessQueue(service: ConversationService, sink: ReplySink, options: InProcessQueueOptions = {}): InProcessQueue {
  const attempts = options.attempts ?? 3;
  const backoffMs = options.backoffMs ?? 200;
  const dedupWindowMs = options.dedupWindowMs ?? 600_000;
  const log = options.log ?? (() => undefined);
  const { metrics } = options;
  const scheduler = createKeyedScheduler(options.concurrency ?? 4);
  const seen = new ExpiringMap<true>(Date.now);
  let closed = false;

  async function run(job: TurnJob, deliveryId: string): Promise<void> {
    const platform = job.turn.key.platform;
    metrics?.queueWait(platform, (Date.now() - job.enqueuedAt) / 1000);
    const ended = metrics?.jobStarted(platform);
    try {
      for (let attempt = 1; ; attempt += 1) {
        const context: DeliveryContext = { deliveryId, attempt, resume: attempt > 1, target: job.target };
        try {
          const reply = await answerJob(service, job, deliveryId, (step) => sink.progress?.(job.turn, step, context));
          await sink.deliver(job.turn, reply, context);
          metrics?.turnDelivered(platform, (Date.now() - job.enqueuedAt) / 1000);
          // A refusal was counted when the limit refused it at intake.
          if (job.refusal === undefined) metrics?.turnOutcome(platform, "answered");
          return;
        } catch (error) {
          log(`turn ${deliveryId} attempt ${attempt} of ${attempts} failed: ${error instanceof Error ? error.message : String(error)}`);
          if (attempt >= attempts) {
            metrics?.jobFailed(platform);
            metrics?.turnOutcome(platform, "failed");
            await sink.notifyFailure(job.turn, JOB_FAILED, context).catch((notifyError: unknown) => {
              log(`could not tell the user turn ${deliveryId} failed: ${notifyError instanceof Error ? notifyError.message : String(notifyError)}`);
            });
            return;
          }
          metrics?.jobRetried(platform);
          await sleep(backoffMs * 2 ** (attempt - 1));
        }
      }
    } finally {
      ended?.();
    }
  }

  function schedule(turn: Turn, target: ReplyTarget, refusal?: string): void {
    const job: TurnJob = { turn, target, enqueuedAt: Date.now(), ...(refusal !== undefined ? { refusal } : {}) };
    metrics?.jobQueued(turn.key.platform);
    scheduler.add(threadKeyString(turn.key), () => run(job, jobIdFor(turn)));
  }

  return {
    async enqueue(turn, target) {
      if (closed) throw new Error("the turn queue is closed");
      if (turn.eventId !== undefined) {
        if (seen.get(turn.eventId)) {
          metrics?.eventDuplicate(turn.key.platform);
          return { accepted: false, duplicate: true };
        }
        seen.set(turn.eventId, true, dedupWindowMs);
      }
      const decision = options.limits ? await options.limits.check(turn) : { ok: true as const };
      if (!decision.ok) {
        metrics?.turnOutcome(turn.key.platform, "refused");
        if (decision.notify) schedule(turn, target, decision.message);
        return { accepted: false, duplicate: false, refusal: decision.message };
      }
      schedule(turn, target);
      return { accepted: true, duplicate: false };
    },
    drain: () => scheduler.idle(),
    async close() {
      closed = true;
      await scheduler.idle();
      await options.limits?.close();
    },
  };
}
