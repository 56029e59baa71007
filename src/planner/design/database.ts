import { CONNECTIONS_PER_INSTANCE, HOT_SET_DAYS, RDS_MAX_STORAGE_GB, VERTICAL_LIMIT_CLASS, WORKING_SET_DAYS } from "../facts.js";
import { DB_CLASSES, PRICES, type DbClass } from "../prices.js";
import { ceilCount } from "../units.js";
import { hourlyBasis, monthlyUsd, num, pct, region, usd } from "./sizing.js";
import { emptyPart, type DesignContext, type Part } from "./types.js";

export interface DatabasePlan {
  shards: number;
  /** Shards the writes need, and shards the stored bytes need (64 TiB an instance): `shards` is the larger. */
  writeBoundShards: number;
  storageBoundShards: number;
  cls: DbClass;
  replicasPerShard: number;
  primaryUtilisation: number;
  replicaUtilisation: number;
  writesPerShard: number;
  readsPerShard: number;
  storageGbPerShard: number;
  /** The part of the working set each shard's memory holds. */
  workingSetGbPerShard: number;
  /** Write capacity of the largest class: the figure sharding is triggered by. */
  largestWriteTps: number;
}

/** Storage provisioned per shard: the year's data with 30% free, never below RDS's 20 GB minimum. */
export const STORAGE_HEADROOM = 1.3;

/**
 * Scale up before scaling out: the smallest class (burstable ones included) that holds the shard's
 * writes and reads at the target and whose memory holds its working set, up to VERTICAL_LIMIT_CLASS;
 * past it, read replicas of the smallest non-burstable class that holds the writes; shards when even
 * the largest class cannot take the writes, or one instance cannot store the data.
 */
export function planDatabase(writes: number, reads: number, dataGb: number, workingSetGb: number, target: number, minReplicas = 0, minShards = 1): DatabasePlan {
  const largest = DB_CLASSES[DB_CLASSES.length - 1]!;
  const writeBoundShards = Math.max(1, ceilCount(writes / (largest.writeTps * target)));
  const storageBoundShards = Math.max(1, ceilCount((dataGb * STORAGE_HEADROOM) / RDS_MAX_STORAGE_GB));
  // Shards a previous scale step split the data into stay: merging them back is a migration nothing pays for.
  const shards = Math.max(writeBoundShards, storageBoundShards, minShards);
  const writesPerShard = writes / shards;
  const readsPerShard = reads / shards;
  const workingSetGbPerShard = workingSetGb / shards;
  const fits = DB_CLASSES.filter((c) => writesPerShard <= c.writeTps * target && workingSetGbPerShard <= c.memoryGb * 0.75);
  const limit = DB_CLASSES.findIndex((c) => c.name === VERTICAL_LIMIT_CLASS);
  const mixedOn = (c: DbClass) => writesPerShard / c.writeTps + readsPerShard / c.readQps;
  const scaledUp = minReplicas > 0 ? undefined : fits.find((c) => DB_CLASSES.indexOf(c) <= limit && mixedOn(c) <= target);
  const cls = scaledUp ?? fits.find((c) => !c.burstable) ?? largest;
  const mixed = mixedOn(cls);
  let replicasPerShard = 0;
  let primaryUtilisation = mixed;
  let replicaUtilisation = 0;
  if (mixed > target || minReplicas > 0) {
    // A larger class or a shard split can need fewer replicas per shard than the last step ran.
    replicasPerShard = Math.max(1, ceilCount(readsPerShard / (cls.readQps * target)), ceilCount(minReplicas / shards));
    primaryUtilisation = writesPerShard / cls.writeTps;
    replicaUtilisation = readsPerShard / (replicasPerShard * cls.readQps);
  }
  const storageGbPerShard = Math.max(20, ceilCount((dataGb / shards) * STORAGE_HEADROOM));
  return { shards, writeBoundShards, storageBoundShards, cls, replicasPerShard, primaryUtilisation, replicaUtilisation, writesPerShard, readsPerShard, storageGbPerShard, workingSetGbPerShard, largestWriteTps: largest.writeTps };
}

export function databaseTier(ctx: DesignContext): Part {
  const part = emptyPart();
  const { r, shape } = ctx;
  const { dbWrites: writes, dbReads: reads, db: plan, multiAz } = shape;
  const engine = r.database === "mysql" ? "MySQL 8.4" : "PostgreSQL 17";
  // Multi-AZ bills the standby as a second instance; one instance per shard without it.
  const perShard = multiAz ? 2 : 1;
  const primaries = plan.shards * perShard;
  const shardText = plan.shards > 1 ? `${plan.shards} shards by ${r.profile.shardingKey.split(" (")[0]}, ` : "";
  const az = multiAz ? "Multi-AZ" : "single-AZ";
  const searchText = shape.searchCluster || !r.profile.search ? "" : "; full-text search (tsvector + GIN)";
  part.components.push({
    id: "db-primary", name: `${engine} primary`, type: "database", tier: "data", count: primaries, managed: true, utilisation: plan.primaryUtilisation, instanceClass: plan.cls.name, shards: plan.shards,
    purpose: `system of record; ${multiAz ? `Multi-AZ with a synchronous standby${plan.shards > 1 ? " per shard" : ""}` : "single-AZ with point-in-time recovery"}${searchText}`,
    sizing: `${shardText}${plan.cls.name} (${plan.cls.vcpu} vCPU${plan.cls.burstable ? " burstable, rated at its CPU baseline" : ""}, ${plan.cls.memoryGb} GB) ${az}, ${num(plan.storageGbPerShard)} GB gp3 each (of RDS's ${num(RDS_MAX_STORAGE_GB)} GB limit); ${num(plan.writesPerShard)} writes/s and ${num(plan.readsPerShard)} reads/s per primary → ${pct(plan.primaryUtilisation)}; ${num(plan.workingSetGbPerShard, 1)} GB working set (the hot rows of the last ${WORKING_SET_DAYS} of ${HOT_SET_DAYS} days) → ${pct(plan.workingSetGbPerShard / plan.cls.memoryGb)} of memory`,
  });
  const price = plan.cls.usdPerHour;
  part.bill.push({
    componentId: "db-primary", item: `${engine} primary, ${az} (${primaries} × ${plan.cls.name})`, category: "data", lever: "database",
    usdMonthly: monthlyUsd(primaries, price, r.priceFactor), basis: hourlyBasis(primaries, plan.cls.name, price, r.priceFactor),
  });
  const storageGb = plan.storageGbPerShard * plan.shards * (perShard + plan.replicasPerShard);
  part.bill.push({
    componentId: "db-primary", item: `Database storage (${num(storageGb)} GB gp3 incl. standby and replicas)`, category: "storage", lever: "none",
    usdMonthly: storageGb * PRICES["rds.storage.gp3"].usd * r.priceFactor, basis: `${num(storageGb)} GB × ${usd(PRICES["rds.storage.gp3"].usd)}/GB-month${region(r.priceFactor)}`,
  });
  part.resources.push({
    id: "db-primary-writes", componentId: "db-primary", title: "Database primary write capacity", load: plan.writesPerShard, capacity: plan.cls.writeTps, unit: "writes/s",
    signal: "primary CPU > 70%, commit latency p99 > 20 ms, or lock waits rising", fix: `scale the primary up (to ${DB_CLASSES[DB_CLASSES.length - 1]!.name} at most), batch writes, then shard by ${r.profile.shardingKey}`,
  });
  if (plan.replicasPerShard > 0) {
    const replicas = plan.replicasPerShard * plan.shards;
    part.components.push({
      id: "db-replicas", name: `${engine} read replicas`, type: "database", tier: "data", count: replicas, managed: true, utilisation: plan.replicaUtilisation, instanceClass: plan.cls.name,
      purpose: "serve cache misses and reporting reads; promoted if a primary fails",
      sizing: `${plan.cls.name}; ${num(plan.readsPerShard)} reads/s per shard after the cache → ${pct(plan.replicaUtilisation)} of ~${num(plan.cls.readQps)} QPS each`,
    });
    part.bill.push({
      componentId: "db-replicas", item: `Read replicas (${replicas} × ${plan.cls.name})`, category: "data", lever: "database",
      usdMonthly: monthlyUsd(replicas, price, r.priceFactor), basis: hourlyBasis(replicas, plan.cls.name, price, r.priceFactor),
    });
    part.resources.push({
      id: "db-reads", componentId: "db-replicas", title: "Database read capacity", load: plan.readsPerShard, capacity: plan.replicasPerShard * plan.cls.readQps, unit: "reads/s",
      signal: "replica CPU > 70% or replica lag > 1 s", fix: "add replicas (up to 15), raise the cache hit ratio, move reporting to the OLAP store",
    });
  } else {
    part.resources.push({
      id: "db-reads", componentId: "db-primary", title: "Database reads on the primary", load: plan.readsPerShard, capacity: plan.cls.readQps, unit: "reads/s",
      signal: "primary CPU > 70% with reads dominating (pg_stat_statements)", fix: "add a read replica and route read-only queries to it",
    });
  }
  const pool = Math.max(20, ceilCount((writes + reads) / plan.shards * 0.005 * 2));
  part.settings.push(
    { component: engine, setting: r.database === "mysql" ? "max_connections" : "max_connections", value: String(plan.cls.maxConnections), why: `RDS default for ${plan.cls.name}; ${shape.pooler ? "clients reach it only through the pooler" : `the app's ${shape.tasks} tasks open ${shape.tasks * CONNECTIONS_PER_INSTANCE}`}` },
    { component: engine, setting: r.database === "mysql" ? "innodb_buffer_pool_size" : "shared_buffers", value: `${Math.round(plan.cls.memoryGb * (r.database === "mysql" ? 0.75 : 0.25))} GB`, why: r.database === "mysql" ? "75% of memory for InnoDB pages" : "25% of memory; the OS page cache holds the rest of the working set" },
  );
  if (shape.pooler) {
    part.settings.push({ component: r.database === "mysql" ? "ProxySQL" : "PgBouncer", setting: r.database === "mysql" ? "mysql-max_connections / pool" : "pool_mode, default_pool_size", value: r.database === "mysql" ? `2048 / ${pool}` : `transaction, ${pool}`, why: `Little's law: ${num((writes + reads) / plan.shards)} queries/s × 5 ms × 2 headroom per shard` });
  }
  return part;
}
