import type { ThreadKey } from "./types.js";
import { threadKeyString } from "./keys.js";

/** Where a store reports what it recovered from on its own (unreadable state, lost connection). */
export type Warn = (message: string) => void;

export const consoleWarn: Warn = (message) => console.warn(`archie: ${message}`);

/** An unreadable saved state is dropped (the thread starts afresh) and reported, never thrown. */
export function unreadableStateMessage(key: ThreadKey, problem: string): string {
  return `discarded the unreadable saved state of thread ${threadKeyString(key)}: ${problem}`;
}
