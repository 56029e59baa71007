import { once } from "node:events";
import { Events, type Client } from "discord.js";
import { createConversation, type ConversationService } from "../../agent/conversation.js";
import { redact } from "../../agent/fallback.js";
import { createChatModel, modelTimeoutMs } from "../../agent/models.js";
import { secretsOf, type Config } from "../../config.js";
import { createMemoryStore, createStore } from "../../state/index.js";
import type { ConversationStore } from "../../state/types.js";
import type { DiscordApp } from "./app.js";
import { createClient, isDisallowedIntents } from "./client.js";
import { describe } from "./handlers/errors.js";
import { apologise, onInteraction } from "./handlers/interaction.js";
import { onMessage } from "./handlers/message.js";
import { requireDiscord } from "./require.js";

export interface DiscordOptions {
  /** Conversation memory; by default Redis when REDIS_URL is set, else process memory. */
  store?: ConversationStore;
  /** The conversation core; by default one over `store` with the configured model. */
  service?: ConversationService;
  log?: (line: string) => void;
  /** How long to wait for the gateway's READY and the servers after it. */
  readyTimeoutMs?: number;
}

export interface RunningDiscord {
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

function conversation(config: Config, store: ConversationStore, secrets: string[], log: (line: string) => void): ConversationService {
  const model = createChatModel(config.model);
  const timeoutMs = modelTimeoutMs(config.model);
  return createConversation({ store, ...(model ? { model } : {}), ...(timeoutMs ? { modelTimeoutMs: timeoutMs } : {}), secrets, log });
}

/** Logs in and waits until the servers are loaded (so channels are cached before messages arrive). */
async function connect(client: Client, token: string, timeoutMs: number): Promise<void> {
  const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(timeoutMs) });
  ready.catch(() => undefined);
  await client.login(token);
  await ready;
}

/**
 * Connects Archie to Discord and answers until stopped. Asks for the Message Content intent
 * first; if Discord refuses it (not enabled for the application), logs how to enable it and
 * connects without it, so mentions and slash commands still work.
 */
export async function startDiscord(config: Config, options: DiscordOptions = {}): Promise<RunningDiscord> {
  const discord = requireDiscord(config);
  const secrets = secretsOf(config);
  const log = (line: string) => (options.log ?? ((l: string) => process.stderr.write(`${l}\n`)))(redact(line, secrets));
  const store = options.store ?? (config.redisUrl ? createStore({ redisUrl: config.redisUrl }) : createMemoryStore());
  const service = options.service ?? conversation(config, store, secrets, log);
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;

  const begin = async (messageContent: boolean) => {
    const client = createClient(discord, messageContent);
    const app: DiscordApp = { client, service, store, joined: new Set(), log };
    attach(client, app);
    try {
      await connect(client, discord.token, readyTimeoutMs);
    } catch (error) {
      await client.destroy();
      throw error;
    }
    return client;
  };

  let client: Client;
  try {
    try {
      client = await begin(true);
    } catch (error) {
      if (!isDisallowedIntents(error)) throw error;
      log(INTENT_HINT);
      client = await begin(false);
    }
  } catch (error) {
    if (!options.store) await store.close();
    throw new Error(`Could not connect to Discord: ${redact(describe(error), secrets)}`);
  }
  log(`connected to Discord as ${client.user?.tag ?? "Archie"}`);
  return {
    async stop() {
      await client.destroy();
      if (!options.store) await store.close();
    },
  };
}
