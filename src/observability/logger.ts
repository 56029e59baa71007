import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

/**
 * Field names whose values never reach a log line, wherever they sit in a logged object (two
 * levels deep, which covers request headers and client options). Censored by pino's own path
 * redaction, which is cheap.
 */
const SECRET_FIELDS = ["token", "botToken", "appToken", "signingSecret", "secret", "password", "apiKey", "authorization", "Authorization", "cookie", "x-slack-signature"];
export const REDACT_PATHS = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`].map((path) => (field.includes("-") ? path.replace(field, `["${field}"]`) : path)));

export interface LoggerOptions {
  /** pino level: fatal, error, warn, info, debug, trace, silent. Default info. */
  level?: string;
  /** Known secret values (API keys, bot tokens, the Redis password): masked wherever they appear. */
  secrets?: readonly string[];
  /** Where lines go; default stdout. */
  destination?: DestinationStream;
  /** Fields on every line (e.g. `{ process: "worker" }`). */
  base?: Record<string, string>;
}

/** Slack tokens have a recognisable shape, so one that was never configured here is masked too. */
const TOKEN_SHAPES = /\bx(?:ox[abeoprs]|app)-[A-Za-z0-9-]{8,}/g;

/**
 * Masks each known secret and anything shaped like a Slack token in a finished line, so a secret
 * inside a message or an error's text is caught too, not only one in a named field.
 */
function maskingStream(target: DestinationStream, secrets: readonly string[]): DestinationStream {
  // Short values would mask ordinary words; real tokens and keys are far longer.
  const masked = secrets.filter((s) => s.length >= 6).map((s) => [s, JSON.stringify(s).slice(1, -1)] as const);
  return {
    write(line: string) {
      let out = line;
      // A secret appears in a JSON line either as is or JSON-escaped.
      for (const [raw, escaped] of masked) out = out.split(raw).join("[redacted]").split(escaped).join("[redacted]");
      target.write(out.replace(TOKEN_SHAPES, "[redacted]"));
    },
  };
}

/** JSON logs with tokens, secrets and authorization headers censored. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = maskingStream(options.destination ?? pino.destination({ dest: 1, sync: false }), options.secrets ?? []);
  return pino(
    {
      level: options.level ?? "info",
      base: options.base ?? {},
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
