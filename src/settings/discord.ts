import { z } from "zod";

/**
 * The Discord part of the configuration, declared outside the adapter so the core's config reads
 * it without loading discord.js. Only `src/config.ts` hands it the environment; a wrong value
 * fails at start-up with a sentence naming the variable, and the token never appears in it.
 */

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const snowflake = (name: string) =>
  z.preprocess(blankToUndefined, z.string().trim().regex(/^\d{15,21}$/, { message: `must be a Discord id (digits only), as copied from the ${name}` }).optional());

export const discordEnvSchema = z.object({
  DISCORD_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[\w.-]{20,}$/, { message: "must be the bot token from the Developer Portal (Bot → Reset Token), without a 'Bot ' prefix or quotes" })
      .optional(),
  ),
  DISCORD_APPLICATION_ID: snowflake("Developer Portal (General Information → Application ID)"),
  DISCORD_GUILD_ID: snowflake("server (right-click the server → Copy Server ID)"),
  DISCORD_API_URL: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, message: "must be an http(s) URL of the REST API base, such as https://discord.com/api" })
      .transform((url) => url.replace(/\/+$/, ""))
      .optional(),
  ),
});

export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** Commands go to this server only (they appear at once) instead of globally. */
  guildId?: string;
  /** The REST base (".../api"); the gateway address is then read from its /gateway/bot. */
  apiUrl?: string;
}

export class DiscordConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DiscordConfigError";
  }
}

/**
 * Parses the Discord variables: undefined when Discord is not configured at all, a config when
 * DISCORD_TOKEN and DISCORD_APPLICATION_ID are both set, and a DiscordConfigError otherwise.
 */
export function parseDiscordConfig(env: Record<string, string | undefined>): DiscordConfig | undefined {
  const parsed = discordEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new DiscordConfigError(`Configuration problem: ${problems.join("; ")}`);
  }
  const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId, DISCORD_GUILD_ID: guildId, DISCORD_API_URL: apiUrl } = parsed.data;
  if (!token && !applicationId) {
    if (guildId || apiUrl) throw new DiscordConfigError("Configuration problem: DISCORD_GUILD_ID or DISCORD_API_URL is set but DISCORD_TOKEN and DISCORD_APPLICATION_ID are not");
    return undefined;
  }
  if (!token) throw new DiscordConfigError("Configuration problem: DISCORD_APPLICATION_ID is set but DISCORD_TOKEN is not (Developer Portal → Bot → Reset Token)");
  if (!applicationId) throw new DiscordConfigError("Configuration problem: DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is not (Developer Portal → General Information → Application ID)");
  return { token, applicationId, ...(guildId ? { guildId } : {}), ...(apiUrl ? { apiUrl } : {}) };
}

/** Values that must never reach a log line or a message. */
export function discordSecrets(config: DiscordConfig): string[] {
  return [config.token];
}
