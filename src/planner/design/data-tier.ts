import { PRICES } from "../prices.js";
import { ceilCount } from "../units.js";
import {
  CACHE_NODE_GB,
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

/** cache.t4g.medium: 3.09 GiB; ~20 k simple ops/s is a planning figure for its burstable core. */
const SMALL_CACHE_GB = 3.09;
const SMALL_CACHE_OPS = 20_000;

/** Redis (ElastiCache, cluster mode): sized by memory for the hot set and by ops for peak reads. */
export function cacheTier(ctx: DesignContext): Part {
  const part = emptyPart();
  const { r, load, options, regions, shape } = ctx;
  const p = r.profile;
  if (shape.geo) geoIndex(ctx, part);
  if (!shape.cache) return part;
  const memoryGb = load.hotDataGb / regions;
  const ops = (load.peakReadRps * (1 + (1 - p.cacheHitRatio)) + load.peakWriteRps) / regions;
  const usableGb = CACHE_NODE_GB * CACHE_USABLE_FRACTION;
  const shards = Math.max(1, ceilCount(memoryGb / (usableGb * 0.8)), ceilCount(ops / (REDIS_OPS_PER_SHARD * options.targetUtilisation)));
  const nodes = shards * 2 * regions;
  // A small hot set and few ops fit one burstable primary + replica pair.
  const small = shards === 1 && memoryGb <= SMALL_CACHE_GB * CACHE_USABLE_FRACTION * 0.8 && ops <= SMALL_CACHE_OPS * options.targetUtilisation;
  if (small) {
    const price = PRICES["elasticache.cache.t4g.medium"].usd;
    const memUtil = memoryGb / (SMALL_CACHE_GB * CACHE_USABLE_FRACTION);
    const opsUtil = ops / SMALL_CACHE_OPS;
    const count = 2 * regions;
    part.components.push({ id: "cache", name: "Redis cache", type: "cache", tier: "data", count, managed: true, utilisation: Math.max(memUtil, opsUtil), instanceClass: "cache.t4g.medium", purpose: `${p.hotData}; sessions; rate-limit counters`, sizing: `primary + replica cache.t4g.medium (${SMALL_CACHE_GB} GiB); ${num(memoryGb, 1)} GB hot set → ${pct(memUtil)} memory, ${num(ops)} ops/s → ${pct(opsUtil)} of ~${num(SMALL_CACHE_OPS)} ops/s` });
    part.bill.push({ componentId: "cache", item: `Redis cache (${count} × cache.t4g.medium)`, category: "data", lever: "cache", usdMonthly: monthlyUsd(count, price, r.priceFactor), basis: hourlyBasis(count, "cache.t4g.medium", price, r.priceFactor) });
    part.resources.push(
      { id: "cache-memory", componentId: "cache", title: "Cache memory", load: memoryGb, capacity: SMALL_CACHE_GB * CACHE_USABLE_FRACTION, unit: "GB", signal: "DatabaseMemoryUsagePercentage > 80% or evictions > 0 on session keys", fix: "move to cache.r7g.large nodes, then add shards" },
      { id: "cache-ops", componentId: "cache", title: "Cache engine CPU", load: ops, capacity: SMALL_CACHE_OPS, unit: "ops/s", signal: "EngineCPUUtilization > 90% or CPU credit balance falling", fix: "move to cache.r7g.large nodes (no credits), then add shards" },
    );
    return part;
  }
  const memUtil = memoryGb / (shards * usableGb);
  const opsUtil = ops / (shards * REDIS_OPS_PER_SHARD);
  const price = PRICES["elasticache.cache.r7g.large"].usd;
  part.components.push({
    id: "cache", name: "Redis cache", type: "cache", tier: "data", count: nodes, managed: true, utilisation: Math.max(memUtil, opsUtil), instanceClass: "cache.r7g.large",
    purpose: `${p.hotData}; sessions; rate-limit counters`,
    sizing: `${shards} shard${shards > 1 ? "s" : ""} × (primary + replica) cache.r7g.large (13.07 GiB); ${num(memoryGb, 1)} GB hot set → ${pct(memUtil)} memory, ${num(ops)} ops/s → ${pct(opsUtil)} of engine CPU`,
  });
  part.bill.push({ componentId: "cache", item: `Redis cache (${nodes} × cache.r7g.large)`, category: "data", lever: "cache", usdMonthly: monthlyUsd(nodes, price, r.priceFactor), basis: hourlyBasis(nodes, "cache.r7g.large", price, r.priceFactor) });
  part.resources.push(
    { id: "cache-memory", componentId: "cache", title: "Cache memory", load: memoryGb, capacity: shards * usableGb, unit: "GB", signal: "DatabaseMemoryUsagePercentage > 80% or evictions > 0 on session keys", fix: "add shards (online resharding); shorten TTLs of large values" },
    { id: "cache-ops", componentId: "cache", title: "Cache engine CPU", load: ops, capacity: shards * REDIS_OPS_PER_SHARD, unit: "ops/s", signal: "EngineCPUUtilization > 90% (ElastiCache guidance)", fix: "add shards; pipeline multi-gets; an in-process L1 cache for the hottest keys" },
  );
  part.settings.push(
    { component: "Redis cache", setting: "maxmemory", value: `${Math.floor(usableGb * 1024)} mb per node`, why: "75% of 13.07 GiB; ElastiCache reserves the rest (reserved-memory-percent 25)" },
    { component: "Redis cache", setting: "maxmemory-policy", value: "allkeys-lru", why: "a cache evicts the least recently used key instead of refusing writes" },
  );
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
