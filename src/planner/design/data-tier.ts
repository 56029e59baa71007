import { CACHE_NODES_PER_CLUSTER, CACHE_SHARDS_BEFORE_SCALE_UP, HOT_SET_DAYS, WORKING_SET_DAYS, WORKING_SET_FRACTION } from "../facts.js";
import { CACHE_CLASSES, PRICES, type CacheClass } from "../prices.js";
import { SECONDS_PER_MONTH, ceilCount } from "../units.js";
import {
  CACHE_USABLE_FRACTION,
  OLAP_GB_PER_NODE,
  OLAP_ROWS_PER_SECOND_PER_NODE,
  REDIS_OPS_PER_SHARD,
  SEARCH_QPS_PER_NODE,
  hourlyBasis,
  monthlyUsd,
  num,
  pct,
  region,
  replicasFor,
  usd,
} from "./sizing.js";
import { emptyPart, type DesignContext, type Part } from "./types.js";

export interface CachePlan {
  cls: CacheClass;
  shards: number;
  /** Nodes in all regions: a primary and a replica per shard. */
  nodes: number;
  /** Clusters per region: ElastiCache caps a cluster at CACHE_NODES_PER_CLUSTER nodes. */
  clusters: number;
  memoryUtilisation: number;
  opsUtilisation: number;
}

/** Memory a shard fills: ElastiCache keeps 25% back, and the planner fills 80% of the rest. */
const FILL = CACHE_USABLE_FRACTION * 0.8;

/**
 * The smallest node class that holds the cache in at most CACHE_SHARDS_BEFORE_SCALE_UP shards (scale
 * the node up before adding shards); past the largest class, shards of it. Burstable classes only
 * for a single shard whose ops fit their baseline.
 */
export function planCache(memoryGb: number, ops: number, target: number, regions: number): CachePlan {
  const shardsOn = (c: CacheClass) => Math.max(1, ceilCount(memoryGb / (c.memoryGb * FILL)), ceilCount(ops / (c.opsPerSecond * target)));
  const usable = CACHE_CLASSES.filter((c) => !c.burstable || shardsOn(c) === 1);
  const cls = usable.find((c) => shardsOn(c) <= CACHE_SHARDS_BEFORE_SCALE_UP) ?? CACHE_CLASSES[CACHE_CLASSES.length - 1]!;
  const shards = shardsOn(cls);
  return {
    cls,
    shards,
    nodes: shards * 2 * regions,
    clusters: ceilCount((shards * 2) / CACHE_NODES_PER_CLUSTER),
    memoryUtilisation: memoryGb / (shards * cls.memoryGb * CACHE_USABLE_FRACTION),
    opsUtilisation: ops / (shards * cls.opsPerSecond),
  };
}

/** Redis (ElastiCache, cluster mode): sized by memory for the working set and sessions, and by ops for peak reads. */
export function cacheTier(ctx: DesignContext): Part {
  const part = emptyPart();
  const { r, load, options, regions, shape } = ctx;
  const p = r.profile;
  if (shape.geo) geoIndex(ctx, part);
  if (!shape.cache) return part;
  // Sessions are kept whole; of the rest of the hot set, the working set the last week's reads touch.
  const memoryGb = ((load.hotDataGb - load.sessionGb) * WORKING_SET_FRACTION + load.sessionGb) / regions;
  const ops = (load.peakReadRps * (1 + (1 - p.cacheHitRatio)) + load.peakWriteRps) / regions;
  const plan = planCache(memoryGb, ops, options.targetUtilisation, regions);
  const { cls, shards, nodes, clusters } = plan;
  const usableGb = cls.memoryGb * CACHE_USABLE_FRACTION;
  const layout = shards === 1 ? `primary + replica ${cls.name}` : `${shards} shards × (primary + replica) ${cls.name}`;
  const clusterText = clusters > 1 ? ` in ${clusters} clusters (${CACHE_NODES_PER_CLUSTER} nodes at most each)` : "";
  part.components.push({
    id: "cache", name: "Redis cache", type: "cache", tier: "data", count: nodes, managed: true, utilisation: Math.max(plan.memoryUtilisation, plan.opsUtilisation), instanceClass: cls.name, shards,
    purpose: `${p.hotData}; sessions; rate-limit counters`,
    sizing: `${layout}${clusterText} (${cls.memoryGb} GiB each, the smallest class that needs at most ${CACHE_SHARDS_BEFORE_SCALE_UP} shards); ${num(memoryGb, 1)} GB (${num((load.hotDataGb - load.sessionGb) / regions, 1)} GB of hot rows × ${WORKING_SET_DAYS}/${HOT_SET_DAYS} days + ${num(load.sessionGb / regions, 1)} GB sessions) → ${pct(plan.memoryUtilisation)} memory, ${num(ops)} ops/s → ${pct(plan.opsUtilisation)} of engine CPU (~${num(cls.opsPerSecond)} ops/s a shard)`,
  });
  part.bill.push({ componentId: "cache", item: `Redis cache (${nodes} × ${cls.name})`, category: "data", lever: "cache", usdMonthly: monthlyUsd(nodes, cls.usdPerHour, r.priceFactor), basis: hourlyBasis(nodes, cls.name, cls.usdPerHour, r.priceFactor) });
  const larger = CACHE_CLASSES[CACHE_CLASSES.indexOf(cls) + 1]?.name;
  const fix = larger ? `move to ${larger} nodes, then add shards (online resharding)` : "add shards (online resharding); shorten TTLs of large values";
  part.resources.push(
    { id: "cache-memory", componentId: "cache", title: "Cache memory", load: memoryGb, capacity: shards * usableGb, unit: "GB", signal: "DatabaseMemoryUsagePercentage > 80% or evictions > 0 on session keys", fix },
    { id: "cache-ops", componentId: "cache", title: "Cache engine CPU", load: ops, capacity: shards * cls.opsPerSecond, unit: "ops/s", signal: cls.burstable ? "EngineCPUUtilization > 90% or CPU credit balance falling" : "EngineCPUUtilization > 90% (ElastiCache guidance)", fix: `${fix}; pipeline multi-gets; an in-process L1 cache for the hottest keys` },
  );
  if (!cls.burstable) {
    part.settings.push(
      { component: "Redis cache", setting: "maxmemory", value: `${Math.floor(usableGb * 1024)} mb per node`, why: `75% of ${cls.memoryGb} GiB; ElastiCache reserves the rest (reserved-memory-percent 25)` },
      { component: "Redis cache", setting: "maxmemory-policy", value: "allkeys-lru", why: "a cache evicts the least recently used key instead of refusing writes" },
    );
  }
  return part;
}

/** Append-only history in DynamoDB (Standard-IA, on demand): billed per request and per GB stored. */
export function historyTier(ctx: DesignContext): Part {
  const part = emptyPart();
  const { r, load, shape } = ctx;
  const history = r.profile.history;
  if (!history || !shape.historyStore) return part;
  const writeShare = 1 / (r.readWriteRatio + 1);
  const writesM = (load.avgRps * writeShare * history.writeShare * SECONDS_PER_MONTH) / 1e6;
  // A write of up to 1 KB is one write unit; an eventually consistent read of up to 4 KB is half a read unit.
  const writeUnits = Math.max(1, Math.ceil(r.storedKbPerWrite));
  const readsM = (load.readRps * (1 - r.profile.cacheHitRatio) * history.writeShare * SECONDS_PER_MONTH) / 1e6;
  const gb = load.databaseGbYear1 * history.writeShare;
  const w = PRICES["dynamodb.ia.write"].usd;
  const rd = PRICES["dynamodb.ia.read"].usd;
  const st = PRICES["dynamodb.ia.storage"].usd;
  part.components.push({ id: "history", name: "History store (DynamoDB)", type: "database", tier: "data", count: 1, managed: true, purpose: `${history.what}, append-only, partition key ${history.key}; the relational database keeps accounts and metadata`, sizing: `DynamoDB on demand, Standard-IA table class; ${num(writesM)} M writes and ${num(readsM)} M cache-miss reads a month; ${num(gb)} GB after year one` });
  part.bill.push(
    { componentId: "history", item: `History writes (${num(writesM * writeUnits)} M write units)`, category: "data", lever: "none", usdMonthly: writesM * writeUnits * w * r.priceFactor, basis: `${num(writesM)} M writes × ${writeUnits} WRU × ${usd(w)}/M${region(r.priceFactor)}` },
    { componentId: "history", item: `History reads (${num(readsM * 0.5)} M read units)`, category: "data", lever: "none", usdMonthly: readsM * 0.5 * rd * r.priceFactor, basis: `${num(readsM)} M reads × 0.5 RRU × ${usd(rd)}/M${region(r.priceFactor)}` },
    { componentId: "history", item: `History storage (${num(gb)} GB, Standard-IA)`, category: "storage", lever: "none", usdMonthly: gb * st * r.priceFactor, basis: `${num(gb)} GB (size after 12 months) × ${usd(st)}/GB-month${region(r.priceFactor)}` },
  );
  part.settings.push({ component: "History store", setting: "partition key", value: history.key, why: "a bucket bounds each partition's size and spreads a busy conversation's writes (Discord's Cassandra/ScyllaDB message schema)" });
  return part;
}

/** Redis GEO sets for live positions, once updates outgrow PostGIS on the primary. */
function geoIndex(ctx: DesignContext, part: Part) {
  const { r, load, options, regions } = ctx;
  const p = r.profile;
  const price = PRICES["elasticache.cache.r7g.large"].usd;
  if (p.geo) {
    const geoOps = (load.peakStreamWriteRps * 2 + load.peakReadRps * 0.1) / regions;
    const geoShards = Math.max(1, ceilCount(geoOps / (REDIS_OPS_PER_SHARD * options.targetUtilisation)));
    const geoNodes = geoShards * 2 * regions;
    const util = geoOps / (geoShards * REDIS_OPS_PER_SHARD);
    part.components.push({ id: "geo", name: "Geo index (Redis)", type: "cache", tier: "data", count: geoNodes, managed: true, utilisation: util, purpose: p.geo.purpose, sizing: `${geoShards} shard(s) × 2 cache.r7g.large; ${num(geoOps)} GEOADD/GEOSEARCH ops/s → ${pct(util)}` });
    part.bill.push({ componentId: "geo", item: `Geo index (${geoNodes} × cache.r7g.large)`, category: "data", lever: "cache", usdMonthly: monthlyUsd(geoNodes, price, r.priceFactor), basis: hourlyBasis(geoNodes, "cache.r7g.large", price, r.priceFactor) });
    part.resources.push({ id: "geo-ops", componentId: "geo", title: "Geo index writes", load: geoOps, capacity: geoShards * REDIS_OPS_PER_SHARD, unit: "ops/s", signal: "EngineCPUUtilization > 90% on a geo shard", fix: "shard the geo index by city (H3 cell prefix)" });
  }
}

export function searchTier(ctx: DesignContext): Part {
  const part = emptyPart();
  const { r, load, options, regions } = ctx;
  const search = r.profile.search;
  if (!search || !ctx.shape.searchCluster) return part;
  const qps = (load.peakReadRps * search.readShare) / regions;
  const perRegion = replicasFor(qps, SEARCH_QPS_PER_NODE, options.targetUtilisation);
  const nodes = perRegion * regions;
  const util = qps / (perRegion * SEARCH_QPS_PER_NODE);
  const price = PRICES["opensearch.r6g.large.search"].usd;
  part.components.push({ id: "search", name: "Search cluster", type: "search", tier: "data", count: nodes, managed: true, utilisation: util, purpose: search.purpose, sizing: `OpenSearch r6g.large.search data nodes, ~${SEARCH_QPS_PER_NODE} queries/s each; ${num(qps)} queries/s at peak → ${pct(util)}` });
  part.bill.push({ componentId: "search", item: `Search cluster (${nodes} × r6g.large.search)`, category: "data", lever: "none", usdMonthly: monthlyUsd(nodes, price, r.priceFactor), basis: hourlyBasis(nodes, "r6g.large.search", price, r.priceFactor) });
  part.resources.push({ id: "search-qps", componentId: "search", title: "Search query capacity", load: qps, capacity: perRegion * SEARCH_QPS_PER_NODE, unit: "queries/s", signal: "search latency p95 > 200 ms or thread-pool rejections", fix: "add data nodes and replicas; cache popular queries for 60 s" });
  return part;
}

/** ClickHouse on EC2 for event and time-series data: two replicas of each shard. */
export function olapTier(ctx: DesignContext): Part {
  const part = emptyPart();
  const { r, load, options } = ctx;
  const olap = r.profile.olap;
  if (!olap || !ctx.shape.olap) return part;
  const rows = load.peakStreamWriteRps;
  const shards = Math.max(1, ceilCount(rows / (OLAP_ROWS_PER_SECOND_PER_NODE * options.targetUtilisation)), ceilCount(load.streamStoreGbYear1 / OLAP_GB_PER_NODE));
  const nodes = shards * 2;
  const util = rows / (shards * OLAP_ROWS_PER_SECOND_PER_NODE);
  const diskGb = Math.max(100, ceilCount((load.streamStoreGbYear1 / shards) * 1.3));
  const price = PRICES["ec2.r7g.xlarge"].usd;
  part.components.push({ id: "olap", name: "ClickHouse cluster", type: "database", tier: "data", count: nodes, managed: false, utilisation: util, purpose: olap.purpose, sizing: `${shards} shard(s) × 2 replicas on r7g.xlarge, ${diskGb} GB gp3 each; ${num(rows)} rows/s inserted in batches → ${pct(util)}` });
  part.bill.push(
    { componentId: "olap", item: `ClickHouse nodes (${nodes} × r7g.xlarge)`, category: "data", lever: "compute", usdMonthly: monthlyUsd(nodes, price, r.priceFactor), basis: hourlyBasis(nodes, "r7g.xlarge", price, r.priceFactor) },
    { componentId: "olap", item: `ClickHouse storage (${num(diskGb * nodes)} GB gp3)`, category: "storage", lever: "none", usdMonthly: diskGb * nodes * PRICES["ebs.gp3"].usd * r.priceFactor, basis: `${num(diskGb * nodes)} GB × ${usd(PRICES["ebs.gp3"].usd)}/GB-month${region(r.priceFactor)}` },
  );
  part.resources.push({ id: "olap-inserts", componentId: "olap", title: "OLAP insert throughput", load: rows, capacity: shards * OLAP_ROWS_PER_SECOND_PER_NODE, unit: "rows/s", signal: "parts per partition > 300 ('too many parts') or insert latency rising", fix: "larger insert batches (≥ 10 k rows), then add shards" });
  part.settings.push({ component: "ClickHouse", setting: "insert batching", value: "async_insert=1, 10,000 rows or 1 s per batch", why: "small inserts create too many parts and merges fall behind" });
  return part;
}

export function objectStorageTier(ctx: DesignContext): Part {
  const part = emptyPart();
  const { r, load } = ctx;
  if (!ctx.shape.objectStorage) return part;
  const gb = load.objectStorageGbYear1;
  part.components.push({ id: "object-storage", name: "Object storage", type: "object-storage", tier: "data", count: 1, managed: true, purpose: "uploads, media, static assets, backups", sizing: `S3 Standard, ${num(gb)} GB after year one (lifecycle to Infrequent Access after 30 days)` });
  part.bill.push({ componentId: "object-storage", item: `Object storage (${num(gb)} GB, S3 Standard)`, category: "storage", lever: "none", usdMonthly: gb * PRICES["s3.standard"].usd * r.priceFactor, basis: `${num(gb)} GB (size after 12 months) × ${usd(PRICES["s3.standard"].usd)}/GB-month${region(r.priceFactor)}` });
  return part;
}
