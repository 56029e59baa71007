import { hostname } from "node:os";
import { Queue, UnrecoverableError, type Job } from "bullmq";
import { Redis } from "ioredis";
import type { ConversationService } from "../agent/conversation.js";
import type { Metrics } from "../observability/metrics.js";
import { connectRedis } from "../state/redis-connection.js";
import type { Platform } from "../state/types.js";
import { answerJob, fallbackKindOf } from "./answer.js";
import { partitionName, redisOptionsFromUrl, resolveLayout, type QueueLayout } from "./bull-layout.js";
import { createDeliveryLog } from "./delivery-log.js";
import { JOB_FAILED, noSinkReason } from "./messages.js";
import { parseTurnJob } from "./payload.js";
import { createSemaphore } from "./semaphore.js";
import { SlottedWorker } from "./slotted-worker.js";
import type { DeliveryContext, ReplySink, TurnJob } from "./types.js";

export interface WorkerLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface StartWorkerOptions {
  url: string;
  layout?: Partial<QueueLayout>;
  service: ConversationService;
  /** The sink of each platform this worker can post to. */
  sinks: ReadonlyMap<Platform, ReplySink>;
  /** Turns this process answers at once (default: every partition). */
  concurrency?: number;
  /**
   * How often a job may be picked up again after its worker died, before it fails for good
   * (default 2). The worker, not BullMQ's stalled checker, gives up, so the user is told.
   */
  maxCrashRecoveries?: number;
  /** How long a job's lock lasts without renewal; a dead worker's job is retried after it (default RECOVERY). */
  lockDurationMs?: number;
  /** How often locks are checked for dead workers (default RECOVERY). */
  stalledIntervalMs?: number;
  metrics?: Metrics;
  log?: WorkerLog;
  warn?: (message: string) => void;
}

export interface RunningWorker {
  /** True when Redis answers a PING. */
  ping(): Promise<boolean>;
  /** Jobs running in this process. */
  active(): number;
  /**
   * Stops taking jobs, waits up to `graceMs` for those running to finish, then closes every
   * connection. A job still running when the grace ends is handed back: its lock lapses and
   * another worker retries it.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * How fast a dead worker's turns are taken over, set for a chat bot whose user waits for the
 * reply: a job's lock lasts 12 s and is renewed every 2 s (so it survives 10 s of a stalled event
 * loop or of Redis being away, as in a restart), and every partition is checked for lapsed locks
 * every 3 s. A job whose worker died is back in its partition 10–15 s after the crash (the lock
 * runs out 10–12 s after its last renewal, then one check) and, being put at the head of the
 * partition, runs next; the other threads of that partition wait no longer than that.
 */
export const RECOVERY = { lockDurationMs: 12_000, lockRenewMs: 2_000, stalledIntervalMs: 3_000 } as const;

/** This run's lock lapsed and another worker has the job now. */
class JobHandedOnError extends Error {
  override name = "JobHandedOnError";
  constructor() {
    super("the job's lock lapsed and another worker has taken it over; this run stops without posting");
  }
}

const silentLog: WorkerLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The work half: one BullMQ Worker per partition queue, each partition at global concurrency 1
 * (across every worker process), so a thread's turns never run at once and run in order;
 * different partitions run in parallel, up to `concurrency` in this process.
 */
export async function startWorker(options: StartWorkerOptions): Promise<RunningWorker> {
  const layout = resolveLayout(options.layout);
  const log = options.log ?? silentLog;
  const warn = options.warn ?? ((message: string) => log.warn({}, message));
  const { metrics, sinks, service } = options;
  const maxCrashRecoveries = options.maxCrashRecoveries ?? 2;
  const slots = createSemaphore(options.concurrency ?? layout.partitions);
  const connection = connectRedis(options.url, 2_000, warn);
  const deliveries = createDeliveryLog(connection, { prefix: layout.prefix });
  // One client for every worker's commands; BullMQ opens a blocking connection per worker itself.
  const bullClient = new Redis(redisOptionsFromUrl(options.url));
  bullClient.on("error", () => undefined);
  let running = 0;
  const lockDurationMs = options.lockDurationMs ?? RECOVERY.lockDurationMs;
  const stalledIntervalMs = options.stalledIntervalMs ?? RECOVERY.stalledIntervalMs;
  // The lock is renewed six times in its life, so several missed renewals do not lose it.
  const lockRenewMs = Math.round((lockDurationMs * RECOVERY.lockRenewMs) / RECOVERY.lockDurationMs);

  async function notifyOnce(job: TurnJob, sink: ReplySink, context: DeliveryContext): Promise<void> {
    try {
      if (await deliveries.claimFailureNotice(context.deliveryId)) await sink.notifyFailure(job.turn, JOB_FAILED, context);
    } catch (error) {
      log.error({ jobId: context.deliveryId, err: error }, "could not tell the user their turn failed");
    }
  }

  /**
   * Once the platform has the post, failing to record it would post it again on retry; so a Redis
   * blip is waited out (well within the job's lock, before any other worker could take the job over).
   */
  async function recordDelivery(jobId: string): Promise<void> {
    const deadline = Date.now() + lockDurationMs / 2;
    for (let wait = 50; ; wait = Math.min(wait * 2, 500)) {
      try {
        await deliveries.markDelivered(jobId);
        return;
      } catch (error) {
        if (Date.now() + wait > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  /**
   * Answers and posts one run of a job. The conversation commits the thread's new state and the
   * reply together under the job id, so a run after one that got that far gets the same reply
   * back without conversing again; and a run after any earlier one reads the thread before
   * posting (resume), so what is already there is not posted twice.
   */
  async function deliver(job: TurnJob, sink: ReplySink, context: DeliveryContext, ranBefore: boolean, stillOurs: () => Promise<boolean>): Promise<void> {
    const platform = job.turn.key.platform;
    const status = await deliveries.begin(context.deliveryId);
    if (status.delivered) {
      log.info({ jobId: context.deliveryId }, "reply already delivered; not posting again");
      return;
    }
    const reply = await answerJob(service, job, context.deliveryId, (step) => sink.progress?.(job.turn, step, context));
    const fallback = fallbackKindOf(reply);
    if (fallback) metrics?.modelFallback(fallback);
    // A run whose lock lapsed (its event loop or Redis stalled for longer than the lock) has been
    // handed to another worker, which posts the same committed reply: this one must not post too.
    if (!(await stillOurs())) throw new JobHandedOnError();
    await sink.deliver(job.turn, reply, { ...context, resume: ranBefore || status.ranBefore });
    await recordDelivery(context.deliveryId);
    metrics?.turnDelivered(platform, (Date.now() - job.enqueuedAt) / 1000);
    if (job.refusal === undefined) metrics?.turnOutcome(platform, "answered");
  }

  async function processJob(raw: Job<unknown>, token?: string): Promise<void> {
    const jobId = raw.id ?? "";
    const parsed = parseTurnJob(raw.data);
    if (!parsed.ok) throw new UnrecoverableError(`malformed turn job: ${parsed.problem}`);
    const job = parsed.job;
    const platform = job.turn.key.platform;
    const sink = sinks.get(platform);
    if (!sink) throw new UnrecoverableError(noSinkReason(platform));
    const attempts = raw.opts.attempts ?? 1;
    const context: DeliveryContext = { deliveryId: jobId, attempt: raw.attemptsMade + 1, target: job.target };
    // BullMQ's own record; the delivery log's `started` also covers a job re-added for the same event.
    const ranBefore = raw.attemptsStarted > 1 || raw.attemptsMade > 0;
    // Starts beyond attempts made + 1 are pick-ups after a worker died mid-job.
    const recoveries = raw.attemptsStarted - 1 - raw.attemptsMade;
    if (recoveries > maxCrashRecoveries) {
      await notifyOnce(job, sink, context);
      metrics?.jobFailed(platform);
      metrics?.turnOutcome(platform, "failed");
      throw new UnrecoverableError(`the job's worker stopped mid-job ${recoveries} times`);
    }
    if (raw.attemptsStarted === 1) metrics?.queueWait(platform, (Date.now() - job.enqueuedAt) / 1000);
    const ended = metrics?.jobStarted(platform);
    running += 1;
    try {
      const stillOurs = async () => token === undefined || (await raw.extendLock(token, lockDurationMs)) === 1;
      await deliver(job, sink, context, ranBefore, stillOurs);
    } catch (error) {
      if (error instanceof JobHandedOnError) {
        log.warn({ jobId }, error.message);
        throw error;
      }
      const final = error instanceof UnrecoverableError || raw.attemptsMade + 1 >= attempts;
      log.warn({ jobId, attempt: context.attempt, attempts, err: error }, final ? "turn failed for good" : "turn failed; will retry");
      if (final) {
        await notifyOnce(job, sink, context);
        metrics?.jobFailed(platform);
        metrics?.turnOutcome(platform, "failed");
      } else {
        metrics?.jobRetried(platform);
      }
      throw error;
    } finally {
      running -= 1;
      ended?.();
    }
  }

  const workers = Array.from({ length: layout.partitions }, (_, i) => {
    const worker = new SlottedWorker(partitionName(layout, i), processJob, {
      connection: bullClient,
      prefix: layout.prefix,
      // Stored on every job it takes ("processedBy"), so an operator can tell which process ran a turn.
      name: `${hostname()}:${process.pid}`,
      concurrency: 1,
      autorun: false,
      lockDuration: lockDurationMs,
      lockRenewTime: lockRenewMs,
      stalledInterval: stalledIntervalMs,
      // Recovery after a dead worker is bounded by the processor itself (maxCrashRecoveries),
      // which tells the user; the stalled checker failing the job would not.
      maxStalledCount: maxCrashRecoveries + 10,
      // Idle partitions poll Redis every second rather than the default five.
      drainDelay: 1,
    }, slots);
    worker.on("error", (error) => log.warn({ err: error, partition: i }, "worker connection problem"));
    return worker;
  });

  // One job at a time per partition across every worker process keeps each thread in order.
  await Promise.all(workers.map((worker) => worker.waitUntilReady()));
  await Promise.all(
    workers.map(async (worker) => {
      const queue = new Queue(worker.name, { connection: bullClient, prefix: layout.prefix });
      await queue.setGlobalConcurrency(1);
      await queue.close();
    }),
  );
  for (const worker of workers) void worker.run().catch((error: unknown) => log.error({ err: error }, "worker stopped"));

  return {
    async ping() {
      try {
        return (await connection.roundTrip(() => connection.client.ping())) === "PONG";
      } catch {
        return false;
      }
    },
    active: () => running,
    async close(graceMs = 25_000) {
      const closing = Promise.allSettled(workers.map((worker) => worker.close()));
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), graceMs);
      });
      if ((await Promise.race([closing, grace])) === "timeout") {
        log.warn({ running }, "jobs still running after the grace period; their locks will lapse and another worker retries them");
        await Promise.allSettled(workers.map((worker) => worker.close(true)));
      }
      clearTimeout(timer);
      bullClient.disconnect();
      await connection.close();
    },
  };
}
