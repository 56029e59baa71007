import { startDiscord, type RunningDiscord } from "../../../src/adapters/discord/index.js";
import type { ConversationService } from "../../../src/agent/conversation.js";
import type { Config } from "../../../src/config.js";
import { createMemoryStore } from "../../../src/state/index.js";
import type { ConversationStore } from "../../../src/state/types.js";
import { APPLICATION_ID, FakeDiscord, TOKEN, type FakeOptions } from "../../support/fake-discord/index.js";

/** Archie on the real discord.js client, connected to a fresh fake Discord on 127.0.0.1. */
export interface Harness {
  fake: FakeDiscord;
  archie: RunningDiscord;
  /** The conversation store; it outlives a restart, as Redis does. */
  store: ConversationStore;
  logs: string[];
  /** Stops Archie and starts a new process over the same store and the same fake Discord: what it kept in memory is gone. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export function discordConfig(fake: FakeDiscord): Config {
  return { model: { provider: "offline" }, turns: "inline", discord: { token: TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl } };
}

export async function startHarness(options: FakeOptions & { service?: ConversationService; store?: ConversationStore } = {}): Promise<Harness> {
  const fake = await FakeDiscord.start(options);
  const logs: string[] = [];
  const store = options.store ?? createMemoryStore();
  const start = () => startDiscord(discordConfig(fake), { store, log: (line) => logs.push(line), readyTimeoutMs: 10_000, ...(options.service ? { service: options.service } : {}) });
  const harness: Harness = {
    fake,
    archie: await start(),
    store,
    logs,
    async restart() {
      await harness.archie.stop();
      harness.archie = await start();
    },
    async stop() {
      await harness.archie.stop();
      await store.close();
      await fake.close();
    },
  };
  return harness;
}
