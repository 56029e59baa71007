import { App, HTTPReceiver, LogLevel, SocketModeReceiver, webApi, type CustomRoute, type Receiver } from "@slack/bolt";
import type { AddressInfo } from "node:net";
import type { ConversationService } from "../../agent/conversation.js";
import { redact } from "../../agent/fallback.js";
import { renderPictures } from "../../report/pictures/index.js";
import type { ConversationStore } from "../../state/types.js";
import { slackClientOptions } from "./client-options.js";
import { slackSecrets, type SlackConfig } from "./config.js";
import { registerCommands } from "./listeners/commands.js";
import { registerEvents } from "./listeners/events.js";
import { registerInteractions } from "./listeners/interactions.js";
import type { ListenerDeps } from "./listeners/shared.js";
import { redactingLogger } from "./logger.js";
import { createOutbox } from "./outbox.js";
import { createPipeline, type PipelineOptions } from "./pipeline.js";

/**
 * The Bolt app: Socket Mode or the HTTP receiver (signed requests at /slack/events), GET /healthz
 * on the port, and the listeners. Every listener acknowledges first; the turn runs afterwards
 * and stop() waits for turns still running.
 */

export interface SlackAppOptions {
  slack: SlackConfig;
  service: ConversationService;
  store: ConversationStore;
  log: (line: string) => void;
  /** Other values to keep out of logs (model keys, the Redis password). */
  secrets?: readonly string[];
  /** Draws the proposal's pictures (the report's renderer unless a test replaces it). */
  pictures?: PipelineOptions["pictures"];
  /** Retry pause of the outbox after an ambiguous failure (tests shorten it). */
  retryDelayMs?: number;
}

export interface RunningSlackApp {
  app: App;
  /** The HTTP port listened on (the events endpoint, or /healthz only in Socket Mode). */
  port?: number;
  botUserId: string;
  /** Resolves when no turn is running (all replies posted). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export const EVENTS_PATH = "/slack/events";

const health: CustomRoute = {
  path: "/healthz",
  method: ["GET"],
  handler: (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"ok":true}');
  },
};

export async function startSlackApp(options: SlackAppOptions): Promise<RunningSlackApp> {
  const { slack } = options;
  const secrets = [...slackSecrets(slack), ...(options.secrets ?? [])];
  const log = (line: string) => options.log(redact(line, secrets));
  const logger = redactingLogger(log, secrets, LogLevel.WARN);
  const clientOptions = { ...slackClientOptions({ apiUrl: slack.apiUrl }), logger };

  // Who Archie is, once, up front: a bad token fails here with a clear message, and Bolt does not
  // have to ask before acknowledging the first event.
  const identity = await new webApi.WebClient(slack.botToken, clientOptions).auth.test().catch((error: unknown) => {
    const code = typeof error === "object" && error !== null && "data" in error ? (error as { data?: { error?: string } }).data?.error : undefined;
    throw new Error(`Slack rejected the bot token (${code ?? (error instanceof Error ? error.message : String(error))}); check SLACK_BOT_TOKEN`);
  });
  if (!identity.user_id) throw new Error("Slack's auth.test did not name the bot user; check SLACK_BOT_TOKEN");

  const receiver: Receiver =
    slack.connection.mode === "socket"
      ? new SocketModeReceiver({ appToken: slack.connection.appToken, logger, customRoutes: [health], installerOptions: { port: slack.port } })
      : new HTTPReceiver({ signingSecret: slack.connection.signingSecret, endpoints: EVENTS_PATH, customRoutes: [health], logger });
  const app = new App({
    token: slack.botToken,
    botUserId: identity.user_id,
    ...(identity.bot_id ? { botId: identity.bot_id } : {}),
    receiver,
    logger,
    clientOptions,
  });

  const running = new Set<Promise<void>>();
  const background: ListenerDeps["background"] = (name, work) => {
    // Start on a later turn of the event loop, so the acknowledgement is written first.
    const task = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((error: unknown) => log(`${name} failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => running.delete(task));
    running.add(task);
  };
  const outbox = createOutbox({ client: app.client, log, ...(options.retryDelayMs !== undefined ? { retryDelayMs: options.retryDelayMs } : {}) });
  const pipeline = createPipeline({ service: options.service, store: options.store, outbox, client: app.client, pictures: options.pictures ?? renderPictures, log });
  const deps: ListenerDeps = { store: options.store, pipeline, log, background };
  registerEvents(app, deps);
  registerCommands(app, deps);
  registerInteractions(app, deps);
  app.error(async (error) => log(`Slack listener error: ${error.message}`));

  let port: number | undefined;
  if (slack.connection.mode === "http") {
    const server = await app.start(slack.port);
    port = (server.address() as AddressInfo).port;
  } else {
    await app.start();
    port = slack.port;
  }
  return {
    app,
    port,
    botUserId: identity.user_id,
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    async stop() {
      await app.stop();
      await Promise.allSettled([...running]);
    },
  };
}
