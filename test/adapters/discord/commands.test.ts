import { afterEach, describe, expect, it } from "vitest";
import { DESIGN_COMMAND, registerCommands, startDiscord } from "../../../src/adapters/discord/index.js";
import { createMemoryStore } from "../../../src/state/index.js";
import { FakeDiscord, TOKEN } from "../../support/fake-discord/index.js";
import { discordConfig } from "./harness.js";

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("registerCommands", () => {
  it("registers /design in the test server when DISCORD_GUILD_ID is set", async () => {
    fake = await FakeDiscord.start();
    const config = discordConfig(fake);
    const sentence = await registerCommands({ ...config, discord: { ...config.discord!, guildId: fake.guildId } });
    expect(sentence).toBe(`Registered /design in server ${fake.guildId}; it is available there now.`);
    const [put] = fake.requests;
    expect(put?.method).toBe("PUT");
    expect(put?.path).toBe(`/api/v10/applications/${config.discord!.applicationId}/guilds/${fake.guildId}/commands`);
    expect(put?.body).toEqual([DESIGN_COMMAND]);
  });

  it("registers globally otherwise", async () => {
    fake = await FakeDiscord.start();
    const config = discordConfig(fake);
    expect(await registerCommands(config)).toMatch(/^Registered \/design globally/);
    expect(fake.requests[0]?.path).toBe(`/api/v10/applications/${config.discord!.applicationId}/commands`);
  });

  it("says what is missing when Discord is not configured", async () => {
    await expect(registerCommands({ model: { provider: "offline" }, turns: "inline" })).rejects.toThrow(/set DISCORD_TOKEN and DISCORD_APPLICATION_ID/);
  });
});

describe("startDiscord", () => {
  it("fails with a clear sentence, without the token, when Discord refuses the token", async () => {
    fake = await FakeDiscord.start();
    const config = discordConfig(fake);
    const wrong = `${TOKEN.slice(0, -4)}nope`;
    const started = startDiscord({ ...config, discord: { ...config.discord!, token: wrong } }, { store: createMemoryStore(), log: () => undefined, readyTimeoutMs: 5000 });
    const error = await started.then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^Could not connect to Discord: .*invalid token/i);
    expect(error?.message).not.toContain(wrong);
  });
});
