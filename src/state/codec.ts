import { StateTooLargeError } from "./errors.js";
import { threadStateSchema } from "./thread-state.js";
import type { ThreadState } from "./types.js";

/**
 * The most a thread's saved state may weigh (UTF-8 JSON). Redis holds it in one value and
 * every turn reads and writes all of it, so it must stay small; the conversation trims
 * old messages and proposals well before this.
 */
export const MAX_STATE_BYTES = 1024 * 1024;

/** Serialises a state for storage; throws StateTooLargeError above MAX_STATE_BYTES. */
export function encodeState(state: ThreadState): string {
  const json = JSON.stringify(state);
  const bytes = Buffer.byteLength(json, "utf8");
  if (bytes > MAX_STATE_BYTES) {
    throw new StateTooLargeError(bytes, MAX_STATE_BYTES);
  }
  return json;
}

export type DecodedState = { ok: true; state: ThreadState } | { ok: false; problem: string };

/** Parses stored JSON and checks its shape; never throws, so a bad value cannot wedge a thread. */
export function decodeState(json: string): DecodedState {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return { ok: false, problem: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = threadStateSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.join(".") || "state";
    return { ok: false, problem: `not a thread state (${where}: ${first?.message ?? "invalid"})` };
  }
  return { ok: true, state: parsed.data };
}
