/**
 * Why a hosted model's turn was abandoned, in one line for the user, and a log line that
 * carries no secret.
 */

export class MalformedToolCallError extends Error {
  constructor() {
    super("the model produced tool calls with malformed arguments");
    this.name = "MalformedToolCallError";
  }
}

export type FailureKind = "timeout" | "rate-limited" | "malformed" | "error";

export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof MalformedToolCallError) return "malformed";
  const e = error as { name?: unknown; status?: unknown; message?: unknown; code?: unknown } | null;
  const name = typeof e?.name === "string" ? e.name : "";
  const message = typeof e?.message === "string" ? e.message : "";
  if (e?.status === 429 || /RateLimit/i.test(name) || /\b429\b|rate.?limit/i.test(message)) return "rate-limited";
  if (/Timeout|Abort/i.test(name) || /timed? ?out|aborted/i.test(message) || e?.code === "ETIMEDOUT") return "timeout";
  return "error";
}

const REASONS: Record<FailureKind, string> = {
  timeout: "did not answer in time",
  "rate-limited": "is rate-limited right now",
  malformed: "returned a malformed tool call",
  error: "failed",
};

export function fallbackNotice(kind: FailureKind): string {
  return `_(My language model ${REASONS[kind]}, so this reply comes from my built-in offline planner.)_`;
}

/** Replaces every secret with a marker; secrets shorter than 6 characters are not worth matching. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length >= 6).reduce((out, secret) => out.split(secret).join("[redacted]"), text);
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
