import { Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody, ApplicationCommandOptionType, ApplicationCommandType } from "discord.js";
import type { Config } from "../../config.js";
import { createRest } from "./client.js";
import { requireDiscord } from "./require.js";

/** The longest request the command accepts; the core reads at most 4,000 characters a message. */
export const MAX_REQUEST = 4000;

export const DESIGN_COMMAND: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  name: "design",
  type: ApplicationCommandType.ChatInput,
  description: "Design a production architecture: Archie asks what it needs, then proposes one in a thread.",
  options: [
    {
      name: "request",
      description: "What you are building, e.g. a food-delivery app, 50k DAU, $3k/month",
      type: ApplicationCommandOptionType.String,
      required: true,
      max_length: MAX_REQUEST,
    },
  ],
};

/**
 * Registers /design: in DISCORD_GUILD_ID when set (it appears there at once, for testing),
 * otherwise globally (Discord may take up to an hour to show it everywhere). Registering
 * replaces Archie's command list, so running it twice is harmless.
 */
export async function registerCommands(config: Config): Promise<string> {
  const discord = requireDiscord(config);
  const rest = createRest(discord);
  const route = discord.guildId
    ? Routes.applicationGuildCommands(discord.applicationId, discord.guildId)
    : Routes.applicationCommands(discord.applicationId);
  const saved = (await rest.put(route, { body: [DESIGN_COMMAND] })) as { name: string }[];
  const names = saved.map((c) => `/${c.name}`).join(", ");
  return discord.guildId
    ? `Registered ${names} in server ${discord.guildId}; it is available there now.`
    : `Registered ${names} globally; Discord can take up to an hour to show it in every server.`;
}
