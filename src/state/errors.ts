import type { ThreadKey } from "./types.js";
import { threadKeyString } from "./keys.js";

/**
 * The lease's lock expired (the turn outlived `lockTtlMs`) and the thread may have moved on
 * under another holder, so saving would overwrite newer state. Nothing was saved; the turn
 * should be dropped or redone from a fresh `begin`.
 */
export class StoreLeaseLostError extends Error {
  constructor(key: ThreadKey) {
    super(`the lock on thread ${threadKeyString(key)} expired before the turn was saved; nothing was saved`);
    this.name = "StoreLeaseLostError";
  }
}

/**
 * The state is over the size bound. Nothing was saved and the lease is still held, so the
 * caller can trim (older messages, proposals) and commit again, or abort.
 */
export class StateTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`conversation state is ${bytes} bytes, over the ${maxBytes}-byte limit; trim it before saving`);
    this.name = "StateTooLargeError";
  }
}
