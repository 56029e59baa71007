import { DB_CLASSES, PRICES, type DbClass } from "../prices.js";
import { ceilCount } from "../units.js";
import { hourlyBasis, monthlyUsd, num, pct } from "./sizing.js";
import { emptyPart, type DesignContext, type Part } from "./types.js";

/** Peak queries that reach the relational database: writes, plus reads the cache and search do not absorb. */
export function databaseLoad(ctx: DesignContext): { writes: number; reads: number } {
  const p = ctx.r.profile;
  const searchShare = p.search?.readShare ?? 0;
  return {
    writes: ctx.load.peakDbWriteRps,
    reads: ctx.load.peakReadRps * (1 - searchShare) * (1 - p.cacheHitRatio),
  };
}

export interface DatabasePlan {
  shards: number;
  cls: DbClass;
  replicasPerShard: number;
  primaryUtilisation: number;
  replicaUtilisation: number;
  writesPerShard: number;
  readsPerShard: number;
  storageGbPerShard: number;
}

/**
 * Smallest class whose write capacity holds the shard's writes at the target and whose memory
 * holds the hot set; shard only when even the largest class cannot; replicas only when the
 * primary cannot also serve the reads.
 */
export function planDatabase(writes: number, reads: number, dataGb: number, hotGb: number, target: number): DatabasePlan {
  const largest = DB_CLASSES[DB_CLASSES.length - 1]!;
  const shards = Math.max(1, ceilCount(writes / (largest.writeTps * target)));
  const writesPerShard = writes / shards;
  const readsPerShard = reads / shards;
  const hotGbPerShard = hotGb / shards;
  const cls = DB_CLASSES.find((c) => writesPerShard <= c.writeTps * target && hotGbPerShard <= c.memoryGb * 0.75) ?? largest;
  const mixed = writesPerShard / cls.writeTps + readsPerShard / cls.readQps;
  let replicasPerShard = 0;
  let primaryUtilisation = mixed;
  let replicaUtilisation = 0;
  if (mixed > target) {
    replicasPerShard = Math.max(1, ceilCount(readsPerShard / (cls.readQps * target)));
    primaryUtilisation = writesPerShard / cls.writeTps;
    replicaUtilisation = readsPerShard / (replicasPerShard * cls.readQps);
  }
  return { shards, cls, replicasPerShard, primaryUtilisation, replicaUtilisation, writesPerShard, readsPerShard, storageGbPerShard: Math.max(20, ceilCount((dataGb / shards) * 1.3)) };
}

export function databaseTier(ctx: DesignContext): Part {
  const part = emptyPart();
  const { r, load, options } = ctx;
  const { writes, reads } = databaseLoad(ctx);
  const plan = planDatabase(writes, reads, load.databaseGbYear1, load.hotDataGb, options.targetUtilisation);
  const engine = r.database === "mysql" ? "MySQL 8.4" : "PostgreSQL 17";
  const primaries = plan.shards * 2;
  const shardText = plan.shards > 1 ? `${plan.shards} shards by ${r.profile.shardingKey.split(" (")[0]}, ` : "";
  part.components.push({
    id: "db-primary", name: `${engine} primary`, type: "database", tier: "data", count: primaries, managed: true, utilisation: plan.primaryUtilisation,
    purpose: `system of record; Multi-AZ with a synchronous standby${plan.shards > 1 ? " per shard" : ""}`,
    sizing: `${shardText}${plan.cls.name} (${plan.cls.vcpu} vCPU, ${plan.cls.memoryGb} GB) Multi-AZ, ${plan.storageGbPerShard} GB gp3 each; ${num(plan.writesPerShard)} writes/s per primary → ${pct(plan.primaryUtilisation)} of ~${num(plan.cls.writeTps)} TPS`,
  });
  const price = plan.cls.usdPerHour;
  part.bill.push({
    componentId: "db-primary", item: `${engine} primary, Multi-AZ (${primaries} × ${plan.cls.name})`, category: "data", lever: "database",
    usdMonthly: monthlyUsd(primaries, price, r.priceFactor), basis: hourlyBasis(primaries, plan.cls.name, price, r.priceFactor),
  });
  const storageGb = plan.storageGbPerShard * plan.shards * (2 + plan.replicasPerShard);
  part.bill.push({
    componentId: "db-primary", item: `Database storage (${num(storageGb)} GB gp3 incl. standby and replicas)`, category: "storage", lever: "none",
    usdMonthly: storageGb * PRICES["rds.storage.gp3"].usd * r.priceFactor, basis: `${num(storageGb)} GB × $${PRICES["rds.storage.gp3"].usd}/GB-month`,
  });
  part.resources.push({
    id: "db-primary-writes", componentId: "db-primary", title: "Database primary write capacity", load: plan.writesPerShard, capacity: plan.cls.writeTps, unit: "writes/s",
    signal: "primary CPU > 70%, commit latency p99 > 20 ms, or lock waits rising", fix: `scale the primary up (to ${DB_CLASSES[DB_CLASSES.length - 1]!.name} at most), batch writes, then shard by ${r.profile.shardingKey}`,
  });
  if (plan.replicasPerShard > 0) {
    const replicas = plan.replicasPerShard * plan.shards;
    part.components.push({
      id: "db-replicas", name: `${engine} read replicas`, type: "database", tier: "data", count: replicas, managed: true, utilisation: plan.replicaUtilisation,
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
    { component: engine, setting: r.database === "mysql" ? "max_connections" : "max_connections", value: String(plan.cls.maxConnections), why: `RDS default for ${plan.cls.name}; clients reach it only through the pooler` },
    { component: engine, setting: r.database === "mysql" ? "innodb_buffer_pool_size" : "shared_buffers", value: `${Math.round(plan.cls.memoryGb * (r.database === "mysql" ? 0.75 : 0.25))} GB`, why: r.database === "mysql" ? "75% of memory for InnoDB pages" : "25% of memory; the OS page cache holds the rest of the hot set" },
    { component: r.database === "mysql" ? "ProxySQL" : "PgBouncer", setting: r.database === "mysql" ? "mysql-max_connections / pool" : "pool_mode, default_pool_size", value: r.database === "mysql" ? `2048 / ${pool}` : `transaction, ${pool}`, why: `Little's law: ${num((writes + reads) / plan.shards)} queries/s × 5 ms × 2 headroom per shard` },
  );
  return part;
}
