import { profileFor, type ArchetypeProfile } from "./archetypes/index.js";
import type { Assumption } from "./proposal.js";
import { REGION_PRICE_FACTOR } from "./prices.js";
import type { Archetype, Broker, Budget, Cloud, Compliance, Currency, DatabaseEngine, Orchestration, Requirements, ServiceSplit } from "./requirements.js";
import { SECONDS_PER_DAY, formatNumber, round } from "./units.js";

/** Every input the sizing needs, stated or assumed; assumptions say which and why. */
export interface Resolved {
  archetype: Archetype;
  profile: ArchetypeProfile;
  domain: string;
  dau: number;
  concurrentUsers: number;
  avgRps: number;
  peakRps: number;
  readWriteRatio: number;
  peakFactor: number;
  requestsPerUserPerDay: number;
  growthPercentPerMonth: number;
  latencyP95Ms: number;
  availability: number;
  /** Canonical areas (us, eu, ap, sa); more than one means multi-region. */
  areas: string[];
  regionNames: string[];
  priceFactor: number;
  compliance: Compliance[];
  cloud: Cloud;
  database: DatabaseEngine;
  /** Platform, split and broker the user asked for; when absent the stage ladder chooses. */
  orchestration?: Orchestration;
  serviceSplit?: ServiceSplit;
  broker?: Broker;
  currency: Currency;
  budget?: Budget;
  videoHoursWatchedPerDay: number;
  /** KB a write adds to the database and to object storage, and a read returns: stated, or the profile's. */
  storedKbPerWrite: number;
  objectKbPerWrite: number;
  responseKb: number;
  /** Days written data is kept; undefined keeps everything. */
  retentionDays?: number;
  assumptions: Assumption[];
}

const fmt = (n: number) => formatNumber(n, 2);

/** Maps a user's region words to an area with known prices; an AWS region id keeps its name. */
function areaOf(region: string): { area: string; name: string } {
  const r = region.toLowerCase();
  if (REGION_PRICE_FACTOR[r]) return { area: r, name: REGION_PRICE_FACTOR[r].region };
  const prefix = r.slice(0, 2);
  const area = prefix === "eu" ? "eu" : prefix === "ap" ? "ap" : prefix === "sa" ? "sa" : "us";
  return { area, name: /^[a-z]{2}-[a-z]+-\d$/.test(r) ? r : REGION_PRICE_FACTOR[area]!.region };
}

interface Traffic {
  dau: number;
  avgRps: number;
  peakRps: number;
  peakFactor: number;
  requestsPerUserPerDay: number;
  /** Set when stated volumes fixed the read/write split (or assumed it themselves). */
  readWriteRatio?: number;
}

/**
 * Stated volumes ("10M pastes a month", "each user posts 20 messages a day") as writes and reads a
 * second. A volume stated on one side only takes the other from the read/write ratio.
 */
function volumeTraffic(req: Requirements, p: ArchetypeProfile, assume: (a: Assumption) => void): Traffic | undefined {
  const perUser = req.writesPerUserPerDay !== undefined || req.readsPerUserPerDay !== undefined;
  // Orders in a domain with no conversion rate to users (payments, bookings in a SaaS) are its writes.
  const orderWrites = req.ordersPerDay !== undefined && p.ordersPerDau === undefined ? req.ordersPerDay / SECONDS_PER_DAY : undefined;
  if (req.writeRps === undefined && req.readRps === undefined && !perUser && orderWrites === undefined) return undefined;
  if (req.avgRps !== undefined || req.peakRps !== undefined) return undefined;
  const peakFactor = req.peakFactor ?? p.peakFactor;
  if (req.peakFactor === undefined) assume({ field: "peakFactor", value: `${fmt(peakFactor)}x`, reason: `peak over average typical for ${p.label.toLowerCase()}; say "peaks at 5x" to change it` });
  const usersStated = req.dau !== undefined || req.mau !== undefined || req.concurrentUsers !== undefined || (req.ordersPerDay !== undefined && orderWrites === undefined);
  const users = perUser || usersStated ? usersFrom(req, p, peakFactor, assume) : undefined;
  const daily = (rate: number | undefined) => (rate === undefined || users === undefined ? undefined : (users * rate) / SECONDS_PER_DAY);
  const statedWrites = req.writeRps ?? daily(req.writesPerUserPerDay);
  let writes = statedWrites === undefined ? orderWrites : statedWrites + (orderWrites ?? 0);
  let reads = req.readRps ?? daily(req.readsPerUserPerDay);
  let readWriteRatio: number;
  if (writes !== undefined && reads !== undefined) {
    readWriteRatio = reads / writes;
  } else {
    readWriteRatio = req.readWriteRatio ?? p.readWriteRatio;
    if (req.readWriteRatio === undefined) {
      assume({ field: "readWriteRatio", value: `${fmt(readWriteRatio)}:1`, reason: `reads per write typical for ${p.label.toLowerCase()}; only ${writes === undefined ? "reads" : "writes"} were stated (say "100 million views a month" to change it)` });
    }
    if (writes === undefined) writes = reads! / readWriteRatio;
    else reads = writes * readWriteRatio;
  }
  const avgRps = writes + reads!;
  let dau = users;
  if (dau === undefined) {
    dau = (avgRps * SECONDS_PER_DAY) / p.requestsPerUserPerDay;
    assume({ field: "dau", value: fmt(Math.round(dau)), reason: `derived from the stated volumes at ${fmt(p.requestsPerUserPerDay)} requests per daily user; say "50k daily users" to change it` });
  }
  const requestsPerUserPerDay = (avgRps * SECONDS_PER_DAY) / dau;
  if (users !== undefined) {
    assume({ field: "requestsPerUserPerDay", value: fmt(requestsPerUserPerDay), reason: `implied by the stated volumes and users; replaces the default of ${fmt(p.requestsPerUserPerDay)} for ${p.label.toLowerCase()}` });
  }
  return { dau, avgRps, peakRps: avgRps * peakFactor, peakFactor, requestsPerUserPerDay, readWriteRatio };
}

/** Derives daily users and RPS from whatever traffic figure was stated; stated figures stay as stated. */
function resolveTraffic(req: Requirements, p: ArchetypeProfile, assume: (a: Assumption) => void): Traffic {
  const volumes = volumeTraffic(req, p, assume);
  if (volumes !== undefined) return volumes;
  const statedPf = req.peakFactor;
  let requestsPerUserPerDay = p.requestsPerUserPerDay;
  const rpuAssumed = () =>
    assume({ field: "requestsPerUserPerDay", value: fmt(requestsPerUserPerDay), reason: `${p.requestsReason ?? `typical for ${p.label.toLowerCase()}: API calls a daily user makes`}; say "each user makes 100 requests a day" to change it` });

  if (req.avgRps !== undefined || req.peakRps !== undefined) {
    let avgRps: number;
    let peakRps: number;
    let peakFactor: number;
    if (req.avgRps !== undefined && req.peakRps !== undefined) {
      avgRps = req.avgRps;
      peakRps = req.peakRps;
      peakFactor = peakRps / avgRps;
    } else if (req.peakRps !== undefined) {
      peakRps = req.peakRps;
      peakFactor = statedPf ?? p.peakFactor;
      if (statedPf === undefined) assume({ field: "peakFactor", value: `${fmt(peakFactor)}x`, reason: `peak over average typical for ${p.label.toLowerCase()}; average derived from the stated peak` });
      avgRps = peakRps / peakFactor;
    } else {
      avgRps = req.avgRps!;
      peakFactor = statedPf ?? p.peakFactor;
      if (statedPf === undefined) assume({ field: "peakFactor", value: `${fmt(peakFactor)}x`, reason: `peak over average typical for ${p.label.toLowerCase()}` });
      peakRps = avgRps * peakFactor;
    }
    let dau = req.dau ?? (req.mau !== undefined ? req.mau * p.dauOverMau : undefined);
    if (dau === undefined) {
      dau = (avgRps * SECONDS_PER_DAY) / requestsPerUserPerDay;
      rpuAssumed();
      assume({ field: "dau", value: fmt(Math.round(dau)), reason: "derived from the stated traffic at the requests per user above; say \"50k daily users\" to change it" });
    } else {
      requestsPerUserPerDay = (avgRps * SECONDS_PER_DAY) / dau;
      assume({ field: "requestsPerUserPerDay", value: fmt(requestsPerUserPerDay), reason: `implied by the stated traffic and users; replaces the default of ${fmt(p.requestsPerUserPerDay)} for ${p.label.toLowerCase()}` });
    }
    return { dau, avgRps, peakRps, peakFactor, requestsPerUserPerDay };
  }

  const peakFactor = statedPf ?? p.peakFactor;
  if (statedPf === undefined) assume({ field: "peakFactor", value: `${fmt(peakFactor)}x`, reason: `peak over average typical for ${p.label.toLowerCase()} (daily cycle); no traffic data was given` });
  const dau = usersFrom(req, p, peakFactor, assume);
  rpuAssumed();
  const avgRps = (dau * requestsPerUserPerDay) / SECONDS_PER_DAY;
  return { dau, avgRps, peakRps: avgRps * peakFactor, peakFactor, requestsPerUserPerDay };
}

function usersFrom(req: Requirements, p: ArchetypeProfile, peakFactor: number, assume: (a: Assumption) => void): number {
  if (req.dau !== undefined) return req.dau;
  if (req.mau !== undefined) {
    assume({ field: "dauOverMau", value: fmt(p.dauOverMau), reason: `daily over monthly actives typical for ${p.label.toLowerCase()}; say "20k of them daily" to change it` });
    return req.mau * p.dauOverMau;
  }
  if (req.concurrentUsers !== undefined) {
    const connectedShare = (p.sessionMinutesPerDay / 1440) * peakFactor;
    assume({ field: "sessionMinutesPerDay", value: fmt(p.sessionMinutesPerDay), reason: "minutes a daily user is connected; daily users derived from the stated concurrency at peak" });
    return req.concurrentUsers / Math.min(1, connectedShare);
  }
  if (req.ordersPerDay !== undefined && p.ordersPerDau !== undefined) {
    assume({ field: "ordersPerDau", value: fmt(p.ordersPerDau), reason: "orders per daily user (conversion); daily users derived from the stated orders" });
    return req.ordersPerDay / p.ordersPerDau;
  }
  if (req.videoHoursWatchedPerDay !== undefined && p.video) {
    assume({ field: "hoursWatchedPerDau", value: fmt(p.video.hoursWatchedPerDau), reason: "hours a daily viewer watches; daily users derived from the stated hours" });
    return req.videoHoursWatchedPerDay / p.video.hoursWatchedPerDau;
  }
  assume({ field: "dau", value: fmt(p.defaultDau), reason: "no traffic was stated: a typical launch size for this kind of product; say \"50k daily users\" or \"10 million orders a month\" to change it" });
  return p.defaultDau;
}

/**
 * What a write stores and a read returns. A stated size is the whole item: one kept in the
 * database leaves nothing in object storage, and a read returns it; an uploaded object keeps the
 * profile's metadata row beside it.
 */
function itemSizes(req: Requirements, p: ArchetypeProfile, assume: (a: Assumption) => void): Pick<Resolved, "storedKbPerWrite" | "objectKbPerWrite" | "responseKb" | "retentionDays"> {
  const retention = req.retentionDays === undefined ? {} : { retentionDays: req.retentionDays };
  if (req.storedKbPerWrite === undefined && req.objectKbPerWrite === undefined) {
    assume({ field: "kbPerWrite", value: `${fmt(p.storedKbPerWrite)} KB database, ${fmt(p.objectKbPerWrite)} KB object storage`, reason: `bytes a write keeps, typical for ${p.label.toLowerCase()}; say "each item is about 2 KB" to change it` });
    return { storedKbPerWrite: p.storedKbPerWrite, objectKbPerWrite: p.objectKbPerWrite, responseKb: p.responseKb, ...retention };
  }
  const storedKbPerWrite = req.storedKbPerWrite ?? p.storedKbPerWrite;
  const objectKbPerWrite = req.objectKbPerWrite ?? (req.storedKbPerWrite !== undefined ? 0 : p.objectKbPerWrite);
  const responseKb = req.storedKbPerWrite !== undefined && req.objectKbPerWrite === undefined ? req.storedKbPerWrite : p.responseKb;
  return { storedKbPerWrite, objectKbPerWrite, responseKb, ...retention };
}

/** Fills what the user did not state from the archetype's defaults, recording each as an assumption. */
export function resolve(req: Requirements): Resolved {
  const assumptions: Assumption[] = [];
  const assume = (a: Assumption) => assumptions.push(a);
  const archetype = req.archetype ?? "generic";
  if (!req.archetype) assume({ field: "archetype", value: "generic", reason: "the request did not name a domain Archie knows; a general web application is assumed" });
  const p = profileFor(archetype);

  const traffic = resolveTraffic(req, p, assume);
  const pick = <T>(field: string, stated: T | undefined, fallback: T, shown: string, reason: string): T => {
    if (stated !== undefined) return stated;
    assume({ field, value: shown, reason });
    return fallback;
  };

  const readWriteRatio = traffic.readWriteRatio ?? pick("readWriteRatio", req.readWriteRatio, p.readWriteRatio, `${fmt(p.readWriteRatio)}:1`, `reads per write typical for ${p.label.toLowerCase()}`);
  const growthPercentPerMonth = pick("growthPercentPerMonth", req.growthPercentPerMonth, p.growthPercentPerMonth, `${p.growthPercentPerMonth}%/month`, "used for the months until each scale step");
  const latencyP95Ms = pick("latencyP95Ms", req.latencyP95Ms, p.latencyP95Ms, `${p.latencyP95Ms} ms`, "p95 target for the API (becomes the load-test threshold)");
  const availability = pick("availability", req.availability, p.availability, `${p.availability}%`, "monthly availability target of the API");
  const connectedShare = Math.min(1, (p.sessionMinutesPerDay / 1440) * traffic.peakFactor);
  let concurrentUsers = req.concurrentUsers;
  if (concurrentUsers === undefined) {
    concurrentUsers = Math.max(1, Math.round(traffic.dau * connectedShare));
    assume({ field: "concurrentUsers", value: fmt(concurrentUsers), reason: `daily users × ${p.sessionMinutesPerDay} connected minutes ÷ 1,440 × peak factor` });
  }

  // GDPR residency keeps personal data in the EU when no region was named.
  const residency = req.compliance?.includes("GDPR") === true;
  const regions = req.regions ?? [residency ? "eu" : "us"];
  if (!req.regions) assume(residency ? { field: "regions", value: "eu (eu-central-1)", reason: "GDPR data residency: personal data stays in an EU region" } : { field: "regions", value: "us (us-east-1)", reason: "no region stated; priced in us-east-1" });
  const mapped = [...new Map(regions.map((r) => areaOf(r)).map((m) => [m.area, m])).values()];
  const priceFactor = Math.max(...mapped.map((m) => REGION_PRICE_FACTOR[m.area]!.factor));

  const cloud = pick("cloud", req.cloud, "aws" as Cloud, "AWS", "priced with AWS list prices");
  if (cloud !== "aws") assume({ field: "pricing", value: "AWS equivalents", reason: `prices are AWS us-east-1 list prices used as a proxy for ${cloud.toUpperCase()}; expect ±15%` });
  const database = pick("database", req.database, "postgresql" as DatabaseEngine, "PostgreSQL", "relational, strongly consistent, mature managed offerings");
  const currency = req.budget?.currency ?? "USD";
  if (!req.budget) assume({ field: "budget", value: "none stated", reason: "costs are shown without a budget verdict" });

  const video = p.video;
  const videoHoursWatchedPerDay = req.videoHoursWatchedPerDay ?? (video ? traffic.dau * video.hoursWatchedPerDau : 0);
  if (video && req.videoHoursWatchedPerDay === undefined) {
    assume({ field: "videoHoursWatchedPerDay", value: fmt(round(videoHoursWatchedPerDay)), reason: `${video.hoursWatchedPerDau} h per daily viewer at ${video.gbPerHourWatched} GB per hour watched` });
  }

  return {
    archetype,
    profile: p,
    domain: req.domain ?? p.label,
    dau: traffic.dau,
    concurrentUsers,
    avgRps: traffic.avgRps,
    peakRps: traffic.peakRps,
    readWriteRatio,
    peakFactor: traffic.peakFactor,
    requestsPerUserPerDay: traffic.requestsPerUserPerDay,
    growthPercentPerMonth,
    latencyP95Ms,
    availability,
    areas: mapped.map((m) => m.area),
    regionNames: mapped.map((m) => m.name),
    priceFactor,
    compliance: req.compliance ?? [],
    cloud,
    database,
    orchestration: req.orchestration,
    serviceSplit: req.serviceSplit,
    broker: req.broker,
    currency,
    budget: req.budget,
    videoHoursWatchedPerDay,
    ...itemSizes(req, p, assume),
    assumptions,
  };
}
