import type { Redis } from "ioredis";
import { escapeKeyPart, threadKeyString } from "../state/keys.js";
import { connectRedis } from "../state/redis-connection.js";
import type { Warn } from "../state/warn.js";
import { assertSettings, checkSize, refusal } from "./messages.js";
import type { AbuseLimits, LimitSettings } from "./types.js";

/** Every counter of one turn in one round trip, atomically, so concurrent intakes cannot overshoot. */
const CHECK = `
-- KEYS[1] the user's counter for this window, KEYS[2] the workspace's counter for this window,
-- KEYS[3] the workspace's active threads (sorted set: thread -> time of its last message in ms)
-- ARGV[1] user limit, ARGV[2] workspace limit, ARGV[3] window in ms, ARGV[4] max active threads,
-- ARGV[5] this thread, ARGV[6] now in ms, ARGV[7] how long a quiet thread stays active, in ms
-- Returns {0, 0} when allowed, else {1 user | 2 workspace | 3 threads, how far over (1 = first refusal)}.
local function hit(key, limit)
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('PEXPIRE', key, ARGV[3]) end
  return n - tonumber(limit)
end
local over = hit(KEYS[1], ARGV[1])
if over > 0 then return {1, over} end
over = hit(KEYS[2], ARGV[2])
if over > 0 then return {2, over} end
local now = tonumber(ARGV[6])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - tonumber(ARGV[7]))
if not redis.call('ZSCORE', KEYS[3], ARGV[5]) and redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[4]) then
  return {3, 1}
end
redis.call('ZADD', KEYS[3], now, ARGV[5])
redis.call('PEXPIRE', KEYS[3], ARGV[7])
return {0, 0}
`;

interface LimitScripts {
  archieCheckLimits(userKey: string, workspaceKey: string, threadsKey: string, ...args: (string | number)[]): Promise<unknown>;
}

export interface RedisLimitsOptions {
  url: string;
  keyPrefix?: string;
  connectTimeoutMs?: number;
  warn?: Warn;
  now?: () => number;
}

const REASONS = { 1: "user-rate", 2: "workspace-rate", 3: "active-threads" } as const;

/** The abuse limits over Redis, shared by every intake process: fixed windows (INCR + PEXPIRE) and a sorted set of active threads. */
export function createRedisLimits(settings: LimitSettings, options: RedisLimitsOptions): AbuseLimits {
  assertSettings(settings);
  const prefix = `${options.keyPrefix ?? "archie"}:limits`;
  const now = options.now ?? Date.now;
  const warn = options.warn ?? ((message: string) => console.warn(`archie: ${message}`));
  const connection = connectRedis(options.url, options.connectTimeoutMs ?? 2_000, warn);
  const client: Redis = connection.client;
  client.defineCommand("archieCheckLimits", { numberOfKeys: 3, lua: CHECK });
  // defineCommand adds a method ioredis's types cannot know about; this is its one typed view.
  const scripts = client as unknown as LimitScripts;
  const windowMs = settings.windowSeconds * 1000;

  return {
    async check(turn) {
      const tooBig = checkSize(turn, settings);
      if (tooBig) return tooBig;
      const at = now();
      const window = Math.floor(at / windowMs);
      const workspace = `${escapeKeyPart(turn.key.platform)}:${escapeKeyPart(turn.key.workspace)}`;
      const reply = await connection.roundTrip(() =>
        scripts.archieCheckLimits(
          `${prefix}:user:${workspace}:${escapeKeyPart(turn.user)}:${window}`,
          `${prefix}:workspace:${workspace}:${window}`,
          `${prefix}:threads:${workspace}`,
          settings.userPerWindow,
          settings.workspacePerWindow,
          windowMs,
          settings.maxActiveThreads,
          threadKeyString(turn.key),
          at,
          settings.activeThreadSeconds * 1000,
        ),
      );
      const [code, over] = Array.isArray(reply) ? (reply as unknown[]) : [];
      if (code === 0) return { ok: true };
      if ((code === 1 || code === 2 || code === 3) && typeof over === "number") return refusal(REASONS[code], settings, over);
      throw new Error(`unexpected reply from the limits script: ${JSON.stringify(reply)}`);
    },
    close: () => connection.close(),
  };
}
