import { LogLevel, type Logger } from "@slack/bolt";
import { redact } from "../../agent/fallback.js";

/** Bolt's logger, writing through Archie's log with every secret redacted. */
export function redactingLogger(write: (line: string) => void, secrets: readonly string[], level: LogLevel = LogLevel.WARN): Logger {
  const order = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];
  let current = level;
  let name = "slack";
  const emit = (at: LogLevel, parts: unknown[]) => {
    if (order.indexOf(at) < order.indexOf(current)) return;
    const text = parts.map((p) => (p instanceof Error ? p.message : typeof p === "string" ? p : JSON.stringify(p))).join(" ");
    write(redact(`[${at}] ${name}: ${text}`, secrets));
  };
  return {
    debug: (...msg: unknown[]) => emit(LogLevel.DEBUG, msg),
    info: (...msg: unknown[]) => emit(LogLevel.INFO, msg),
    warn: (...msg: unknown[]) => emit(LogLevel.WARN, msg),
    error: (...msg: unknown[]) => emit(LogLevel.ERROR, msg),
    setLevel: (next: LogLevel) => {
      current = next;
    },
    getLevel: () => current,
    setName: (next: string) => {
      name = next;
    },
  };
}
