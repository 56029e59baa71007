import { Client, GatewayIntentBits, Partials, REST, RESTEvents } from "discord.js";
import type { Metrics } from "../../observability/metrics.js";
import type { DiscordConfig } from "../../settings/discord.js";

/**
 * The discord.js client Archie runs on. REST goes through discord.js's own queue, which honours
 * Discord's rate-limit headers (and Retry-After on a 429): nothing here sends requests around it.
 * The gateway address is whatever `GET /gateway/bot` on the REST base says, so pointing
 * DISCORD_API_URL elsewhere moves both.
 */
export function createClient(config: DiscordConfig, messageContent: boolean): Client {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  // Privileged: without it, thread replies that do not mention Archie arrive with empty text.
  if (messageContent) intents.push(GatewayIntentBits.MessageContent);
  return new Client({
    intents,
    // DM channels are not cached until a message arrives in one; partials let that first message through.
    partials: [Partials.Channel],
    // Nothing Archie posts may ping anyone, whatever text it echoes.
    allowedMentions: { parse: [], repliedUser: false },
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  });
}

/** True for the error discord.js raises when the gateway refuses a privileged intent (close code 4014). */
export function isDisallowedIntents(error: unknown): boolean {
  return error instanceof Error && /disallowed intents/i.test(error.message);
}

/** A REST-only client (no gateway): what a worker posts replies with, and what registers commands. */
export function createRest(config: DiscordConfig): REST {
  return new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
}

/** Counts Discord's 429s and 5xx answers (the REST client retries them itself); the route, never the path, which holds tokens. */
export function countApiErrors(rest: REST, metrics: Metrics): void {
  rest.on(RESTEvents.Response, (request, response) => {
    if (response.status === 429 || response.status >= 500) metrics.platformApiError("discord", `${request.method.toUpperCase()} ${request.route}`, response.status);
  });
}
