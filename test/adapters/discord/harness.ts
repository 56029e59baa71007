import { startDiscord, type RunningDiscord } from "../../../src/adapters/discord/index.js";
import type { ConversationService } from "../../../src/agent/conversation.js";
import type { Config } from "../../../src/config.js";
import { createMemoryStore } from "../../../src/state/index.js";
import { APPLICATION_ID, FakeDiscord, TOKEN, type FakeOptions } from "../../support/fake-discord/index.js";

/** Archie on the real discord.js client, connected to a fresh fake Discord on 127.0.0.1. */
export interface Harness {
  fake: FakeDiscord;
  archie: RunningDiscord;
  logs: string[];
  stop(): Promise<void>;
}

export function discordConfig(fake: FakeDiscord): Config {
  return { model: { provider: "offline" }, turns: "inline", discord: { token: TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl } };
}

export async function startHarness(options: FakeOptions & { service?: ConversationService } = {}): Promise<Harness> {
  const fake = await FakeDiscord.start(options);
  const logs: string[] = [];
  const store = createMemoryStore();
  const archie = await startDiscord(discordConfig(fake), { store, log: (line) => logs.push(line), readyTimeoutMs: 10_000, ...(options.service ? { service: options.service } : {}) });
  return {
    fake,
    archie,
    logs,
    async stop() {
      await archie.stop();
      await store.close();
      await fake.close();
    },
  };
}
