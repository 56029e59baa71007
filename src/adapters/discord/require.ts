import type { Config } from "../../config.js";
import { DiscordConfigError, type DiscordConfig } from "../../settings/discord.js";

export function requireDiscord(config: Config): DiscordConfig {
  if (!config.discord) {
    throw new DiscordConfigError("Discord is not configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID (see docs/discord.md).");
  }
  return config.discord;
}
