import { HOURS_PER_MONTH, ceilCount, formatNumber } from "../units.js";

/** A real request handler with a database call serves about a tenth of Express hello-world (~2,750 req/s per vCPU). */
export const RPS_PER_VCPU = 250;
/** An Envoy-based ingress proxies ~3,000 req/s per vCPU with TLS already terminated at the load balancer. */
export const INGRESS_RPS_PER_VCPU = 3_000;
/** A Kubernetes pod of the app tier requests one vCPU and 2 GiB. */
export const POD_VCPU = 1;
/** Allocatable vCPU for pods on an m7g.xlarge node after system reservations and daemon sets. */
export const NODE_ALLOCATABLE_VCPU = 3.5;
/** A VM replica outside Kubernetes is one c7g.large (2 vCPU). */
export const VM_VCPU = 2;
/** One Redis engine core without pipelining (Redis benchmark docs: 80–110 k simple ops/s). */
export const REDIS_OPS_PER_SHARD = 80_000;
/** ElastiCache reserves 25% of a node's memory for overhead and replication buffers (node classes: prices.ts). */
export const CACHE_USABLE_FRACTION = 0.75;
export const SEARCH_QPS_PER_NODE = 300;
export const OLAP_ROWS_PER_SECOND_PER_NODE = 100_000;
export const OLAP_GB_PER_NODE = 2_000;
/** kafka.m7g.large: ~30 MB/s of disk and network per broker, a third of it for producer traffic at replication factor 3. */
export const KAFKA_INGRESS_MBPS_PER_BROKER = 10;
export const KAFKA_MESSAGES_PER_BROKER = 50_000;

/**
 * Replicas for a load: enough to carry it at the target utilisation, plus one (N+1) so losing a
 * replica keeps the rest under target; never fewer than `minimum`.
 */
export function replicasFor(load: number, capacityPerReplica: number, target: number, minimum = 2): number {
  const needed = ceilCount(load / (capacityPerReplica * target));
  return Math.max(minimum, needed + 1);
}

/** Monthly USD for `count` always-on units at an hourly price, adjusted for the region. */
export function monthlyUsd(count: number, usdPerHour: number, priceFactor: number): number {
  return count * usdPerHour * HOURS_PER_MONTH * priceFactor;
}

export function usd(n: number): string {
  return `$${n < 1 ? n.toFixed(4).replace(/0+$/, "") : formatNumber(n, 3)}`;
}

/** "6 × c7g.large × 730 h × $0.0725" — the arithmetic behind a line, for engineers to check. */
export function hourlyBasis(count: number, what: string, usdPerHour: number, priceFactor: number): string {
  return `${count} × ${what} × ${HOURS_PER_MONTH} h × ${usd(usdPerHour)}/h${region(priceFactor)}`;
}

/** The regional price factor as it appears at the end of a basis, or nothing in us-east-1. */
export function region(priceFactor: number): string {
  return priceFactor === 1 ? "" : ` × ${priceFactor} region factor`;
}

export const num = formatNumber;
export const pct = (f: number) => `${Math.round(f * 100)}%`;
