import { App, HTTPReceiver, LogLevel, SocketModeReceiver, webApi, type CustomRoute, type Receiver } from "@slack/bolt";
import type { AddressInfo } from "node:net";
import type { ConversationService } from "../../agent/conversation.js";
import { redact } from "../../agent/fallback.js";
import { createInProcessQueue, type InProcessQueue } from "../../jobs/in-process.js";
import type { TurnQueue } from "../../jobs/types.js";
import { createMetrics, type Metrics } from "../../observability/metrics.js";
import { opsRoutes } from "../../observability/ops-server.js";
import { renderPictures } from "../../report/pictures/index.js";
import type { ConversationStore } from "../../state/types.js";
import { slackClientOptions } from "./client-options.js";
import { slackSecrets, type SlackConfig } from "../../settings/slack.js";
import { createIntake } from "./intake.js";
import { registerCommands } from "./listeners/commands.js";
import { registerEvents } from "./listeners/events.js";
import { registerInteractions } from "./listeners/interactions.js";
import type { ListenerDeps } from "./listeners/shared.js";
import { redactingLogger } from "./logger.js";
import { createSlackSink, type SlackSinkOptions } from "./reply-sink.js";
import { slackReachable } from "./reachable.js";
import { createWorkingReactions } from "./reaction.js";
import { AckAfterListenerReceiver } from "./socket-receiver.js";

/**
 * The Bolt app: Socket Mode or the HTTP receiver (signed requests at /slack/events), /healthz,
 * /readyz and /metrics on the port, and the listeners. Each listener queues its turn and
 * acknowledges; with a service (TURNS=inline) this process also answers the queue, with a queue
 * of its own (TURNS=queue) the workers do and this process only takes events in.
 */

interface SlackAppBase {
  slack: SlackConfig;
  /** Tells the threads Archie follows (state/membership.ts); inline, also where the sink records them. */
  store: ConversationStore;
  log: (line: string) => void;
  /** Other values to keep out of logs (model keys, the Redis password). */
  secrets?: readonly string[];
  metrics?: Metrics;
  /** More readiness checks for /readyz (Redis…); Slack's own is always made. */
  ready?: () => Promise<Record<string, boolean>>;
  /** Inline: draws the proposal's pictures (the report's renderer unless a test replaces it). */
  pictures?: SlackSinkOptions["pictures"];
  /** Inline: retry pause of the outbox after an ambiguous failure (tests shorten it). */
  retryDelayMs?: number;
}

/** Inline: this process answers turns with `service`. Queue: turns go into `queue` for the workers; its owner closes it. */
export type SlackAppOptions = SlackAppBase & ({ service: ConversationService; queue?: never } | { queue: TurnQueue; service?: never });

export interface RunningSlackApp {
  app: App;
  /** The HTTP port listened on (the events endpoint, or the ops routes only in Socket Mode). */
  port?: number;
  botUserId: string;
  /** Resolves when no work is in hand here: acknowledgement follow-ups done and, inline, every reply posted. */
  idle(): Promise<void>;
  /** Stops taking events, then finishes what was taken (inline: answers it). */
  stop(): Promise<void>;
}

export const EVENTS_PATH = "/slack/events";

export async function startSlackApp(options: SlackAppOptions): Promise<RunningSlackApp> {
  const { slack } = options;
  const secrets = [...slackSecrets(slack), ...(options.secrets ?? [])];
  const log = (line: string) => options.log(redact(line, secrets));
  const logger = redactingLogger(log, secrets, LogLevel.WARN);
  const clientOptions = { ...slackClientOptions({ apiUrl: slack.apiUrl }), logger };
  const metrics = options.metrics ?? createMetrics({ processMetrics: false });

  // Who Archie is, once, up front: a bad token fails here with a clear message, and Bolt does not
  // have to ask before acknowledging the first event.
  const probe = new webApi.WebClient(slack.botToken, clientOptions);
  const identity = await probe.auth.test().catch((error: unknown) => {
    const code = typeof error === "object" && error !== null && "data" in error ? (error as { data?: { error?: string } }).data?.error : undefined;
    throw new Error(`Slack rejected the bot token (${code ?? (error instanceof Error ? error.message : String(error))}); check SLACK_BOT_TOKEN`);
  });
  if (!identity.user_id) throw new Error("Slack's auth.test did not name the bot user; check SLACK_BOT_TOKEN");

  const slackUp = slackReachable(probe);
  const routes = opsRoutes({ registry: metrics.registry, ready: async () => ({ ok: true, checks: { ...(options.ready ? await options.ready() : {}), slack: await slackUp() } }) });
  const customRoutes: CustomRoute[] = Object.entries(routes).map(([path, handler]) => ({ path, method: ["GET"], handler }));
  // Socket Mode asks apps.connections.open for its WebSocket URL with a WebClient of its own, which
  // Bolt builds from installerOptions.clientOptions: the API URL has to go there too. Only the URL:
  // that client keeps its own retry policy, which keeps trying while it reconnects.
  const socketClientOptions = slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {};
  const receiver: Receiver =
    slack.connection.mode === "socket"
      ? // Acknowledges once the listener has returned, as processBeforeResponse does over HTTP.
        new AckAfterListenerReceiver(
          new SocketModeReceiver({
            appToken: slack.connection.appToken,
            logger,
            customRoutes,
            installerOptions: { port: slack.port, clientOptions: socketClientOptions },
            customPropertiesExtractor: () => ({ receivedAt: Date.now() }),
          }),
        )
      : new HTTPReceiver({
          signingSecret: slack.connection.signingSecret,
          endpoints: EVENTS_PATH,
          customRoutes,
          logger,
          // The response waits for the listener, so an event is acknowledged only once its turn is queued.
          processBeforeResponse: true,
          customPropertiesExtractor: () => ({ receivedAt: Date.now() }),
        });
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
  const reactions = createWorkingReactions(app.client, log);
  let inline: InProcessQueue | undefined;
  if (options.service) {
    const sink = createSlackSink({
      client: app.client,
      reactions,
      store: options.store,
      pictures: options.pictures ?? renderPictures,
      log,
      metrics,
      ...(options.retryDelayMs !== undefined ? { retryDelayMs: options.retryDelayMs } : {}),
    });
    inline = createInProcessQueue(options.service, sink, { metrics, log });
  }
  const queue = inline ?? options.queue;
  if (!queue) throw new TypeError("startSlackApp needs a conversation service (inline) or a turn queue");
  const intake = createIntake({ queue, reactions, metrics, background });
  const deps: ListenerDeps = { store: options.store, intake, log, metrics, background };
  registerEvents(app, deps);
  registerCommands(app, deps);
  registerInteractions(app, deps);
  app.error(async (error) => {
    log(`Slack listener error: ${error.message}`);
    // Rethrown so the receiver does not acknowledge (HTTP: a 500; Socket Mode: no ack): Slack delivers the event again.
    throw error;
  });

  let port: number | undefined;
  if (slack.connection.mode === "http") {
    const server = await app.start(slack.port);
    port = (server.address() as AddressInfo).port;
  } else {
    await app.start();
    port = slack.port;
  }

  async function settle(): Promise<void> {
    do {
      await Promise.allSettled([...running]);
      await inline?.drain();
    } while (running.size > 0);
  }

  return {
    app,
    port,
    botUserId: identity.user_id,
    idle: settle,
    async stop() {
      await app.stop();
      await settle();
      await inline?.close();
    },
  };
}
