import { z } from "zod";

/**
 * The Slack adapter's settings, declared outside the adapter so the core's config reads them
 * without loading Bolt. Socket Mode when an app-level token is given (no public URL
 * needed), otherwise the HTTP receiver on PORT verifying requests with the signing secret.
 */

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const slackEnvSchema = z
  .object({
    SLACK_BOT_TOKEN: z.preprocess(
      blankToUndefined,
      z.string({ message: "is required (the bot token, xoxb-…)" }).trim().regex(/^xox[a-z]-/, { message: "must be a bot token starting with xoxb-" }),
    ),
    SLACK_SIGNING_SECRET: z.preprocess(blankToUndefined, z.string().trim().min(8, { message: "looks too short to be a signing secret" }).optional()),
    SLACK_APP_TOKEN: z.preprocess(
      blankToUndefined,
      z.string().trim().regex(/^xapp-/, { message: "must be an app-level token starting with xapp- (Socket Mode)" }).optional(),
    ),
    PORT: z.preprocess(blankToUndefined, z.coerce.number({ message: "must be a port number" }).int().min(0).max(65_535).default(3000)),
    SLACK_API_URL: z.preprocess(blankToUndefined, z.url({ message: "must be a URL such as https://slack.com/api/" }).optional()),
  })
  .refine((env) => env.SLACK_APP_TOKEN !== undefined || env.SLACK_SIGNING_SECRET !== undefined, {
    message: "is required unless SLACK_APP_TOKEN is set (Socket Mode)",
    path: ["SLACK_SIGNING_SECRET"],
  });

export type SlackConnection = { mode: "socket"; appToken: string } | { mode: "http"; signingSecret: string };

export interface SlackConfig {
  botToken: string;
  connection: SlackConnection;
  /** HTTP mode: where events arrive; Socket Mode: where /healthz answers. */
  port: number;
  /** The Web API base URL, ending in "/" (Slack's own unless overridden). */
  apiUrl?: string;
  /** Socket Mode may still carry a signing secret; kept so it is redacted everywhere. */
  signingSecret?: string;
}

export class SlackConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SlackConfigError";
  }
}

/** Parses the Slack variables; throws SlackConfigError naming each bad variable (never its value). */
export function parseSlackConfig(env: Record<string, string | undefined>): SlackConfig {
  const parsed = slackEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new SlackConfigError(`Slack configuration problem: ${problems.join("; ")}`);
  }
  const data = parsed.data;
  const connection: SlackConnection = data.SLACK_APP_TOKEN
    ? { mode: "socket", appToken: data.SLACK_APP_TOKEN }
    : { mode: "http", signingSecret: data.SLACK_SIGNING_SECRET ?? "" };
  return {
    botToken: data.SLACK_BOT_TOKEN,
    connection,
    port: data.PORT,
    ...(data.SLACK_API_URL ? { apiUrl: data.SLACK_API_URL.endsWith("/") ? data.SLACK_API_URL : `${data.SLACK_API_URL}/` } : {}),
    ...(data.SLACK_SIGNING_SECRET ? { signingSecret: data.SLACK_SIGNING_SECRET } : {}),
  };
}

/** Values that must never reach a log line or a message. */
export function slackSecrets(config: SlackConfig): string[] {
  const secrets = [config.botToken];
  if (config.connection.mode === "socket") secrets.push(config.connection.appToken);
  if (config.signingSecret) secrets.push(config.signingSecret);
  return secrets;
}
