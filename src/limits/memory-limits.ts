import { threadKeyString } from "../state/keys.js";
import { assertSettings, checkSize, refusal } from "./messages.js";
import type { AbuseLimits, LimitSettings } from "./types.js";

/**
 * The abuse limits in process memory, for the console and single-process runs: the same fixed
 * windows and active-thread rule as the Redis implementation.
 */
export function createMemoryLimits(settings: LimitSettings, now: () => number = Date.now): AbuseLimits {
  assertSettings(settings);
  const windowMs = settings.windowSeconds * 1000;
  const counters = new Map<string, number>();
  let counterWindow = -1;
  /** Per workspace: thread → time of its last message. */
  const threads = new Map<string, Map<string, number>>();

  function hit(key: string): number {
    const window = Math.floor(now() / windowMs);
    // A new window forgets every old count at once, which also bounds the map.
    if (window !== counterWindow) {
      counters.clear();
      counterWindow = window;
    }
    const count = (counters.get(key) ?? 0) + 1;
    counters.set(key, count);
    return count;
  }

  return {
    async check(turn) {
      const tooBig = checkSize(turn, settings);
      if (tooBig) return tooBig;
      const workspace = `${turn.key.platform}:${turn.key.workspace}`;
      const user = hit(`u:${workspace}:${turn.user}`);
      if (user > settings.userPerWindow) return refusal("user-rate", settings, user - settings.userPerWindow);
      const all = hit(`w:${workspace}`);
      if (all > settings.workspacePerWindow) return refusal("workspace-rate", settings, all - settings.workspacePerWindow);
      const active = threads.get(workspace) ?? new Map<string, number>();
      const cutoff = now() - settings.activeThreadSeconds * 1000;
      for (const [thread, last] of active) if (last <= cutoff) active.delete(thread);
      const thread = threadKeyString(turn.key);
      if (!active.has(thread) && active.size >= settings.maxActiveThreads) return refusal("active-threads", settings, 1);
      active.set(thread, now());
      threads.set(workspace, active);
      return { ok: true };
    },
    async close() {},
  };
}
