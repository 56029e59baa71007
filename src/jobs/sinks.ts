import type { Config } from "../config.js";
import type { Metrics } from "../observability/metrics.js";
import type { ConversationStore, Platform } from "../state/types.js";
import type { ReplySink } from "./types.js";

/** What the worker lends its sinks. */
export interface SinkContext {
  /** Where a sink counts its platform's API errors and 429s. */
  metrics?: Metrics;
  /** The worker's conversation store, where a sink may note the threads it posted in. */
  store?: ConversationStore;
}

/** Builds a platform's sink from the configuration (its token, API base URL…). */
export type SinkFactory = (config: Config, context: SinkContext) => ReplySink | Promise<ReplySink>;

/**
 * The platforms a worker can post to. Each platform adapter registers its sink factory when its
 * module is loaded; a job for a platform nobody registered fails with a reason saying so and is
 * kept in the failed set.
 */
export interface SinkRegistry {
  register(platform: Platform, factory: SinkFactory): void;
  platforms(): Platform[];
  /** Builds every registered sink once. */
  build(config: Config, context?: SinkContext): Promise<Map<Platform, ReplySink>>;
}

export function createSinkRegistry(): SinkRegistry {
  const factories = new Map<Platform, SinkFactory>();
  return {
    register(platform, factory) {
      if (factories.has(platform)) throw new Error(`a reply sink for ${platform} is already registered`);
      factories.set(platform, factory);
    },
    platforms: () => [...factories.keys()],
    async build(config, context = {}) {
      const sinks = new Map<Platform, ReplySink>();
      for (const [platform, factory] of factories) sinks.set(platform, await factory(config, context));
      return sinks;
    },
  };
}

/** The process-wide registry the worker command reads; adapters call `registerSink` on it. */
export const sinkRegistry = createSinkRegistry();

export function registerSink(platform: Platform, factory: SinkFactory): void {
  sinkRegistry.register(platform, factory);
}
