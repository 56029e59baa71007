import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import "../adapters/discord/sink.js";
import "../adapters/slack/sink.js";
import { createConfiguredConversation } from "../agent/models.js";
import { loadConfig, loadJobsConfig, secretsOf, type ModelConfig } from "../config.js";
import { startWorker } from "../jobs/bull-worker.js";
import { onShutdown } from "../jobs/shutdown.js";
import { sinkRegistry } from "../jobs/sinks.js";
import { createLogger } from "../observability/logger.js";
import { createMetrics, type Metrics } from "../observability/metrics.js";
import { startOpsServer } from "../observability/ops-server.js";
import { createStore } from "../state/index.js";

/** Counts every hosted-model call by outcome, through LangChain's callbacks (the agent needs no change). */
function countModelCalls(model: BaseChatModel, config: ModelConfig, metrics: Metrics): BaseChatModel {
  const provider = config.provider;
  model.callbacks = [{ handleLLMEnd: () => metrics.modelCall(provider, "ok"), handleLLMError: () => metrics.modelCall(provider, "error") }];
  return model;
}

/**
 * `archie worker`: answers the turns the platform processes queued. Runs the conversation with
 * the configured model and store, posts through the sink each platform registered, serves
 * /healthz, /readyz and /metrics, and on SIGTERM finishes the turns in hand before exiting.
 */
export async function workerCommand(): Promise<void> {
  const config = loadConfig();
  const jobs = loadJobsConfig();
  const secrets = secretsOf(config);
  const logger = createLogger({ level: jobs.logLevel, secrets, base: { process: "worker" } });
  const metrics = createMetrics();
  const store = createStore({ redisUrl: jobs.redisUrl });
  const service = createConfiguredConversation(config, {
    store,
    log: (line) => logger.warn(line),
    observeModel: (model) => countModelCalls(model, config.model, metrics),
  });
  const sinks = await sinkRegistry.build(config, { metrics, store });
  if (sinks.size === 0) logger.warn("no platform has registered a reply sink: every job will fail with that reason and stay in the failed set for inspection");
  const worker = await startWorker({
    url: jobs.redisUrl,
    layout: { prefix: jobs.queuePrefix, partitions: jobs.partitions },
    service,
    sinks,
    concurrency: jobs.concurrency,
    metrics,
    log: logger,
    warn: (message) => logger.warn(message),
  });
  const ops = jobs.opsPort > 0 ? await startOpsServer({ port: jobs.opsPort, ready: async () => ({ ok: true, checks: { redis: await worker.ping() } }), registry: metrics.registry }) : undefined;
  logger.info({ partitions: jobs.partitions, concurrency: jobs.concurrency, platforms: [...sinks.keys()], opsPort: ops?.port, model: config.model.provider }, "worker started");
  onShutdown(
    async () => {
      await worker.close();
      await ops?.close();
      await store.close();
      logger.info("worker stopped");
      logger.flush();
    },
    { log: (message) => logger.info(message) },
  );
}
