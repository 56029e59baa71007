import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, secretsOf } from "../../src/config.js";

describe("loadConfig", () => {
  it("defaults to the offline model and in-memory state", () => {
    expect(loadConfig({})).toEqual({ model: { provider: "offline" }, turns: "inline" });
  });

  it("reads TURNS: inline by default, queue to hand turns to the workers, anything else refused by name", () => {
    expect(loadConfig({ TURNS: "queue" }).turns).toBe("queue");
    expect(loadConfig({ TURNS: " " }).turns).toBe("inline");
    expect(() => loadConfig({ TURNS: "bull" })).toThrow(/TURNS must be "inline"/);
  });

  it("reads provider:model from ARCHIE_MODEL", () => {
    const config = loadConfig({ ARCHIE_MODEL: "anthropic:claude-sonnet-4-5", ANTHROPIC_API_KEY: "sk-ant-123456", MODEL_TIMEOUT_MS: "5000" });
    expect(config.model).toEqual({ provider: "anthropic", model: "claude-sonnet-4-5", apiKey: "sk-ant-123456", timeoutMs: 5000 });
  });

  it("points OpenAI at a compatible server without needing a key", () => {
    const config = loadConfig({ ARCHIE_MODEL: "openai:local-model", OPENAI_BASE_URL: "http://127.0.0.1:8000/v1" });
    expect(config.model).toMatchObject({ provider: "openai", model: "local-model", baseUrl: "http://127.0.0.1:8000/v1" });
  });

  it("infers the provider from the credentials present", () => {
    expect(loadConfig({ OPENAI_API_KEY: "sk-abcdef" }).model).toMatchObject({ provider: "openai", model: "gpt-4.1-mini", timeoutMs: 20_000 });
    expect(loadConfig({ OLLAMA_BASE_URL: "http://127.0.0.1:11434" }).model).toMatchObject({ provider: "ollama", model: "llama3.1" });
  });

  it("keeps model names with colons (ollama tags)", () => {
    expect(loadConfig({ ARCHIE_MODEL: "ollama:llama3.1:8b" }).model).toMatchObject({ model: "llama3.1:8b" });
  });

  it("names the variable when a value is wrong", () => {
    expect(() => loadConfig({ ARCHIE_MODEL: "gpt4" })).toThrow(/ARCHIE_MODEL must be "offline" or provider:model/);
    expect(() => loadConfig({ MODEL_TIMEOUT_MS: "soon" })).toThrow(ConfigError);
    expect(() => loadConfig({ ARCHIE_MODEL: "anthropic:claude-sonnet-4-5" })).toThrow(/ANTHROPIC_API_KEY is not set/);
    expect(() => loadConfig({ REDIS_URL: "not a url" })).toThrow(/REDIS_URL/);
  });

  it("lists secrets, including a Redis password", () => {
    const config = loadConfig({ OPENAI_API_KEY: "sk-secret-value", REDIS_URL: "redis://:hunter22@127.0.0.1:6379" });
    expect(secretsOf(config)).toEqual(["sk-secret-value", "hunter22"]);
  });
});
