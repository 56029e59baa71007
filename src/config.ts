import { z } from "zod";
import { DiscordConfigError, discordSecrets, parseDiscordConfig, type DiscordConfig } from "./settings/discord.js";
import { SlackConfigError, parseSlackConfig, slackSecrets, type SlackConfig } from "./settings/slack.js";

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

/** Where turns run: in the platform process itself, or queued in Redis for `archie worker` processes. */
export type TurnsMode = "inline" | "queue";

export interface Config {
  model: ModelConfig;
  /** TURNS: "inline" (default) answers in the platform process; "queue" only queues, and workers answer. */
  turns: TurnsMode;
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
  TURNS: z.preprocess(blankToUndefined, z.enum(["inline", "queue"], { message: 'must be "inline" (answer in the platform process) or "queue" (queue for archie worker)' }).default("inline")),
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
    turns: parsed.data.TURNS,
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
  if (config.discord) secrets.push(...discordSecrets(config.discord));
  if (config.slack) secrets.push(...slackSecrets(config.slack));
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

/** The production processes' settings: the queue, the worker, the ops server, logs and abuse limits. */
export interface JobsConfig {
  redisUrl: string;
  /** Namespace of the job queues' keys, so deployments can share one Redis. */
  queuePrefix: string;
  /** Partition queues: the most threads answered at once across all workers. Intake and workers must agree. */
  partitions: number;
  /** Turns one worker process answers at once. */
  concurrency: number;
  /** Tries per turn job before the user is told it failed. */
  attempts: number;
  /** First retry delay; doubles with each retry. */
  backoffMs: number;
  /** Port of /healthz, /readyz and /metrics; 0 turns the ops server off. */
  opsPort: number;
  logLevel: string;
  limits: { userPerMinute: number; workspacePerMinute: number; maxActiveThreads: number };
}

const whole = (min: number, max: number, fallback: number) =>
  z.preprocess(blankToUndefined, z.coerce.number({ message: "must be a whole number" }).int({ message: "must be a whole number" }).min(min).max(max).default(fallback));

const jobsSchema = z.object({
  REDIS_URL: optionalUrl,
  JOB_QUEUE_PREFIX: z.preprocess(blankToUndefined, z.string().regex(/^[\w.-]+$/, { message: "may hold only letters, digits, '_', '-' and '.'" }).default("archie-jobs")),
  JOB_PARTITIONS: whole(1, 1024, 16),
  WORKER_CONCURRENCY: whole(1, 1024, 8),
  JOB_ATTEMPTS: whole(1, 50, 5),
  JOB_BACKOFF_MS: whole(10, 600_000, 1_000),
  OPS_PORT: whole(0, 65_535, 9464),
  LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { message: "must be one of fatal, error, warn, info, debug, trace, silent" }).default("info")),
  RATE_LIMIT_USER_PER_MINUTE: whole(1, 100_000, 20),
  RATE_LIMIT_WORKSPACE_PER_MINUTE: whole(1, 1_000_000, 300),
  MAX_ACTIVE_THREADS_PER_WORKSPACE: whole(1, 1_000_000, 200),
});

/**
 * Parses the settings of the worker and the platform processes. They need Redis: without
 * REDIS_URL this throws a ConfigError saying so (the console alone runs without it).
 */
export function loadJobsConfig(env: Record<string, string | undefined> = process.env): JobsConfig {
  const parsed = jobsSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Configuration problem: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  if (!e.REDIS_URL) throw new ConfigError("REDIS_URL is required here: the worker and the platform processes share their job queue through Redis (e.g. REDIS_URL=redis://127.0.0.1:6379)");
  return {
    redisUrl: e.REDIS_URL,
    queuePrefix: e.JOB_QUEUE_PREFIX,
    partitions: e.JOB_PARTITIONS,
    concurrency: e.WORKER_CONCURRENCY,
    attempts: e.JOB_ATTEMPTS,
    backoffMs: e.JOB_BACKOFF_MS,
    opsPort: e.OPS_PORT,
    logLevel: e.LOG_LEVEL,
    limits: { userPerMinute: e.RATE_LIMIT_USER_PER_MINUTE, workspacePerMinute: e.RATE_LIMIT_WORKSPACE_PER_MINUTE, maxActiveThreads: e.MAX_ACTIVE_THREADS_PER_WORKSPACE },
  };
}
