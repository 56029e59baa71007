import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * Archie's Prometheus metrics, one registry per process (not prom-client's global one, so tests
 * and several services in one process do not collide). Adapters, the queue and the worker call
 * the helpers; /metrics serves `registry`.
 */

/** Every metric name, for dashboards and the test that /metrics exposes them. */
export const METRIC_NAMES = [
  "archie_events_received_total",
  "archie_events_duplicate_total",
  "archie_acks_total",
  "archie_ack_seconds",
  "archie_jobs_queued_total",
  "archie_jobs_active",
  "archie_jobs_retried_total",
  "archie_jobs_failed_total",
  "archie_job_queue_wait_seconds",
  "archie_turn_seconds",
  "archie_turns_total",
  "archie_model_calls_total",
  "archie_model_fallbacks_total",
  "archie_platform_api_errors_total",
  "archie_platform_rate_limited_total",
] as const;

/** How a turn ended, from the user's side. */
export type TurnOutcome = "answered" | "refused" | "failed";

export interface Metrics {
  readonly registry: Registry;
  /** A platform event arrived (kind: "mention", "message", "command", "button", …). */
  eventReceived(platform: string, kind: string): void;
  /** The platform delivered an event it had delivered before; it was not queued again. */
  eventDuplicate(platform: string): void;
  /** The event was acknowledged to the platform, `seconds` after it arrived. */
  ackSent(platform: string, seconds: number): void;
  jobQueued(platform: string): void;
  /** A worker started a job; call the returned function when it ends, however it ends. */
  jobStarted(platform: string): () => void;
  jobRetried(platform: string): void;
  jobFailed(platform: string): void;
  /** Time from acceptance to a worker picking the job up. */
  queueWait(platform: string, seconds: number): void;
  /** Time from acceptance to the reply being delivered. */
  turnDelivered(platform: string, seconds: number): void;
  turnOutcome(platform: string, outcome: TurnOutcome): void;
  /** A call to the hosted model ended ("ok" or "error"). */
  modelCall(provider: string, outcome: "ok" | "error"): void;
  /** A turn was answered by the offline model because the hosted one failed (kind: timeout, rate-limited…). */
  modelFallback(kind: string): void;
  /** A platform API call failed; `status` is the HTTP status or an error code. 429s also count as rate limited. */
  platformApiError(platform: string, method: string, status: number | string): void;
}

export interface MetricsOptions {
  /** Also collect Node's process metrics (CPU, memory, event loop lag). Default true. */
  processMetrics?: boolean;
}

// Acks must beat Slack's and Discord's 3 s deadline, so the buckets are finest below it.
const ACK_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5];
const WAIT_BUCKETS = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 300];

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: "archie_" });
  const registers = [registry];

  const events = new Counter({ name: "archie_events_received_total", help: "Platform events received", labelNames: ["platform", "kind"], registers });
  const duplicates = new Counter({ name: "archie_events_duplicate_total", help: "Platform events delivered again and not queued twice", labelNames: ["platform"], registers });
  const acks = new Counter({ name: "archie_acks_total", help: "Events acknowledged to the platform", labelNames: ["platform"], registers });
  const ackSeconds = new Histogram({ name: "archie_ack_seconds", help: "Time from an event's arrival to its acknowledgement", labelNames: ["platform"], buckets: ACK_BUCKETS, registers });
  const queued = new Counter({ name: "archie_jobs_queued_total", help: "Turn jobs accepted into the queue", labelNames: ["platform"], registers });
  const active = new Gauge({ name: "archie_jobs_active", help: "Turn jobs running in this process", labelNames: ["platform"], registers });
  const retried = new Counter({ name: "archie_jobs_retried_total", help: "Turn job attempts that failed and will be retried", labelNames: ["platform"], registers });
  const failed = new Counter({ name: "archie_jobs_failed_total", help: "Turn jobs that failed after their last attempt", labelNames: ["platform"], registers });
  const wait = new Histogram({ name: "archie_job_queue_wait_seconds", help: "Time from acceptance to a worker starting the job", labelNames: ["platform"], buckets: WAIT_BUCKETS, registers });
  const turnSeconds = new Histogram({ name: "archie_turn_seconds", help: "Time from acceptance to the reply's delivery", labelNames: ["platform"], buckets: WAIT_BUCKETS, registers });
  const turns = new Counter({ name: "archie_turns_total", help: "Turns by outcome", labelNames: ["platform", "outcome"], registers });
  const modelCalls = new Counter({ name: "archie_model_calls_total", help: "Hosted model calls", labelNames: ["provider", "outcome"], registers });
  const fallbacks = new Counter({ name: "archie_model_fallbacks_total", help: "Turns answered offline because the hosted model failed", labelNames: ["kind"], registers });
  const apiErrors = new Counter({ name: "archie_platform_api_errors_total", help: "Failed platform API calls", labelNames: ["platform", "method", "status"], registers });
  const rateLimited = new Counter({ name: "archie_platform_rate_limited_total", help: "Platform API calls answered 429", labelNames: ["platform", "method"], registers });

  return {
    registry,
    eventReceived: (platform, kind) => events.inc({ platform, kind }),
    eventDuplicate: (platform) => duplicates.inc({ platform }),
    ackSent(platform, seconds) {
      acks.inc({ platform });
      ackSeconds.observe({ platform }, seconds);
    },
    jobQueued: (platform) => queued.inc({ platform }),
    jobStarted(platform) {
      active.inc({ platform });
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        active.dec({ platform });
      };
    },
    jobRetried: (platform) => retried.inc({ platform }),
    jobFailed: (platform) => failed.inc({ platform }),
    queueWait: (platform, seconds) => wait.observe({ platform }, Math.max(0, seconds)),
    turnDelivered: (platform, seconds) => turnSeconds.observe({ platform }, Math.max(0, seconds)),
    turnOutcome: (platform, outcome) => turns.inc({ platform, outcome }),
    modelCall: (provider, outcome) => modelCalls.inc({ provider, outcome }),
    modelFallback: (kind) => fallbacks.inc({ kind }),
    platformApiError(platform, method, status) {
      apiErrors.inc({ platform, method, status: String(status) });
      if (String(status) === "429") rateLimited.inc({ platform, method });
    },
  };
}
