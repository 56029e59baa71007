import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { createConversation } from "../../../src/agent/conversation.js";
import { startSlackApp, EVENTS_PATH, type RunningSlackApp, type SlackAppOptions } from "../../../src/adapters/slack/app.js";
import { createMemoryStore } from "../../../src/state/index.js";
import type { ConversationStore } from "../../../src/state/types.js";
import { startFakeSlack, type FakeSlack } from "../../support/fake-slack.js";
import { SIGNING_SECRET } from "../../support/slack-requests.js";

/** The real Bolt app on a random port, the offline model (or the one given), the memory store, a fake Slack. */
export interface Harness {
  fake: FakeSlack;
  app: RunningSlackApp;
  store: ConversationStore;
  events: string;
  logs: string[];
  close(): Promise<void>;
}

export async function startHarness(options: Partial<Pick<SlackAppOptions, "pictures">> & { model?: BaseChatModel } = {}): Promise<Harness> {
  const fake = await startFakeSlack();
  const store = createMemoryStore();
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  const service = createConversation({ store, log, ...(options.model ? { model: options.model } : {}) });
  const app = await startSlackApp({
    slack: { botToken: "xoxb-test-token-abcdef", connection: { mode: "http", signingSecret: SIGNING_SECRET }, port: 0, apiUrl: fake.apiUrl },
    service,
    store,
    log,
    retryDelayMs: 10,
    pictures: options.pictures ?? (async () => ({ ok: false, error: "pictures are not drawn in this test" })),
  });
  return {
    fake,
    app,
    store,
    events: `http://127.0.0.1:${app.port}${EVENTS_PATH}`,
    logs,
    async close() {
      await app.stop();
      await store.close();
      await fake.close();
    },
  };
}
