import { once } from "node:events";
import { Events, type Client } from "discord.js";
import type { ConversationService } from "../../agent/conversation.js";
import { redact } from "../../agent/fallback.js";
import { createConfiguredConversation } from "../../agent/models.js";
import { loadJobsConfig, secretsOf, type Config, type JobsConfig } from "../../config.js";
import { createInProcessQueue } from "../../jobs/in-process.js";
import { createIntakeQueue } from "../../jobs/intake-queue.js";
import type { TurnQueue } from "../../jobs/types.js";
import { createMetrics, type Metrics } from "../../observability/metrics.js";
import { startOpsServer, type OpsServer } from "../../observability/ops-server.js";
import { createMemoryStore, createStore } from "../../state/index.js";
import type { ConversationStore } from "../../state/types.js";
import type { DiscordApp } from "./app.js";
import { countApiErrors, createClient, createRest, isDisallowedIntents } from "./client.js";
import type { DiscordConfig } from "../../settings/discord.js";
import { describe } from "./handlers/errors.js";
import { apologise, onInteraction } from "./handlers/interaction.js";
import { onMessage } from "./handlers/message.js";
import { requireDiscord } from "./require.js";
import { createDiscordSink } from "./rest-sink.js";

export interface DiscordOptions {
  /** Conversation memory; by default Redis when REDIS_URL is set, else process memory. */
  store?: ConversationStore;
  /** The conversation core (TURNS=inline only); by default one over `store` with the configured model. */
  service?: ConversationService;
  /** TURNS=queue: the queue, limits and ops settings; by default read from the environment (REDIS_URL required). */
  jobs?: JobsConfig;
  log?: (line: string) => void;
  /** How long to wait for the gateway's READY and the servers after it. */
  readyTimeoutMs?: number;
}

export interface RunningDiscord {
  /** TURNS=queue with OPS_PORT set: where /healthz, /readyz and /metrics are served. */
  opsPort?: number;
  /** Disconnects from the gateway, then drains (inline) or closes (queue) the turn queue. */
  stop(): Promise<void>;
}

const INTENT_HINT =
  "Discord refused the Message Content intent, so replies in threads will need to mention Archie. " +
  "To fix: Discord Developer Portal → your application → Bot → Privileged Gateway Intents → turn on Message Content Intent, then restart.";

function attach(client: Client, app: DiscordApp): void {
  client.on(Events.MessageCreate, (message) => {
    onMessage(app, message).catch((error: unknown) => app.log(`message ${message.id} failed: ${describe(error)}`));
  });
  client.on(Events.InteractionCreate, (interaction) => {
    onInteraction(app, interaction).catch(async (error: unknown) => {
      app.log(`interaction ${interaction.id} failed: ${describe(error)}`);
      await apologise(interaction).catch(() => undefined);
    });
  });
  client.on(Events.ShardResume, (shard, replayed) => app.log(`gateway resumed (shard ${shard}, ${replayed} events replayed)`));
  client.on(Events.ShardReconnecting, (shard) => app.log(`gateway reconnecting (shard ${shard})`));
  client.on(Events.ShardError, (error) => app.log(`gateway error: ${describe(error)}`));
  client.on(Events.Error, (error) => app.log(`client error: ${describe(error)}`));
}

/** Logs in and waits until the servers are loaded (so channels are cached before messages arrive). */
async function connect(client: Client, token: string, timeoutMs: number): Promise<void> {
  const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(timeoutMs) });
  ready.catch(() => undefined);
  await client.login(token);
  await ready;
}

/** Where the turns go, per TURNS, and what else that mode runs. */
interface Turns {
  queue: TurnQueue;
  /** The memory the intake keeps (the once-per-thread hint). */
  store: ConversationStore;
  ownsStore: boolean;
  /** TURNS=queue: the metrics, the Redis check and the port of the ops endpoints (0: none). */
  queued?: { metrics: Metrics; redisAnswers: () => Promise<boolean>; opsPort: number };
}

/**
 * TURNS=inline: turns are answered here, through the same sink a worker uses (a REST client of
 * its own). TURNS=queue: turns go to Redis, `archie worker` answers them, and this process posts
 * nothing but what intake itself needs (the request of a /design, a thread's first-time hint).
 */
function turnsFor(config: Config, discord: DiscordConfig, options: DiscordOptions, log: (line: string) => void): Turns {
  if (config.turns === "queue") {
    const jobs = options.jobs ?? loadJobsConfig();
    const metrics = createMetrics();
    const queue = createIntakeQueue(jobs, { metrics, warn: log });
    const store = options.store ?? createStore({ redisUrl: jobs.redisUrl });
    return { queue, store, ownsStore: !options.store, queued: { metrics, redisAnswers: () => queue.ping(), opsPort: jobs.opsPort } };
  }
  const store = options.store ?? (config.redisUrl ? createStore({ redisUrl: config.redisUrl }) : createMemoryStore());
  const service = options.service ?? createConfiguredConversation(config, { store, log });
  const sink = createDiscordSink(createRest(discord), { applicationId: discord.applicationId, log, store });
  return { queue: createInProcessQueue(service, sink, { log }), store, ownsStore: !options.store };
}

/**
 * Connects Archie to Discord and answers until stopped. Asks for the Message Content intent
 * first; if Discord refuses it (not enabled for the application), logs how to enable it and
 * connects without it, so mentions and slash commands still work. With TURNS=queue it also
 * serves /healthz, /readyz (Redis and the gateway) and /metrics on OPS_PORT.
 */
export async function startDiscord(config: Config, options: DiscordOptions = {}): Promise<RunningDiscord> {
  const discord = requireDiscord(config);
  const secrets = secretsOf(config);
  const log = (line: string) => (options.log ?? ((l: string) => process.stderr.write(`${l}\n`)))(redact(line, secrets));
  const turns = turnsFor(config, discord, options, log);
  const { queue, store, queued } = turns;
  const metrics = queued?.metrics;
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  let client: Client | undefined;
  let ops: OpsServer | undefined;

  const release = async () => {
    await queue.close();
    await ops?.close();
    if (turns.ownsStore) await store.close();
  };

  const begin = async (messageContent: boolean) => {
    const candidate = createClient(discord, messageContent);
    const app: DiscordApp = { client: candidate, queue, store, joined: new Set(), log, ...(metrics ? { metrics } : {}) };
    attach(candidate, app);
    if (metrics) countApiErrors(candidate.rest, metrics);
    try {
      await connect(candidate, discord.token, readyTimeoutMs);
    } catch (error) {
      await candidate.destroy();
      throw error;
    }
    return candidate;
  };

  if (queued && queued.opsPort > 0) {
    const ready = async () => ({ ok: true, checks: { redis: await queued.redisAnswers(), gateway: client?.isReady() ?? false } });
    try {
      ops = await startOpsServer({ port: queued.opsPort, ready, registry: queued.metrics.registry });
    } catch (error) {
      await release();
      throw new Error(`Could not serve /healthz, /readyz and /metrics on OPS_PORT ${queued.opsPort}: ${describe(error)}`);
    }
  }
  try {
    try {
      client = await begin(true);
    } catch (error) {
      if (!isDisallowedIntents(error)) throw error;
      log(INTENT_HINT);
      client = await begin(false);
    }
  } catch (error) {
    await release();
    throw new Error(`Could not connect to Discord: ${redact(describe(error), secrets)}`);
  }
  log(`connected to Discord as ${client.user?.tag ?? "Archie"} (turns ${config.turns === "queue" ? "queued for workers" : "answered here"})`);
  const connected = client;
  return {
    ...(ops ? { opsPort: ops.port } : {}),
    async stop() {
      // Events stop first; then every accepted turn is answered (inline) or is safe in Redis (queue).
      await connected.destroy();
      await release();
    },
  };
}
