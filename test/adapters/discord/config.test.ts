import { describe, expect, it } from "vitest";
import { DiscordConfigError, parseDiscordConfig } from "../../../src/settings/discord.js";
import { ConfigError, loadConfig, secretsOf } from "../../../src/config.js";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.fake-token_value-0123456789";
const APP = "123456789012345678";

describe("parseDiscordConfig", () => {
  it("is undefined when Discord is not configured", () => {
    expect(parseDiscordConfig({})).toBeUndefined();
    expect(parseDiscordConfig({ DISCORD_TOKEN: " " })).toBeUndefined();
  });

  it("reads the token, application id, guild and API base", () => {
    expect(parseDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_GUILD_ID: "223456789012345678", DISCORD_API_URL: "http://127.0.0.1:9999/api/" })).toEqual({
      token: TOKEN,
      applicationId: APP,
      guildId: "223456789012345678",
      apiUrl: "http://127.0.0.1:9999/api",
    });
  });

  it("names what is missing or wrong, and never prints the token", () => {
    expect(() => parseDiscordConfig({ DISCORD_TOKEN: TOKEN })).toThrow(/DISCORD_APPLICATION_ID/);
    expect(() => parseDiscordConfig({ DISCORD_APPLICATION_ID: APP })).toThrow(/DISCORD_TOKEN is not/);
    expect(() => parseDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: "my-bot" })).toThrow(/DISCORD_APPLICATION_ID must be a Discord id/);
    expect(() => parseDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_API_URL: "ftp://x" })).toThrow(/DISCORD_API_URL/);
    expect(() => parseDiscordConfig({ DISCORD_GUILD_ID: APP })).toThrow(DiscordConfigError);
    try {
      parseDiscordConfig({ DISCORD_TOKEN: `Bot ${TOKEN}`, DISCORD_APPLICATION_ID: APP });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toMatch(/DISCORD_TOKEN must be the bot token/);
      expect(String(error)).not.toContain(TOKEN);
    }
  });
});

describe("loadConfig with Discord", () => {
  it("adds the discord section and treats the token as a secret", () => {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP });
    expect(config.discord).toEqual({ token: TOKEN, applicationId: APP });
    expect(secretsOf(config)).toContain(TOKEN);
  });

  it("reports a Discord problem as a ConfigError", () => {
    expect(() => loadConfig({ DISCORD_TOKEN: TOKEN })).toThrow(ConfigError);
  });
});
