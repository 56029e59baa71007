import type { Archetype } from "../requirements.js";

/** One deployable service of the application tier and the share of edge traffic it serves. */
export interface ServiceSpec {
  id: string;
  name: string;
  purpose: string;
  /** Fraction of peak requests this service handles; a profile's shares sum to 1. */
  share: number;
  /** CPU cost per request relative to a typical handler (2 = twice as cheap, 0.5 = twice as costly). */
  efficiency: number;
  /** Its writes go to the event stream (and a time-series or geo store), not the relational primary. */
  streamWrites?: true;
}

/**
 * What a domain needs: traffic shape, data shape and the components peculiar to it. Every number
 * here is a planning default that surfaces in the proposal as a listed assumption when used.
 */
export interface ArchetypeProfile {
  archetype: Archetype;
  label: string;
  defaultDau: number;
  /** Daily over monthly actives (stickiness). */
  dauOverMau: number;
  requestsPerUserPerDay: number;
  /** Why that many, when it is not obvious (shown with the assumption). */
  requestsReason?: string;
  readWriteRatio: number;
  peakFactor: number;
  growthPercentPerMonth: number;
  latencyP95Ms: number;
  availability: number;
  /** Minutes a daily user is connected; drives concurrency. */
  sessionMinutesPerDay: number;
  responseKb: number;
  /** Bytes a write adds to the database for good, indexes included (many writes update rows in place). */
  storedKbPerWrite: number;
  /** Bytes a write adds to object storage on average (uploads). */
  objectKbPerWrite: number;
  /** Static and media bytes a daily user pulls through the CDN each day. */
  staticKbPerUserPerDay: number;
  cdnHitRatio: number;
  cacheHitRatio: number;
  /** Share of the database that is hot enough to keep in the cache. */
  hotDataFraction: number;
  services: ServiceSpec[];
  async: {
    broker: "kafka" | "sqs";
    /** Messages produced per write (notifications, fan-out deliveries, audit events). */
    eventsPerWrite: number;
    eventKb: number;
    /** vCPU-seconds a worker spends per message. */
    jobCpuSeconds: number;
    workerName: string;
    workerPurpose: string;
  };
  realtime?: { name: string; purpose: string; protocol: string; connectionsPerVcpu: number };
  search?: { readShare: number; purpose: string };
  olap?: { purpose: string; compression: number };
  gpu?: { rpsPerGpu: number; serviceId: string };
  video?: { hoursWatchedPerDau: number; gbPerHourWatched: number; uploadHoursPerWatchedHour: number; vcpuHoursPerContentHour: number; storedGbPerContentHour: number };
  geo?: { purpose: string };
  ordersPerDau?: number;
  /** Append-only history among the relational writes (messages, events), and the share of writes and bytes it is. */
  history?: { what: string; writeShare: number; key: string };
  /** Key to shard the write-heavy data by, and why. */
  shardingKey: string;
  /** What is worth caching first. */
  hotData: string;
  degradation: string[];
  chaos: string[];
  /** Domain-specific stack lines (beyond the common ones). */
  stack: { layer: string; choice: string; alternatives: string[]; why: string }[];
}
