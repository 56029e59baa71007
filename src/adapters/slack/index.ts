import { createConfiguredConversation } from "../../agent/models.js";
import { loadJobsConfig, secretsOf, type Config } from "../../config.js";
import { createIntakeQueue } from "../../jobs/intake-queue.js";
import { createMetrics } from "../../observability/metrics.js";
import { createStore } from "../../state/index.js";
import { startSlackApp, type RunningSlackApp } from "./app.js";
import { SlackConfigError } from "../../settings/slack.js";

export { parseSlackConfig, slackEnvSchema, SlackConfigError, type SlackConfig } from "../../settings/slack.js";
export { startSlackApp, EVENTS_PATH, type RunningSlackApp, type SlackAppOptions } from "./app.js";

/**
 * `archie slack`. TURNS=inline: the Slack app answers turns itself, over the configured store
 * (Redis when REDIS_URL is set) and model. TURNS=queue: it only takes events in, queueing each
 * turn in Redis for `archie worker`; any number of these processes can run behind a load balancer.
 * Resolves once it is listening.
 */
export async function startSlack(config: Config): Promise<{ stop(): Promise<void>; port?: number }> {
  if (!config.slack) {
    throw new SlackConfigError("archie slack needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode); see docs/slack.md");
  }
  const slack = config.slack;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const secrets = secretsOf(config);
  const metrics = createMetrics();
  // Read before anything connects: TURNS=queue without REDIS_URL stops here with a ConfigError.
  const jobs = config.turns === "queue" ? loadJobsConfig() : undefined;
  const store = createStore(jobs ? { redisUrl: jobs.redisUrl } : config.redisUrl ? { redisUrl: config.redisUrl } : {});
  let closeQueue: () => Promise<void> = async () => undefined;
  try {
    let running: RunningSlackApp;
    if (jobs) {
      const queue = createIntakeQueue(jobs, { metrics, warn: log });
      closeQueue = () => queue.close();
      running = await startSlackApp({ slack, queue, store, log, secrets, metrics, ready: async () => ({ redis: await queue.ping() }) });
    } else {
      const service = createConfiguredConversation(config, { store, log });
      running = await startSlackApp({ slack, service, store, log, secrets, metrics });
    }
    const where = slack.connection.mode === "socket" ? "Socket Mode" : `HTTP on port ${running.port}`;
    log(`Archie is on Slack (${where}, turns ${config.turns === "queue" ? "queued for the workers" : "answered here"}) as <@${running.botUserId}>`);
    return {
      port: running.port,
      async stop() {
        // Stop taking events and finish what was taken, then close the queue it went into.
        await running.stop();
        await closeQueue();
        await store.close();
      },
    };
  } catch (error) {
    await closeQueue();
    await store.close();
    throw error;
  }
}
