export { discordEnvSchema, parseDiscordConfig, DiscordConfigError, type DiscordConfig } from "../../settings/discord.js";
export { startDiscord, type DiscordOptions, type RunningDiscord } from "./start.js";
export { registerCommands, DESIGN_COMMAND } from "./commands.js";
