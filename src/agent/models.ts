import { ChatAnthropic } from "@langchain/anthropic";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { ChatOllama } from "@langchain/ollama";
import { ChatOpenAI } from "@langchain/openai";
import { secretsOf, type Config, type ModelConfig } from "../config.js";
import type { ConversationStore } from "../state/types.js";
import { createConversation, type ConversationService } from "./conversation.js";

/**
 * The configured hosted model, or undefined for the offline model alone. Retries are off: a
 * failed call falls back to the offline model at once, which beats a user waiting on backoff.
 */
export function createChatModel(config: ModelConfig): BaseChatModel | undefined {
  switch (config.provider) {
    case "offline":
      return undefined;
    case "openai":
      return new ChatOpenAI({
        model: config.model,
        apiKey: config.apiKey,
        timeout: config.timeoutMs,
        maxRetries: 0,
        temperature: 0,
        ...(config.baseUrl ? { configuration: { baseURL: config.baseUrl } } : {}),
      });
    case "anthropic":
      return new ChatAnthropic({
        model: config.model,
        apiKey: config.apiKey,
        maxRetries: 0,
        temperature: 0,
        clientOptions: { timeout: config.timeoutMs },
      });
    case "ollama":
      // ChatOllama has no request timeout of its own; the turn's deadline signal bounds it.
      return new ChatOllama({ model: config.model, baseUrl: config.baseUrl, maxRetries: 0, temperature: 0 });
  }
}

/** The per-call budget the turn's deadline is derived from. */
export function modelTimeoutMs(config: ModelConfig): number | undefined {
  return config.provider === "offline" ? undefined : config.timeoutMs;
}

export interface ConfiguredConversationOptions {
  store: ConversationStore;
  log: (line: string) => void;
  /** Wraps the hosted model before use (the worker counts its calls); the offline model is never wrapped. */
  observeModel?: (model: BaseChatModel) => BaseChatModel;
}

/**
 * The conversation service as every entry point runs it: the configured model (with its
 * timeout) over the given store, redacting the configuration's secrets from its logs.
 */
export function createConfiguredConversation(config: Config, options: ConfiguredConversationOptions): ConversationService {
  const hosted = createChatModel(config.model);
  const model = hosted && options.observeModel ? options.observeModel(hosted) : hosted;
  const timeoutMs = modelTimeoutMs(config.model);
  return createConversation({
    store: options.store,
    ...(model ? { model } : {}),
    ...(timeoutMs ? { modelTimeoutMs: timeoutMs } : {}),
    secrets: secretsOf(config),
    log: options.log,
  });
}
