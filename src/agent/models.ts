import { ChatAnthropic } from "@langchain/anthropic";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { ChatOllama } from "@langchain/ollama";
import { ChatOpenAI } from "@langchain/openai";
import type { ModelConfig } from "../config.js";

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
