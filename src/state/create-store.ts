import { createMemoryStore } from "./memory-store.js";
import { createRedisStore } from "./redis-store.js";
import type { ConversationStore } from "./types.js";

export interface StoreConfig {
  /** Set: conversations live in Redis and survive restarts. Unset: in this process only. */
  redisUrl?: string;
  ttlSeconds?: number;
  keyPrefix?: string;
}

/** The store the configuration asks for: Redis when a URL is given, memory otherwise. */
export function createStore(config: StoreConfig): ConversationStore {
  if (config.redisUrl !== undefined && config.redisUrl !== "") {
    return createRedisStore({ url: config.redisUrl, ttlSeconds: config.ttlSeconds, keyPrefix: config.keyPrefix });
  }
  return createMemoryStore({ ttlSeconds: config.ttlSeconds });
}
