import { createConversation } from "../../agent/conversation.js";
import { createChatModel, modelTimeoutMs } from "../../agent/models.js";
import { secretsOf, type Config } from "../../config.js";
import { createStore } from "../../state/index.js";
import { startSlackApp } from "./app.js";
import { SlackConfigError } from "./config.js";

export { parseSlackConfig, slackEnvSchema, SlackConfigError, type SlackConfig } from "./config.js";
export { startSlackApp, EVENTS_PATH, type RunningSlackApp, type SlackAppOptions } from "./app.js";

/**
 * `archie slack`: the Slack app over the configured store (Redis when REDIS_URL is set, so
 * threads and event dedup hold across processes) and model. Resolves once it is listening.
 */
export async function startSlack(config: Config): Promise<{ stop(): Promise<void>; port?: number }> {
  if (!config.slack) {
    throw new SlackConfigError("archie slack needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode); see docs/slack.md");
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const store = createStore(config.redisUrl ? { redisUrl: config.redisUrl } : {});
  const model = createChatModel(config.model);
  const timeoutMs = modelTimeoutMs(config.model);
  const secrets = secretsOf(config);
  const service = createConversation({ store, ...(model ? { model } : {}), ...(timeoutMs ? { modelTimeoutMs: timeoutMs } : {}), secrets, log });
  try {
    const running = await startSlackApp({ slack: config.slack, service, store, log, secrets });
    log(`Archie is on Slack (${config.slack.connection.mode === "socket" ? "Socket Mode" : `HTTP on port ${running.port}`}) as <@${running.botUserId}>`);
    return {
      port: running.port,
      async stop() {
        await running.stop();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
