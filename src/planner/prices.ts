import type { Currency } from "./requirements.js";

/**
 * AWS us-east-1 on-demand list prices, USD. Each row names where it was read; "uncertain" marks
 * rows where sources disagreed. Re-check before relying on a figure: AWS changes prices.
 */
export const PRICES_AS_OF = "2026-11-01";
export const PRICE_SOURCE = "AWS us-east-1 on-demand list prices (aws.amazon.com pricing pages, as read in 2026 public price guides)";

export interface PriceRow {
  usd: number;
  unit: "hour" | "GB-month" | "GB" | "million requests" | "month" | "LCU-hour";
  source: string;
  confidence: "agree" | "uncertain";
}

export const PRICES = {
  "ec2.m7g.large": { usd: 0.0816, unit: "hour", source: "EC2 on-demand pricing; several 2026 guides agree", confidence: "agree" },
  "ec2.m7g.xlarge": { usd: 0.1632, unit: "hour", source: "EC2 on-demand pricing; several 2026 guides agree", confidence: "agree" },
  "ec2.m6i.large": { usd: 0.096, unit: "hour", source: "EC2 on-demand pricing; several sources agree", confidence: "agree" },
  "ec2.c7g.large": { usd: 0.0725, unit: "hour", source: "EC2 on-demand pricing; most sources", confidence: "agree" },
  "ec2.c7g.xlarge": { usd: 0.145, unit: "hour", source: "EC2 on-demand pricing; most sources", confidence: "agree" },
  "ec2.r7g.large": { usd: 0.1071, unit: "hour", source: "EC2 on-demand pricing (r7g is 1.31x m7g per vCPU)", confidence: "uncertain" },
  "ec2.r7g.xlarge": { usd: 0.2142, unit: "hour", source: "EC2 on-demand pricing", confidence: "uncertain" },
  "ec2.g5.xlarge": { usd: 1.006, unit: "hour", source: "EC2 on-demand pricing, June 2026 guide", confidence: "agree" },
  "ec2.t4g.medium": { usd: 0.0336, unit: "hour", source: "EC2 on-demand pricing", confidence: "agree" },
  "ec2.t4g.small": { usd: 0.0168, unit: "hour", source: "EC2 on-demand pricing (t4g.small, us-east-1), as read 2026-11", confidence: "agree" },
  "fargate.vcpu": { usd: 0.04048, unit: "hour", source: "AWS Fargate pricing, Linux/x86 per vCPU-hour, as read 2026-11", confidence: "agree" },
  "fargate.gb": { usd: 0.004445, unit: "hour", source: "AWS Fargate pricing, per GB-hour, as read 2026-11", confidence: "agree" },
  "eks.cluster": { usd: 0.1, unit: "hour", source: "Amazon EKS pricing (standard support)", confidence: "agree" },
  "rds.db.r6g.large": { usd: 0.225, unit: "hour", source: "RDS for PostgreSQL pricing, single-AZ; $0.216–0.260 seen", confidence: "uncertain" },
  "rds.db.t4g.micro": { usd: 0.016, unit: "hour", source: "RDS for PostgreSQL pricing, single-AZ (db.t4g.micro), as read 2026-11", confidence: "agree" },
  "rds.db.t4g.small": { usd: 0.032, unit: "hour", source: "RDS for PostgreSQL pricing, single-AZ (db.t4g.small), as read 2026-11", confidence: "agree" },
  "rds.db.t4g.medium": { usd: 0.065, unit: "hour", source: "RDS pricing, single-AZ, 2026 guide", confidence: "agree" },
  "rds.db.t4g.large": { usd: 0.129, unit: "hour", source: "RDS for PostgreSQL pricing, single-AZ (db.t4g.large), as read 2026-11", confidence: "agree" },
  "rds.storage.gp3": { usd: 0.115, unit: "GB-month", source: "RDS pricing, gp3 storage (Multi-AZ bills it twice)", confidence: "agree" },
  "elasticache.cache.t4g.small": { usd: 0.032, unit: "hour", source: "ElastiCache for Redis OSS pricing (cache.t4g.small), as read 2026-11", confidence: "agree" },
  "elasticache.cache.t4g.medium": { usd: 0.065, unit: "hour", source: "ElastiCache for Redis OSS pricing", confidence: "uncertain" },
  "elasticache.cache.r7g.large": { usd: 0.219, unit: "hour", source: "ElastiCache for Redis OSS pricing; $0.166–0.222 seen", confidence: "uncertain" },
  "elasticache.cache.r7g.xlarge": { usd: 0.437, unit: "hour", source: "ElastiCache for Redis OSS pricing (cache.r7g.xlarge), as read 2026-11; guides show $0.40–0.44", confidence: "uncertain" },
  "elasticache.cache.r7g.2xlarge": { usd: 0.873, unit: "hour", source: "ElastiCache for Redis OSS pricing (cache.r7g.2xlarge), as read 2026-11", confidence: "uncertain" },
  "elasticache.cache.r7g.4xlarge": { usd: 1.747, unit: "hour", source: "ElastiCache for Redis OSS pricing (cache.r7g.4xlarge), as read 2026-11", confidence: "uncertain" },
  "elasticache.cache.r7g.8xlarge": { usd: 3.493, unit: "hour", source: "ElastiCache for Redis OSS pricing (cache.r7g.8xlarge), as read 2026-11", confidence: "uncertain" },
  "elasticache.cache.r7g.12xlarge": { usd: 5.24, unit: "hour", source: "ElastiCache for Redis OSS pricing (cache.r7g.12xlarge), as read 2026-11", confidence: "uncertain" },
  "elasticache.cache.r7g.16xlarge": { usd: 6.986, unit: "hour", source: "ElastiCache for Redis OSS pricing (cache.r7g.16xlarge), as read 2026-11", confidence: "uncertain" },
  "elasticache.valkey.discount": { usd: 0.2, unit: "hour", source: "ElastiCache for Valkey is priced 20% below Redis OSS nodes", confidence: "agree" },
  "opensearch.r6g.large.search": { usd: 0.167, unit: "hour", source: "Amazon OpenSearch Service pricing", confidence: "uncertain" },
  "msk.kafka.m7g.large": { usd: 0.204, unit: "hour", source: "Amazon MSK provisioned pricing; kafka.m5.large ≈ $0.21", confidence: "uncertain" },
  "msk.storage": { usd: 0.1, unit: "GB-month", source: "Amazon MSK broker storage pricing", confidence: "agree" },
  "dynamodb.ia.write": { usd: 0.78, unit: "million requests", source: "Amazon DynamoDB on-demand pricing, Standard-IA table class, per million write request units (after the Nov 2024 on-demand price cut)", confidence: "uncertain" },
  "dynamodb.ia.read": { usd: 0.155, unit: "million requests", source: "Amazon DynamoDB on-demand pricing, Standard-IA table class, per million read request units", confidence: "uncertain" },
  "dynamodb.ia.storage": { usd: 0.1, unit: "GB-month", source: "Amazon DynamoDB pricing, Standard-IA table class storage", confidence: "agree" },
  "sqs.requests": { usd: 0.4, unit: "million requests", source: "Amazon SQS standard queue pricing", confidence: "agree" },
  "alb.hour": { usd: 0.0225, unit: "hour", source: "Elastic Load Balancing pricing", confidence: "agree" },
  "alb.lcu": { usd: 0.008, unit: "LCU-hour", source: "Elastic Load Balancing pricing", confidence: "agree" },
  "nat.hour": { usd: 0.045, unit: "hour", source: "Amazon VPC NAT gateway pricing", confidence: "agree" },
  "nat.gb": { usd: 0.045, unit: "GB", source: "Amazon VPC NAT gateway pricing", confidence: "agree" },
  "s3.standard": { usd: 0.023, unit: "GB-month", source: "Amazon S3 pricing, first 50 TB", confidence: "agree" },
  "ebs.gp3": { usd: 0.08, unit: "GB-month", source: "Amazon EBS pricing", confidence: "agree" },
  "waf.acl": { usd: 5, unit: "month", source: "AWS WAF pricing: $5 per web ACL a month", confidence: "agree" },
  "waf.rule": { usd: 1, unit: "month", source: "AWS WAF pricing: $1 per rule a month", confidence: "agree" },
  "waf.requests": { usd: 0.6, unit: "million requests", source: "AWS WAF pricing", confidence: "agree" },
  "cloudwatch.logs.ingest": { usd: 0.5, unit: "GB", source: "Amazon CloudWatch pricing: logs ingestion (standard), as read 2026-11", confidence: "agree" },
  "cloudwatch.metric": { usd: 0.3, unit: "month", source: "Amazon CloudWatch pricing: custom metric, first 10,000, as read 2026-11", confidence: "agree" },
  "cloudwatch.dashboard": { usd: 3, unit: "month", source: "Amazon CloudWatch pricing: dashboard a month", confidence: "agree" },
  "cloudfront.requests": { usd: 1, unit: "million requests", source: "CloudFront pricing: $0.0100 per 10,000 HTTPS requests (US/EU)", confidence: "agree" },
} as const satisfies Record<string, PriceRow>;
export type PriceKey = keyof typeof PRICES;

export function priceUsd(key: PriceKey): number {
  return PRICES[key].usd;
}

/** A band of a tiered price: `upToGb` is the cumulative monthly volume where the band ends. */
export interface Tier {
  upToGb: number;
  usdPerGb: number;
}

/** CloudFront data transfer out, US/Europe edge locations (the first two bands agree across sources). */
export const CLOUDFRONT_TIERS: readonly Tier[] = [
  { upToGb: 10_000, usdPerGb: 0.085 },
  { upToGb: 50_000, usdPerGb: 0.08 },
  { upToGb: 150_000, usdPerGb: 0.06 },
  { upToGb: 500_000, usdPerGb: 0.04 },
  { upToGb: 1_024_000, usdPerGb: 0.03 },
  { upToGb: 5_120_000, usdPerGb: 0.025 },
  { upToGb: Number.POSITIVE_INFINITY, usdPerGb: 0.02 },
];

/** EC2 data transfer out to the internet. */
export const INTERNET_EGRESS_TIERS: readonly Tier[] = [
  { upToGb: 10_000, usdPerGb: 0.09 },
  { upToGb: 50_000, usdPerGb: 0.085 },
  { upToGb: 150_000, usdPerGb: 0.07 },
  { upToGb: Number.POSITIVE_INFINITY, usdPerGb: 0.05 },
];

/** The monthly bill for `gb` under a tiered price. */
export function tieredCostUsd(gb: number, tiers: readonly Tier[]): number {
  let remaining = gb;
  let floor = 0;
  let total = 0;
  for (const tier of tiers) {
    if (remaining <= 0) break;
    const inBand = Math.min(remaining, tier.upToGb - floor);
    total += inBand * tier.usdPerGb;
    remaining -= inBand;
    floor = tier.upToGb;
  }
  return total;
}

/** RDS instance classes: price doubles with each size; throughput figures are planning values. */
export interface DbClass {
  name: string;
  /** Burstable (db.t4g): figures are at the CPU baseline, so sustained load never drains credits. */
  burstable: boolean;
  vcpu: number;
  memoryGb: number;
  usdPerHour: number;
  /** Write transactions per second at 100% (planning figure; see FACTS: 4 vCPU ≈ 2.5–4 k RW TPS). */
  writeTps: number;
  /** Read-only queries per second at 100% (15–25 k for 4 vCPU per the same source). */
  readQps: number;
  maxConnections: number;
}

const DB_BASE = PRICES["rds.db.r6g.large"].usd;
/**
 * Sublinear gains past 16 vCPU reflect lock and WAL contention; the figures are estimates, not benchmarks.
 * Burstable classes are rated at their CPU baseline (t4g.micro 10%, small/medium 20%, large 30% of
 * 2 vCPU, per the EC2 burstable baseline table) against the 2-vCPU db.r6g.large figures.
 * maxConnections follows RDS's default LEAST(memory / 9,531,392 bytes, 5,000).
 */
export const DB_CLASSES: readonly DbClass[] = [
  { name: "db.t4g.micro", burstable: true, vcpu: 2, memoryGb: 1, usdPerHour: PRICES["rds.db.t4g.micro"].usd, writeTps: 150, readQps: 800, maxConnections: 112 },
  { name: "db.t4g.small", burstable: true, vcpu: 2, memoryGb: 2, usdPerHour: PRICES["rds.db.t4g.small"].usd, writeTps: 300, readQps: 1_600, maxConnections: 225 },
  { name: "db.t4g.medium", burstable: true, vcpu: 2, memoryGb: 4, usdPerHour: PRICES["rds.db.t4g.medium"].usd, writeTps: 300, readQps: 1_600, maxConnections: 450 },
  { name: "db.t4g.large", burstable: true, vcpu: 2, memoryGb: 8, usdPerHour: PRICES["rds.db.t4g.large"].usd, writeTps: 450, readQps: 2_400, maxConnections: 900 },
  { name: "db.r6g.large", burstable: false, vcpu: 2, memoryGb: 16, usdPerHour: DB_BASE, writeTps: 1_500, readQps: 8_000, maxConnections: 1_700 },
  { name: "db.r6g.xlarge", burstable: false, vcpu: 4, memoryGb: 32, usdPerHour: DB_BASE * 2, writeTps: 3_000, readQps: 16_000, maxConnections: 3_400 },
  { name: "db.r6g.2xlarge", burstable: false, vcpu: 8, memoryGb: 64, usdPerHour: DB_BASE * 4, writeTps: 6_000, readQps: 30_000, maxConnections: 5_000 },
  { name: "db.r6g.4xlarge", burstable: false, vcpu: 16, memoryGb: 128, usdPerHour: DB_BASE * 8, writeTps: 10_000, readQps: 55_000, maxConnections: 5_000 },
  { name: "db.r6g.8xlarge", burstable: false, vcpu: 32, memoryGb: 256, usdPerHour: DB_BASE * 16, writeTps: 16_000, readQps: 90_000, maxConnections: 5_000 },
];

/** Regional price relative to us-east-1 (approximate, from published regional multipliers; uncertain). */
export const REGION_PRICE_FACTOR: Record<string, { region: string; factor: number }> = {
  us: { region: "us-east-1", factor: 1 },
  eu: { region: "eu-central-1", factor: 1.15 },
  ap: { region: "ap-southeast-1", factor: 1.2 },
  sa: { region: "sa-east-1", factor: 1.5 },
};

/**
 * Reference exchange rates, units of currency per USD (approximate mid-market rates; dated, re-check).
 * Planner output in EUR/GBP is the USD bill converted at this rate.
 */
export const EXCHANGE_RATES_AS_OF = "2026-11-01";
export const USD_TO: Record<Currency, number> = { USD: 1, EUR: 0.86, GBP: 0.76 };

/** Discounts used by cost levers; each is a planning figure with its source and uncertainty. */
export const DISCOUNTS = {
  computeSavingsPlan1y: { rate: 0.27, source: "Compute Savings Plan, 1-year, no upfront on m7g/c7g (typical; AWS quotes up to 66% for 3-year all upfront)" },
  reservedDatabase1y: { rate: 0.3, source: "RDS/ElastiCache reserved nodes, 1-year, no upfront (typical; uncertain)" },
  spot: { rate: 0.6, source: "EC2 Spot for Graviton general purpose, typical discount (varies by pool; AWS says up to 90%)" },
} as const;

/** ElastiCache node classes (Redis OSS/Valkey), smallest first; memory as AWS lists it, GiB. */
export interface CacheClass {
  name: string;
  burstable: boolean;
  memoryGb: number;
  usdPerHour: number;
  /** Simple GET/SET ops/s one shard's primary serves at 100% engine CPU (planning figure; see sizing.ts). */
  opsPerSecond: number;
}

/**
 * Engine throughput: a burstable core ~20 k ops/s at its baseline; one Redis core 80 k (Redis
 * benchmark docs: 80–110 k simple ops/s); from 4xlarge ElastiCache 7.1's enhanced I/O threads
 * double it (AWS: "up to 100% more throughput", conservative against its 1 M RPS per node test).
 */
export const CACHE_CLASSES: readonly CacheClass[] = [
  { name: "cache.t4g.small", burstable: true, memoryGb: 1.37, usdPerHour: PRICES["elasticache.cache.t4g.small"].usd, opsPerSecond: 20_000 },
  { name: "cache.t4g.medium", burstable: true, memoryGb: 3.09, usdPerHour: PRICES["elasticache.cache.t4g.medium"].usd, opsPerSecond: 20_000 },
  { name: "cache.r7g.large", burstable: false, memoryGb: 13.07, usdPerHour: PRICES["elasticache.cache.r7g.large"].usd, opsPerSecond: 80_000 },
  { name: "cache.r7g.xlarge", burstable: false, memoryGb: 26.32, usdPerHour: PRICES["elasticache.cache.r7g.xlarge"].usd, opsPerSecond: 80_000 },
  { name: "cache.r7g.2xlarge", burstable: false, memoryGb: 52.82, usdPerHour: PRICES["elasticache.cache.r7g.2xlarge"].usd, opsPerSecond: 80_000 },
  { name: "cache.r7g.4xlarge", burstable: false, memoryGb: 105.81, usdPerHour: PRICES["elasticache.cache.r7g.4xlarge"].usd, opsPerSecond: 160_000 },
  { name: "cache.r7g.8xlarge", burstable: false, memoryGb: 209.55, usdPerHour: PRICES["elasticache.cache.r7g.8xlarge"].usd, opsPerSecond: 160_000 },
  { name: "cache.r7g.12xlarge", burstable: false, memoryGb: 317.77, usdPerHour: PRICES["elasticache.cache.r7g.12xlarge"].usd, opsPerSecond: 160_000 },
  { name: "cache.r7g.16xlarge", burstable: false, memoryGb: 419.09, usdPerHour: PRICES["elasticache.cache.r7g.16xlarge"].usd, opsPerSecond: 160_000 },
];
