import { DEFAULT_LIMITS } from "../agent/conversation.js";
import type { LimitSettings } from "./types.js";

export { limitMessage } from "./messages.js";
export { createMemoryLimits } from "./memory-limits.js";
export { createRedisLimits } from "./redis-limits.js";
export type { RedisLimitsOptions } from "./redis-limits.js";
export type { AbuseLimits, LimitDecision, LimitReason, LimitSettings } from "./types.js";

/** Generous for people designing systems, tight for a script hammering the bot. */
export const DEFAULT_LIMIT_SETTINGS: LimitSettings = {
  userPerWindow: 20,
  workspacePerWindow: 300,
  windowSeconds: 60,
  maxActiveThreads: 200,
  activeThreadSeconds: 24 * 60 * 60,
  maxMessageChars: DEFAULT_LIMITS.maxMessageChars,
};
