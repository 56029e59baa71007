import { createChatModel, modelTimeoutMs } from "../../agent/models.js";
import { createConversation, type ConversationService } from "../../agent/conversation.js";
import { secretsOf, type Config } from "../../config.js";
import type { ConversationStore } from "../../state/types.js";

/** The conversation service as the console runs it: the configured model over the given store. */
export function consoleConversation(config: Config, store: ConversationStore, log: (line: string) => void): ConversationService {
  const model = createChatModel(config.model);
  const timeoutMs = modelTimeoutMs(config.model);
  return createConversation({
    store,
    ...(model ? { model } : {}),
    ...(timeoutMs ? { modelTimeoutMs: timeoutMs } : {}),
    secrets: secretsOf(config),
    log,
  });
}
