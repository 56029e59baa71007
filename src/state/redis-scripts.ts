import type { Redis } from "ioredis";

/**
 * Takes the lock and reads the state in one round trip; a lock held by an earlier run of the
 * same turn (its token starts with the turn's tag) is taken over.
 */
const BEGIN = `
-- KEYS[1] the thread's lock key, KEYS[2] the thread's state key, KEYS[3] the turn's reply key
-- ARGV[1] the new lock token, ARGV[2] the lock's time to live in milliseconds,
-- ARGV[3] the turn's tag, which starts ARGV[1] ('' when the turn is not named)
-- Returns {1, state JSON or nil, committed reply or nil} when the lock was taken, {0} while another turn holds it.
local held = redis.call('GET', KEYS[1])
if held and (ARGV[3] == '' or string.sub(held, 1, #ARGV[3]) ~= ARGV[3]) then
  return {0}
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
local reply = false
if ARGV[3] ~= '' then reply = redis.call('GET', KEYS[3]) end
return {1, redis.call('GET', KEYS[2]), reply}
`;

/** Saves the state and the turn's reply and releases, in one step, and only for the lock's current holder. */
const COMMIT = `
-- KEYS[1] the thread's lock key, KEYS[2] the thread's state key, KEYS[3] the turn's reply key
-- ARGV[1] the lease's lock token, ARGV[2] the state JSON, ARGV[3] the state's time to live in seconds,
-- ARGV[4] the reply ('' for none), ARGV[5] the reply's time to live in seconds
-- Returns 1 when saved and released, 0 when the token no longer holds the lock (nothing written).
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
if ARGV[4] ~= '' then
  redis.call('SET', KEYS[3], ARGV[4], 'EX', ARGV[5])
end
redis.call('DEL', KEYS[1])
return 1
`;

/** Releases without saving, and only for the lock's current holder. */
const RELEASE = `
-- KEYS[1] the thread's lock key
-- ARGV[1] the lease's lock token
-- Returns 1 when released, 0 when the token no longer holds the lock.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

/** The scripts as typed calls; replies are `unknown` because they are checked where used. */
export interface ThreadScripts {
  archieBeginTurn(lockKey: string, stateKey: string, replyKey: string, token: string, lockTtlMs: number, turnTag: string): Promise<unknown>;
  archieCommitTurn(lockKey: string, stateKey: string, replyKey: string, token: string, json: string, ttlSeconds: number, reply: string, replyTtlSeconds: number): Promise<unknown>;
  archieReleaseLock(lockKey: string, token: string): Promise<unknown>;
}

/**
 * Registers the scripts on the client (sent by SHA, loaded on first use or after a server
 * restart) and returns them as typed methods.
 */
export function defineThreadScripts(client: Redis): ThreadScripts {
  client.defineCommand("archieBeginTurn", { numberOfKeys: 3, lua: BEGIN });
  client.defineCommand("archieCommitTurn", { numberOfKeys: 3, lua: COMMIT });
  client.defineCommand("archieReleaseLock", { numberOfKeys: 1, lua: RELEASE });
  // defineCommand adds methods ioredis's types cannot know about; this is their one typed view.
  return client as unknown as ThreadScripts;
}
