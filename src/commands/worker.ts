import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import "../adapters/discord/sink.js";
import "../adapters/slack/sink.js";
import { createConversation } from "../agent/conversation.js";
import { createChatModel, modelTimeoutMs } from "../agent/models.js";
import { ConfigError, loadConfig, loadJobsConfig, secretsOf, type JobsConfig, type ModelConfig } from "../config.js";
import { startWorker, type RunningWorker } from "../jobs/bull-worker.js";
import { onShutdown } from "../jobs/shutdown.js";
import { sinkRegistry } from "../jobs/sinks.js";
import { createLogger } from "../observability/logger.js";
import { createMetrics, type Metrics } from "../observability/metrics.js";
import { startOpsServer, type OpsServer, type ReadyCheck } from "../observability/ops-server.js";
import { closePictures } from "../report/pictures/index.js";
import { createStore } from "../state/index.js";

/** Counts every hosted-model call by outcome, through LangChain's callbacks (the agent needs no change). */
function countModelCalls(model: BaseChatModel, config: ModelConfig, metrics: Metrics): BaseChatModel {
  const provider = config.provider;
  model.callbacks = [{ handleLLMEnd: () => metrics.modelCall(provider, "ok"), handleLLMError: () => metrics.modelCall(provider, "error") }];
  return model;
}

/** Time on top of the grace period for closing connections once the turns in hand are done. */
const CLOSE_MARGIN_MS = 5_000;

/** The sentence for a port that cannot be served, naming the variable it came from. */
function portProblem(jobs: JobsConfig, error: unknown): string {
  const reason = error instanceof Error && "code" in error && error.code === "EADDRINUSE" ? "is in use by another process" : `cannot be served (${error instanceof Error ? error.message : String(error)})`;
  const where =
    jobs.opsPortSource === "PORT"
      ? `PORT ${jobs.opsPort} (the port the process manager assigned; OPS_PORT is not set)`
      : jobs.opsPortSource === "OPS_PORT"
        ? `OPS_PORT ${jobs.opsPort}`
        : `OPS_PORT (default ${jobs.opsPort})`;
  return `${where} ${reason}: give each worker on this host its own OPS_PORT (or OPS_PORT=0 to turn /healthz, /readyz and /metrics off). No job was taken.`;
}

/** Binds the ops server before any work is taken, so a taken port stops start-up with nothing in hand. */
async function bindOps(jobs: JobsConfig, ready: ReadyCheck, metrics: Metrics): Promise<OpsServer | undefined> {
  if (jobs.opsPort === 0) return undefined;
  try {
    return await startOpsServer({ port: jobs.opsPort, ready, registry: metrics.registry });
  } catch (error) {
    throw new ConfigError(portProblem(jobs, error));
  }
}

/**
 * `archie worker`: answers the turns the platform processes queued. Runs the conversation with
 * the configured model and store, posts through the sink each platform registered, serves
 * /healthz, /readyz and /metrics, and on SIGTERM stops taking jobs, gives the turns in hand up
 * to SHUTDOWN_GRACE_MS to finish (the rest are handed back to other workers) and exits 0.
 */
export async function workerCommand(): Promise<void> {
  const config = loadConfig();
  const jobs = loadJobsConfig();
  const secrets = secretsOf(config);
  const logger = createLogger({ level: jobs.logLevel, secrets, base: { process: "worker" } });
  const metrics = createMetrics();
  // Not ready until the BullMQ workers run; the server itself is up first so a taken port fails fast.
  const started: { worker?: RunningWorker } = {};
  const ready: ReadyCheck = async () => ({ ok: true, checks: { "taking-jobs": started.worker !== undefined, redis: (await started.worker?.ping()) ?? false } });
  const ops = await bindOps(jobs, ready, metrics);

  const store = createStore({ redisUrl: jobs.redisUrl });
  const hosted = createChatModel(config.model);
  const timeoutMs = modelTimeoutMs(config.model);
  const service = createConversation({
    store,
    ...(hosted ? { model: countModelCalls(hosted, config.model, metrics) } : {}),
    ...(timeoutMs ? { modelTimeoutMs: timeoutMs } : {}),
    secrets,
    log: (line) => logger.warn(line),
  });
  const sinks = await sinkRegistry.build(config, { metrics, store });
  if (sinks.size === 0) logger.warn("no platform has registered a reply sink: every job will fail with that reason and stay in the failed set for inspection");
  const starting = startWorker({
    url: jobs.redisUrl,
    layout: { prefix: jobs.queuePrefix, partitions: jobs.partitions },
    service,
    sinks,
    concurrency: jobs.concurrency,
    metrics,
    log: logger,
    warn: (message) => logger.warn(message),
  });
  // Installed before the first job can arrive, so a SIGTERM during start-up still drains.
  onShutdown(
    async () => {
      const running = await starting;
      logger.info({ active: running.active(), graceMs: jobs.shutdownGraceMs }, "taking no more jobs");
      await running.close(jobs.shutdownGraceMs);
      await ops?.close();
      await store.close();
      await closePictures();
      logger.info("worker stopped");
      logger.flush();
    },
    { timeoutMs: jobs.shutdownGraceMs + CLOSE_MARGIN_MS, log: (message) => logger.info(message) },
  );
  started.worker = await starting;
  logger.info({ partitions: jobs.partitions, concurrency: jobs.concurrency, platforms: [...sinks.keys()], opsPort: ops?.port, model: config.model.provider }, "worker started");
}
