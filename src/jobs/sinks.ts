import type { Config } from "../config.js";
import type { Metrics } from "../observability/metrics.js";
import type { ConversationStore, Platform } from "../state/types.js";
import type { ReplySink } from "./types.js";

/**
 * Builds a platform's sink from the configuration (its token, API base URL…); it counts the
 * platform's API errors in `metrics`, and may note in `store` (the worker's conversation store)
 * the threads it posted in.
 */
export type SinkFactory = (config: Config, metrics?: Metrics, store?: ConversationStore) => ReplySink | Promise<ReplySink>;

/**
 * The platforms a worker can post to. Each platform adapter registers its sink factory when its
 * module is loaded; a job for a platform nobody registered fails with a reason saying so and is
 * kept in the failed set.
 */
export interface SinkRegistry {
  register(platform: Platform, factory: SinkFactory): void;
  platforms(): Platform[];
  /** Builds every registered sink once. */
  build(config: Config, metrics?: Metrics, store?: ConversationStore): Promise<Map<Platform, ReplySink>>;
}

export function createSinkRegistry(): SinkRegistry {
  const factories = new Map<Platform, SinkFactory>();
  return {
    register(platform, factory) {
      if (factories.has(platform)) throw new Error(`a reply sink for ${platform} is already registered`);
      factories.set(platform, factory);
    },
    platforms: () => [...factories.keys()],
    async build(config, metrics, store) {
      const sinks = new Map<Platform, ReplySink>();
      for (const [platform, factory] of factories) sinks.set(platform, await factory(config, metrics, store));
      return sinks;
    },
  };
}

/** The process-wide registry the worker command reads; adapters call `registerSink` on it. */
export const sinkRegistry = createSinkRegistry();

export function registerSink(platform: Platform, factory: SinkFactory): void {
  sinkRegistry.register(platform, factory);
}
