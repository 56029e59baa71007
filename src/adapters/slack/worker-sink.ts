import { webApi } from "@slack/bolt";
import { UnrecoverableError } from "bullmq";
import { redact } from "../../agent/fallback.js";
import { secretsOf, type Config } from "../../config.js";
import type { SinkContext } from "../../jobs/sinks.js";
import type { ReplySink } from "../../jobs/types.js";
import { renderPictures } from "../../report/pictures/index.js";
import { createStore } from "../../state/index.js";
import type { ConversationStore } from "../../state/types.js";
import { slackClientOptions } from "./client-options.js";
import { redactingLogger } from "./logger.js";
import { createSlackSink } from "./reply-sink.js";

/** The Slack sink of an `archie worker` process, with the store it keeps followed threads in; close() releases it. */
export interface WorkerSlackSink extends ReplySink {
  close(): Promise<void>;
}

const NOT_CONFIGURED = "Slack is not configured on this worker: set SLACK_BOT_TOKEN (and SLACK_API_URL if the web processes use one)";

/**
 * Builds the worker's Slack sink from the configuration: the bot token and API URL the web
 * processes use, and the shared conversation store (the worker's own, else one opened here and
 * closed by close()). A worker without Slack settings (a Discord-only deployment) still starts;
 * a Slack job it is handed fails for good with a reason saying why.
 */
export function createWorkerSlackSink(config: Config, { metrics, store: lent }: SinkContext = {}): WorkerSlackSink {
  const slack = config.slack;
  if (!slack) {
    const refuse = async () => {
      throw new UnrecoverableError(NOT_CONFIGURED);
    };
    return { deliver: refuse, notifyFailure: refuse, close: async () => undefined };
  }
  const secrets = secretsOf(config);
  const log = (line: string) => process.stderr.write(`${redact(line, secrets)}\n`);
  const client = new webApi.WebClient(slack.botToken, { ...slackClientOptions({ apiUrl: slack.apiUrl }), logger: redactingLogger(log, secrets) });
  const store: ConversationStore = lent ?? createStore(config.redisUrl ? { redisUrl: config.redisUrl } : {});
  // A lent store is closed by its owner.
  const close = lent ? async () => undefined : () => store.close();
  return { ...createSlackSink({ client, store, pictures: renderPictures, log, ...(metrics ? { metrics } : {}) }), close };
}
