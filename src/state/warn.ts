import { decodeState } from "./codec.js";
import type { ThreadKey, ThreadState } from "./types.js";
import { threadKeyString } from "./keys.js";

/** Where a store reports what it recovered from on its own (unreadable state, lost connection). */
export type Warn = (message: string) => void;

export const consoleWarn: Warn = (message) => console.warn(`archie: ${message}`);

/** An unreadable saved state is dropped (the thread starts afresh) and reported, never thrown. */
function unreadableStateMessage(key: ThreadKey, problem: string): string {
  return `discarded the unreadable saved state of thread ${threadKeyString(key)}: ${problem}`;
}

/** The saved state, or undefined (with a warning) when it is missing or unreadable: the thread starts afresh. */
export function readableState(key: ThreadKey, json: string | undefined, warn: Warn): ThreadState | undefined {
  if (json === undefined) return undefined;
  const decoded = decodeState(json);
  if (decoded.ok) return decoded.state;
  warn(unreadableStateMessage(key, decoded.problem));
  return undefined;
}
