import { z } from "zod";
import { SlackConfigError, parseSlackConfig, type SlackConfig } from "./adapters/slack/config.js";
import { DiscordConfigError, parseDiscordConfig, type DiscordConfig } from "./adapters/discord/config.js";

/**
 * The one place that reads the environment. Everything else receives a parsed `Config`, so a
 * bad variable fails at start-up with a sentence naming it, not deep inside a turn.
 */

export const PROVIDERS = ["offline", "openai", "anthropic", "ollama"] as const;
export type Provider = (typeof PROVIDERS)[number];

/** Which chat model drives the agent. "offline" is the built-in rule-based model. */
export type ModelConfig =
  | { provider: "offline" }
  | { provider: "openai"; model: string; apiKey: string; baseUrl?: string; timeoutMs: number }
  | { provider: "anthropic"; model: string; apiKey: string; timeoutMs: number }
  | { provider: "ollama"; model: string; baseUrl: string; timeoutMs: number };

export interface Config {
  model: ModelConfig;
  /** Conversation memory lives in Redis when set, in process memory otherwise. */
  redisUrl?: string;
  /** Present when any SLACK_ variable is set (then all of them must be valid). */
  slack?: SlackConfig;
  /** Present when DISCORD_TOKEN and DISCORD_APPLICATION_ID are set. */
  discord?: DiscordConfig;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

const DEFAULT_MODELS: Record<Exclude<Provider, "offline">, string> = {
  openai: "gpt-4.1-mini",
  anthropic: "claude-sonnet-4-5",
  ollama: "llama3.1",
};

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());
const optionalUrl = z.preprocess(blankToUndefined, z.url({ message: "must be a URL such as http://127.0.0.1:11434" }).optional());

const envSchema = z.object({
  ARCHIE_MODEL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^(offline|(openai|anthropic|ollama):[\w.:/-]+)$/, {
        message: 'must be "offline" or provider:model, e.g. openai:gpt-4.1-mini, anthropic:claude-sonnet-4-5, ollama:llama3.1',
      })
      .optional(),
  ),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalUrl,
  ANTHROPIC_API_KEY: optionalText,
  OLLAMA_BASE_URL: optionalUrl,
  MODEL_TIMEOUT_MS: z.preprocess(
    blankToUndefined,
    z.coerce.number({ message: "must be a number of milliseconds" }).int().min(100).max(600_000).default(20_000),
  ),
  REDIS_URL: optionalUrl,
});

type Env = z.infer<typeof envSchema>;

/** Picks the provider: ARCHIE_MODEL when set, else the first provider with credentials, else offline. */
function chooseModel(env: Env): ModelConfig {
  const [provider, ...rest] = (env.ARCHIE_MODEL ?? inferProvider(env)).split(":");
  const model = rest.join(":") || DEFAULT_MODELS[provider as Exclude<Provider, "offline">];
  const timeoutMs = env.MODEL_TIMEOUT_MS;
  switch (provider) {
    case "openai": {
      // An OpenAI-compatible server (vLLM, llama.cpp, a gateway) may not check the key.
      const apiKey = env.OPENAI_API_KEY ?? (env.OPENAI_BASE_URL ? "unused" : undefined);
      if (!apiKey) throw new ConfigError("ARCHIE_MODEL uses openai but OPENAI_API_KEY is not set (or set OPENAI_BASE_URL for a compatible server)");
      return { provider, model, apiKey, timeoutMs, ...(env.OPENAI_BASE_URL ? { baseUrl: env.OPENAI_BASE_URL } : {}) };
    }
    case "anthropic":
      if (!env.ANTHROPIC_API_KEY) throw new ConfigError("ARCHIE_MODEL uses anthropic but ANTHROPIC_API_KEY is not set");
      return { provider, model, apiKey: env.ANTHROPIC_API_KEY, timeoutMs };
    case "ollama":
      return { provider, model, baseUrl: env.OLLAMA_BASE_URL ?? "http://127.0.0.1:11434", timeoutMs };
    default:
      return { provider: "offline" };
  }
}

function inferProvider(env: Env): string {
  if (env.OPENAI_API_KEY || env.OPENAI_BASE_URL) return "openai";
  if (env.ANTHROPIC_API_KEY) return "anthropic";
  if (env.OLLAMA_BASE_URL) return "ollama";
  return "offline";
}

/** Parses the environment; throws ConfigError with every problem named by its variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Configuration problem: ${problems.join("; ")}`);
  }
  const slack = platformConfig(() => (env.SLACK_BOT_TOKEN || env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET ? parseSlackConfig(env) : undefined));
  const discord = platformConfig(() => parseDiscordConfig(env));
  return {
    model: chooseModel(parsed.data),
    ...(parsed.data.REDIS_URL ? { redisUrl: parsed.data.REDIS_URL } : {}),
    ...(slack ? { slack } : {}),
    ...(discord ? { discord } : {}),
  };
}

/** A platform's own parse error becomes a ConfigError, so every bad variable reads the same at start-up. */
function platformConfig<T>(parse: () => T | undefined): T | undefined {
  try {
    return parse();
  } catch (error) {
    throw error instanceof SlackConfigError || error instanceof DiscordConfigError ? new ConfigError(error.message) : error;
  }
}

/** The values that must never reach a log line or a reply. */
export function secretsOf(config: Config): string[] {
  const model = config.model;
  const secrets = "apiKey" in model && model.apiKey !== "unused" ? [model.apiKey] : [];
  if (config.discord) secrets.push(config.discord.token);
  if (config.slack) {
    const c = config.slack.connection;
    secrets.push(config.slack.botToken, c.mode === "socket" ? c.appToken : c.signingSecret);
    if (config.slack.signingSecret) secrets.push(config.slack.signingSecret);
  }
  // A Redis URL may carry a password (redis://:pw@host).
  if (config.redisUrl) {
    const password = safePassword(config.redisUrl);
    if (password) secrets.push(password);
  }
  return secrets;
}

function safePassword(url: string): string | undefined {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password || undefined;
  } catch {
    return undefined;
  }
}
