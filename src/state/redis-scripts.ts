import type { Redis } from "ioredis";

/** Takes the lock and reads the state in one round trip. */
const BEGIN = `
-- KEYS[1] the thread's lock key, KEYS[2] the thread's state key
-- ARGV[1] the new lock token, ARGV[2] the lock's time to live in milliseconds
-- Returns {1, state JSON or nil} when the lock was taken, {0} while another turn holds it.
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {1, redis.call('GET', KEYS[2])}
end
return {0}
`;

/** Saves and releases in one round trip, and only for the lock's current holder. */
const COMMIT = `
-- KEYS[1] the thread's lock key, KEYS[2] the thread's state key
-- ARGV[1] the lease's lock token, ARGV[2] the state JSON, ARGV[3] the state's time to live in seconds
-- Returns 1 when saved and released, 0 when the token no longer holds the lock (nothing written).
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
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
  archieBeginTurn(lockKey: string, stateKey: string, token: string, lockTtlMs: number): Promise<unknown>;
  archieCommitTurn(lockKey: string, stateKey: string, token: string, json: string, ttlSeconds: number): Promise<unknown>;
  archieReleaseLock(lockKey: string, token: string): Promise<unknown>;
}

/**
 * Registers the scripts on the client (sent by SHA, loaded on first use or after a server
 * restart) and returns them as typed methods.
 */
export function defineThreadScripts(client: Redis): ThreadScripts {
  client.defineCommand("archieBeginTurn", { numberOfKeys: 2, lua: BEGIN });
  client.defineCommand("archieCommitTurn", { numberOfKeys: 2, lua: COMMIT });
  client.defineCommand("archieReleaseLock", { numberOfKeys: 1, lua: RELEASE });
  // defineCommand adds methods ioredis's types cannot know about; this is their one typed view.
  return client as unknown as ThreadScripts;
}
