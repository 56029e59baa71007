import type { ThreadKey } from "./types.js";

/**
 * Escapes ":" (the separator) and "%" (the escape character itself) so that joined parts
 * can be split back unambiguously: workspace "a:b" + channel "c" never equals "a" + "b:c".
 */
export function escapeKeyPart(part: string): string {
  return part.replace(/[%:]/g, (c) => (c === "%" ? "%25" : "%3A"));
}

/** Rejects a key a store could not hold meaningfully, naming the bad part. */
export function assertThreadKey(key: ThreadKey): void {
  for (const part of ["platform", "workspace", "channel", "thread"] as const) {
    const value: unknown = key[part];
    if (typeof value !== "string" || value.length === 0) {
      throw new TypeError(`thread key ${part} must be a non-empty string, got ${JSON.stringify(value)}`);
    }
  }
}

/** A stable, collision-free name for a thread: `platform:workspace:channel:thread`, each part escaped. */
export function threadKeyString(key: ThreadKey): string {
  return [key.platform, key.workspace, key.channel, key.thread].map(escapeKeyPart).join(":");
}

/**
 * The lock token of a turn: the turn's tag (its id, escaped so no id is a prefix of another's
 * tag) and a random part, so a later run of the same turn can tell its own abandoned lock.
 */
export function turnLockToken(turnId: string | undefined, random: string): { token: string; tag: string } {
  if (turnId === undefined) return { token: random, tag: "" };
  const tag = `${encodeURIComponent(turnId)}|`;
  return { token: `${tag}${random}`, tag };
}
