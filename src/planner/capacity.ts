import type { Capacity } from "./proposal.js";
import type { Resolved } from "./resolve.js";
import { GB, KB, SECONDS_PER_MONTH, round, roundRate } from "./units.js";

/** Traffic and data volumes at `factor` times today's load; the raw figures the sizing works from. */
export interface Load {
  factor: number;
  avgRps: number;
  peakRps: number;
  readRps: number;
  writeRps: number;
  peakReadRps: number;
  peakWriteRps: number;
  /** Peak writes that land on the relational primary (stream-bound writes excluded). */
  peakDbWriteRps: number;
  /** Peak writes that go to the event stream instead. */
  peakStreamWriteRps: number;
  concurrentConnections: number;
  requestsPerMonth: number;
  databaseGbYear1: number;
  /** Data worth keeping in memory: the hot share of the last 90 days of writes, plus sessions. */
  hotDataGb: number;
  /** The sessions part of the hot set (always kept in the cache whole). */
  sessionGb: number;
  streamStoreGbYear1: number;
  objectStorageGbYear1: number;
  apiEgressGbMonth: number;
  cdnEgressGbMonth: number;
  /** The part of CDN egress that is video segments. */
  videoEgressGbMonth: number;
  cdnRequestsPerMonth: number;
  /** Hours of video uploaded per day (video archetype only). */
  uploadHoursPerDay: number;
}

/** Sessions need about 2 KB per daily user in memory. */
const SESSION_KB = 2;

/**
 * Sum of (1 + g)^m over the first twelve months: year-one volume in units of month one. With a
 * retention shorter than a year only the last `retainedMonths` months are still stored at its end.
 */
export function yearOneMonths(growthPercentPerMonth: number, retainedMonths = 12): number {
  const kept = Math.min(12, retainedMonths);
  const g = growthPercentPerMonth / 100;
  // Below ~1e-9 the closed form loses all precision; the sum is the months kept to within a nanopercent.
  if (g < 1e-9) return kept;
  return ((1 + g) ** 12 - (1 + g) ** (12 - kept)) / g;
}

export function computeLoad(r: Resolved, factor: number): Load {
  const p = r.profile;
  const avgRps = r.avgRps * factor;
  const peakRps = r.peakRps * factor;
  const writeRps = avgRps / (r.readWriteRatio + 1);
  const readRps = avgRps - writeRps;
  const writeShare = 1 / (r.readWriteRatio + 1);
  const streamShare = p.services.filter((s) => s.streamWrites).reduce((sum, s) => sum + s.share, 0);
  const peakWriteRps = peakRps * writeShare;
  const months = yearOneMonths(r.growthPercentPerMonth, r.retentionDays === undefined ? 12 : r.retentionDays / 30);
  const writesPerMonth = writeRps * SECONDS_PER_MONTH;
  const dau = r.dau * factor;
  const video = p.video;
  const uploadHoursPerDay = video ? r.videoHoursWatchedPerDay * factor * video.uploadHoursPerWatchedHour : 0;
  const videoStoredGbMonth = video ? uploadHoursPerDay * 30 * video.storedGbPerContentHour : 0;
  const videoEgressGbMonth = video ? r.videoHoursWatchedPerDay * factor * 30 * video.gbPerHourWatched : 0;
  const staticGbMonth = (dau * p.staticKbPerUserPerDay * KB * 30) / GB;
  const streamStoreGbMonth = p.olap ? (writesPerMonth * streamShare * r.storedKbPerWrite * KB) / GB : 0;
  return {
    factor,
    avgRps,
    peakRps,
    readRps,
    writeRps,
    peakReadRps: peakRps - peakWriteRps,
    peakWriteRps,
    peakDbWriteRps: peakWriteRps * (1 - streamShare),
    peakStreamWriteRps: peakWriteRps * streamShare,
    concurrentConnections: r.concurrentUsers * factor,
    requestsPerMonth: avgRps * SECONDS_PER_MONTH,
    databaseGbYear1: ((writesPerMonth * (1 - streamShare) * r.storedKbPerWrite * KB) / GB) * months,
    hotDataGb: ((writesPerMonth * 3 * (1 - streamShare) * r.storedKbPerWrite * KB) / GB) * p.hotDataFraction + (dau * SESSION_KB * KB) / GB,
    sessionGb: (dau * SESSION_KB * KB) / GB,
    streamStoreGbYear1: streamStoreGbMonth * months,
    objectStorageGbYear1: ((writesPerMonth * r.objectKbPerWrite * KB) / GB + videoStoredGbMonth) * months,
    apiEgressGbMonth: (avgRps * SECONDS_PER_MONTH * r.responseKb * KB) / GB,
    cdnEgressGbMonth: staticGbMonth + videoEgressGbMonth,
    videoEgressGbMonth,
    // Static assets average ~50 KB a request; video segments ~2 MB (6-second HLS segments).
    cdnRequestsPerMonth: (staticGbMonth * GB) / (50 * KB) + (videoEgressGbMonth * GB) / (2_000 * KB),
    uploadHoursPerDay,
  };
}

/** The Proposal's capacity block: the load rounded for reading, with read + write = average. */
export function toCapacity(load: Load): Capacity {
  const avgRps = roundRate(load.avgRps);
  const writeRps = roundRate(load.writeRps);
  return {
    avgRps,
    peakRps: roundRate(load.peakRps),
    readRps: roundRate(avgRps - writeRps),
    writeRps,
    concurrentConnections: Math.round(load.concurrentConnections),
    storageGbYear1: round(load.databaseGbYear1 + load.streamStoreGbYear1 + load.objectStorageGbYear1),
    egressGbMonth: round(load.apiEgressGbMonth + load.cdnEgressGbMonth),
    databaseGbYear1: round(load.databaseGbYear1 + load.streamStoreGbYear1),
    objectStorageGbYear1: round(load.objectStorageGbYear1),
    cdnEgressGbMonth: round(load.cdnEgressGbMonth),
    originEgressGbMonth: round(load.apiEgressGbMonth),
    requestsPerMonth: Math.round(load.requestsPerMonth),
  };
}
