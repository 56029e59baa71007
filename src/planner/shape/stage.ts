import type { Design } from "../design/index.js";
import type { Stage } from "../proposal.js";
import type { Resolved } from "../resolve.js";

/** The ladder's rungs, lowest first (system-design-primer scaling_aws; AWS "first 10 million users"). */
export const RUNGS = [
  "Monolith and managed database",
  "Cache, pooler and workers",
  "Scaled reads and extracted hot paths",
  "Services on a container platform",
  "Sharded data",
  "Multi-region",
] as const;

/** The highest rung any present part belongs to: parts only arrive as load grows, so the rung never goes down. */
export function rungOf(design: Design): number {
  const s = design.shape;
  const websocketTier = s.realtimeTier && design.r.profile.realtime?.protocol === "WebSocket";
  if (design.r.areas.length > 1) return 6;
  if (s.db.shards > 1) return 5;
  if (s.servicesPerDomain || s.platform === "kubernetes") return 4;
  if (s.db.replicasPerShard > 0 || s.extracted.length > 0 || websocketTier || s.platform === "ecs" || s.broker === "kafka" || s.olap || s.selfRunObservability) return 3;
  if (s.cache || s.pooler || s.workerTier || s.searchCluster || s.geo) return 2;
  return 1;
}

const PLATFORM = { vms: "behind an ALB", ecs: "on ECS Fargate behind an ALB", kubernetes: "on EKS behind an ALB" } as const;

/** One line: the split, what it runs on, and the database. */
export function stageOf(design: Design, r: Resolved): Stage {
  const s = design.shape;
  const rung = rungOf(design);
  const serving = design.components.filter((c) => c.type === "server" && c.id !== "gpu");
  const app = serving.find((c) => c.id === "svc-app");
  const what = s.servicesPerDomain
    ? `${serving.length} services`
    : `modular monolith${s.extracted.length > 0 ? ` + ${s.extracted.length} extracted hot path${s.extracted.length > 1 ? "s" : ""}` : ""}`;
  const units = app ? ` on ${app.count} × ${app.instanceClass ?? "instances"}` : "";
  const engine = r.database === "mysql" ? "MySQL" : "PostgreSQL";
  const db = `${engine} ${s.db.shards > 1 ? `${s.db.shards} shards × ` : ""}${s.db.cls.name} ${s.multiAz ? "Multi-AZ" : "single-AZ"}${s.db.replicasPerShard > 0 ? ` + ${s.db.replicasPerShard * s.db.shards} read replica${s.db.replicasPerShard * s.db.shards > 1 ? "s" : ""}` : ""}`;
  const extras = [s.cache ? "Redis" : "", s.broker === "kafka" ? "Kafka" : "", s.searchCluster ? "OpenSearch" : "", s.realtimeTier && r.profile.realtime ? r.profile.realtime.name : ""].filter(Boolean);
  return { rung, name: RUNGS[rung - 1]!, shape: `${what}${units} ${PLATFORM[s.platform]}, ${db}${extras.length > 0 ? `, ${extras.join(", ")}` : ""}` };
}
