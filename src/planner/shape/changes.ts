import type { ArchitectureChange, Decision } from "../proposal.js";
import { formatNumber } from "../units.js";

interface Move {
  /** What the element takes the place of, when it replaces something already running. */
  replaces?: string;
  /** The zero-downtime step that gets there from the previous phase. */
  migration: string;
}

/** How each heavy element arrives without downtime (the order matters: PgBouncer before replicas, dual writes before shards). */
const MOVES: Record<string, Move> = {
  "Services per domain": { replaces: "the modular monolith", migration: "strangler fig: route each domain's paths through the load balancer's rules, extract one module at a time into its service with its own schema, mirror traffic, then switch the route; the monolith shrinks until it is retired" },
  "Kubernetes": { replaces: "the ECS services or Auto Scaling groups", migration: "stand up EKS with the same images, deploy each service as a Deployment, then shift weighted ALB target groups 10% → 50% → 100% per service (blue-green); retire the old services after a quiet week" },
  "Managed containers (ECS Fargate)": { replaces: "the Auto Scaling group", migration: "run the same image as an ECS service with its own target group, shift the ALB's weights 10% → 50% → 100% (blue-green), then retire the Auto Scaling group" },
  "Worker tier": { migration: "start workers on the same queue, then switch off the worker process on the app instances with a config flag; jobs are idempotent, so the overlap is safe" },
  "Cache tier (Redis)": { migration: "deploy Redis, then read cache-aside route by route behind a feature flag, warming keys before the flag reaches 100%; the database stays the source of truth" },
  "Connection pooler (PgBouncer)": { migration: "run PgBouncer in transaction mode, then move each deployable's database URL to it one at a time (server-side prepared statements off); it goes in before any read replica" },
  "Read replicas": { migration: "with the pooler in place, create replicas from a snapshot, wait for lag under 1 s, then route read-only transactions to the reader endpoint route by route behind a flag" },
  "History store (DynamoDB)": { replaces: "history tables in the relational database", migration: "create the table, dual-write new history to both from the services, backfill older rows in batches oldest first (idempotent by id), shadow-read and compare, switch reads route by route behind a flag, then stop the relational writes and drop the old tables" },
  "Sharding": { migration: "dual-write new rows to the shards by key, backfill history in batches, compare shadow reads, then cut reads over range by range and stop writing to the old primary" },
  "Event stream (Kafka)": { replaces: "the managed queue", migration: "create the topics, dual-publish to the queue and the stream, move consumers one by one (handlers are idempotent), then stop publishing to the queue once it drains" },
  "Search cluster": { replaces: "PostgreSQL full-text search", migration: "create the index, backfill it from the database and keep it in sync from change events; shadow-query both, switch reads route by route, keep full-text search as the fallback" },
  "Web application firewall": { migration: "attach the web ACL in count mode for a week, review what it would block, then switch the rules to block" },
  "NAT gateways": { migration: "add private subnets and NAT gateways, roll instances into them AZ by AZ with a new launch template, then drop their public addresses" },
  "CDN": { migration: "put CloudFront in front of the static paths with the app as origin, switch asset URLs to the CDN host, then move the origin to object storage" },
  "Object storage": { migration: "write new files to S3 with signed uploads, copy the old ones in the background, then serve reads from S3" },
  "Multi-AZ database": { migration: "modify the instance to Multi-AZ online (the standby syncs in the background; a brief I/O pause)" },
  "Multi-region": { migration: "add a cross-region read replica and the regional tiers, route users by latency, rehearse a failover before taking writes there" },
  "Analytics store (ClickHouse)": { replaces: "time-partitioned PostgreSQL tables", migration: "create the ClickHouse tables, dual-write from the consumers, backfill from the PostgreSQL partitions, switch the dashboards, then drop the old partitions" },
  "Geo index (Redis)": { replaces: "PostGIS on the primary", migration: "write positions to both, switch nearby queries to GEOSEARCH, then stop the PostGIS writes" },
  "Self-run observability (Prometheus, Grafana, Loki)": { replaces: "CloudWatch", migration: "run Prometheus and Grafana beside CloudWatch with the same alerts for two weeks, then move paging once they agree" },
};

const EXTRACTION: Move = { migration: "strangler fig: deploy the extracted service behind a path rule on the load balancer, mirror 5% of its traffic, then move the route; the module stays in the monolith until the route is at 100%" };
const RETIRE = "drain its traffic, keep it read-only for a week, then delete it";

function moveFor(element: string): Move {
  return MOVES[element] ?? EXTRACTION;
}

/** The figure that put an element there: "2,400 events/s at peak ≥ 2,000". */
export function triggerText(d: Decision): string {
  if (d.userChoice) return d.reason;
  if (d.value === undefined || d.threshold === undefined) return d.reason;
  return `${d.metric}: ${formatNumber(d.value, 2)} ${d.unit ?? ""} ≥ ${formatNumber(d.threshold, 2)} (${d.reason})`.replace(/ {2,}/g, " ");
}

/** Tiers added, replaced or retired between two designs, from their decisions (never from component text). */
export function architectureChanges(before: Decision[], after: Decision[]): ArchitectureChange[] {
  const was = new Map(before.map((d) => [d.element, d.present]));
  const changes: ArchitectureChange[] = [];
  const replacedBy = new Set<string>();
  for (const d of after) {
    if (!d.present || was.get(d.element) === true) continue;
    const move = moveFor(d.element);
    if (d.element === "Kubernetes" && was.get("Managed containers (ECS Fargate)")) replacedBy.add("Managed containers (ECS Fargate)");
    changes.push({ kind: move.replaces ? "replace" : "add", element: move.replaces ? `${d.element} (replaces ${move.replaces})` : d.element, trigger: triggerText(d), migration: move.migration });
  }
  for (const d of before) {
    if (!d.present || replacedBy.has(d.element)) continue;
    const now = after.find((a) => a.element === d.element);
    if (now && !now.present) changes.push({ kind: "retire", element: d.element, trigger: now.reason, migration: RETIRE });
  }
  return changes;
}

export function changeLine(c: ArchitectureChange): string {
  const verb = c.kind === "add" ? "Add" : c.kind === "replace" ? "Replace with" : "Retire";
  return `${verb} ${c.element} — trigger: ${c.trigger}; migration: ${c.migration}`;
}
