import { rankBottlenecks, SATURATION } from "./bottlenecks.js";
import { computeLoad } from "./capacity.js";
import { byCategory, lineItems, total } from "./cost.js";
import { buildDesign, type Deployment, type Design } from "./design/index.js";
import { num, replicasFor } from "./design/sizing.js";
import { stagingBill } from "./environments.js";
import type { Autoscaling, Component, Phase, PhaseScale, Roadmap } from "./proposal.js";
import type { Resolved } from "./resolve.js";
import { architectureChanges, changeLine } from "./shape/changes.js";
import type { Platform } from "./shape/choose.js";
import { stageOf } from "./shape/stage.js";
import { formatNumber, round, roundRate } from "./units.js";

export const PHASES: { scale: PhaseScale; factor: number; rampMinutes: number; soakMinutes: number; upSeconds: number; downSeconds: number }[] = [
  { scale: "2x", factor: 2, rampMinutes: 10, soakMinutes: 30, upSeconds: 60, downSeconds: 300 },
  { scale: "10x", factor: 10, rampMinutes: 15, soakMinutes: 60, upSeconds: 30, downSeconds: 300 },
  { scale: "100x", factor: 100, rampMinutes: 30, soakMinutes: 120, upSeconds: 30, downSeconds: 600 },
];
/** Each gate tests 30% above the phase's peak, so the phase starts with proven headroom. */
export const LOAD_TEST_HEADROOM = 1.3;

/** Months until traffic grows by `factor` at a compound monthly rate: ln(k) / ln(1 + g). */
export function monthsUntil(factor: number, growthPercentPerMonth: number): number | undefined {
  const months = Math.log(factor) / Math.log(1 + growthPercentPerMonth / 100);
  // Growth too small to reach the step within a century says "no date" rather than a huge number.
  return Number.isFinite(months) && months <= 1_200 ? round(months, 1) : undefined;
}

/** What an engineer must change between two designs, from the components' own data (class, shards, count). */
export function componentChanges(before: Component[], after: Component[], shardingKey?: string): string[] {
  const old = new Map(before.map((c) => [c.id, c]));
  const changes: string[] = [];
  for (const c of after) {
    if (c.type === "client") continue;
    const prev = old.get(c.id);
    if (!prev) {
      changes.push(`Add ${c.name} ×${c.count}: ${c.sizing}`);
      continue;
    }
    const [a, b] = [prev.instanceClass, c.instanceClass];
    if (a && b && a !== b) changes.push(`Move ${c.name} from ${a} to ${b}`);
    if ((c.shards ?? 1) > (prev.shards ?? 1)) changes.push(`Shard ${c.name} into ${c.shards} shards${shardingKey ? ` by ${shardingKey}` : ""}`);
    if (c.count !== prev.count) changes.push(`${c.name}: ${prev.count} → ${c.count}`);
  }
  for (const c of before) if (!after.some((a) => a.id === c.id)) changes.push(`Retire ${c.name}`);
  return changes;
}

/** Autoscaling bounds per deployment (HPA, ECS service or ASG): min carries the phase's average load, max the load-test target. */
export function autoscalingFor(deployments: Deployment[], factorOverToday: number, target: number, up: number, down: number, platform: Platform): Autoscaling {
  const list = deployments.map((d) => {
    const min = replicasFor(d.avgLoad * factorOverToday, d.capacityPerReplica, target);
    const max = Math.max(min, replicasFor(d.peakLoad * factorOverToday * LOAD_TEST_HEADROOM, d.capacityPerReplica, target));
    return { name: d.name, minReplicas: min, maxReplicas: max };
  });
  return {
    platform,
    minReplicas: list.reduce((s, d) => s + d.minReplicas, 0),
    maxReplicas: list.reduce((s, d) => s + d.maxReplicas, 0),
    targetCpuPercent: Math.round(target * 100),
    scaleUpStabilizationSeconds: up,
    scaleDownStabilizationSeconds: down,
    deployments: list,
  };
}

function cachingPlan(r: Resolved, design: Design, step: number): string[] {
  const p = r.profile;
  const hit = Math.min(0.98, p.cacheHitRatio + 0.03 * step);
  const cdnHit = Math.min(0.99, p.cdnHitRatio + 0.01 * step);
  const cache = design.components.find((c) => c.id === "cache");
  const cdn = design.components.some((c) => c.id === "cdn");
  return [
    `L1 in-process LRU (${128 * 2 ** step} MB per instance, TTL 5 s with ±10% jitter) for ${p.hotData}${cache ? "; invalidated by a Redis pub/sub message on write" : ""}`,
    cache
      ? `L2 Redis cache-aside, ${cache.count} × ${cache.instanceClass ?? "nodes"}, TTL 5–15 min, allkeys-lru; hit-ratio target ${Math.round(hit * 100)}%; single-flight on misses to stop stampedes`
      : `No Redis yet: ${formatNumber(design.shape.dbReads, 2)} reads/s at peak are served by the database's buffer cache (${design.shape.decisions.find((d) => d.element === "Cache tier (Redis)")?.reason ?? ""})`,
    cdn
      ? `L3 CDN: immutable assets cached 1 year (hashed names), public GETs s-maxage=60 with stale-while-revalidate=300; byte hit-ratio target ${Math.round(cdnHit * 100)}%`
      : "No CDN yet: static files carry Cache-Control: public, max-age=31536000, immutable (hashed names) so browsers keep them",
  ];
}

function databasePlan(r: Resolved, design: Design): string[] {
  const primary = design.components.find((c) => c.id === "db-primary");
  const replicas = design.components.find((c) => c.id === "db-replicas");
  const db = design.shape.db;
  const lines = [`Primary: ${primary?.sizing ?? "unchanged"}`];
  lines.push(replicas ? `Read replicas ×${replicas.count}: route read-only transactions to a reader endpoint; tolerate ≤ 1 s lag or read your writes from the primary` : "No read replicas needed yet: the primary serves reads under the target utilisation");
  const pooler = design.settings.find((s) => s.setting.startsWith("pool_mode") || s.setting.startsWith("mysql-max"));
  if (pooler) lines.push(`Pooling: ${pooler.component} ${pooler.setting} = ${pooler.value} (${pooler.why})`);
  if (design.load.databaseGbYear1 > 500) lines.push(`Partition the largest tables by month (declarative partitioning): ${num(design.load.databaseGbYear1)} GB in year one at this scale`);
  if (db.shards > 1) lines.push(`Sharding: ${db.shards} shards by ${r.profile.shardingKey}; route with a shard map in the services (or Citus/Vitess)`);
  else lines.push(`Sharding not needed yet: writes fit one ${db.cls.name} primary; the key when it is: ${r.profile.shardingKey}`);
  return lines;
}

/** `todayPeakRps` and `todayAvgRps` are the figures as shown, so each phase reads as exactly k times them. */
export function buildRoadmap(r: Resolved, today: Design, target: number, currency: Resolved["currency"], shown: { peakRps: number; avgRps: number }): { roadmap: Roadmap; designs: Design[] } {
  const phases: Phase[] = [];
  const designs: Design[] = [];
  let previous = today;
  let previousFactor = 1;
  const errorRate = round(Math.min(0.01, ((100 - r.availability) / 100) * 5), 4);
  PHASES.forEach((ph, step) => {
    const load = computeLoad(r, ph.factor);
    const replicas = previous.components.find((c) => c.id === "db-replicas")?.count ?? 0;
    const shards = previous.components.find((c) => c.id === "db-primary")?.shards ?? 1;
    const design = buildDesign(r, load, { targetUtilisation: target, minDbReplicas: replicas, minDbShards: shards });
    const items = lineItems([...design.bill, ...stagingBill(r, design)], currency);
    const topService = [...design.deployments].sort((a, b) => b.peakLoad - a.peakLoad)[0];
    const architecture = architectureChanges(previous.shape.decisions, design.shape.decisions);
    const bottlenecks = rankBottlenecks(previous.resources, ph.factor / previousFactor).filter((b, i) => i < 3 || b.utilisation >= SATURATION);
    const peakRps = roundRate(shown.peakRps * ph.factor);
    const chaos = [
      `kill one ${topService?.name ?? "API"} ${design.shape.platform === "vms" ? "instance" : "task"} every 5 minutes during the soak`,
      design.shape.multiAz ? "fail over the database primary (reboot with failover) at the middle of the soak" : "restore the database from its latest snapshot in staging and time it against the RTO",
      ...(design.shape.cache ? ["remove one cache replica; the primary must keep serving"] : []),
      ...r.profile.chaos,
    ];
    if (ph.factor >= 10) chaos.push("black-hole one availability zone (network ACL) for 10 minutes");
    phases.push({
      scale: ph.scale,
      factor: ph.factor,
      peakRps,
      avgRps: roundRate(shown.avgRps * ph.factor),
      monthsFromNow: monthsUntil(ph.factor, r.growthPercentPerMonth),
      stage: stageOf(design, r),
      architectureChanges: architecture,
      changes: [...architecture.map(changeLine), ...componentChanges(previous.components, design.components, r.profile.shardingKey)],
      bottlenecks,
      loadTest: {
        tool: "k6",
        targetRps: Math.ceil(peakRps * LOAD_TEST_HEADROOM),
        rampMinutes: ph.rampMinutes,
        soakMinutes: ph.soakMinutes,
        thresholds: { p95Ms: r.latencyP95Ms, errorRate },
        chaos,
      },
      // The phase's own deployments, sized at its load: a tier the phase adds gets its own bounds.
      autoscaling: autoscalingFor(design.deployments, 1, target, ph.upSeconds, ph.downSeconds, design.shape.platform),
      caching: cachingPlan(r, design, step + 1),
      database: databasePlan(r, design),
      components: design.components,
      costMonthly: total(items),
      costByCategory: byCategory(items),
    });
    designs.push(design);
    previous = design;
    previousFactor = ph.factor;
  });
  return { roadmap: { phases, trafficManagement: trafficManagement(r, today), runbook: runbook(today, phases[0]!) }, designs };
}

function trafficManagement(r: Resolved, today: Design): string[] {
  const tested = Math.ceil(today.load.peakRps * LOAD_TEST_HEADROOM);
  return [
    "Rate-limit tiers at the ingress (token buckets in Redis): anonymous 60 req/min per IP, signed-in 600 req/min per user, API keys 6,000 req/min per key; 429 with Retry-After",
    `Global admission limit at ${num(tested)} req/s per region today (the load-tested capacity); raise it with each passed gate`,
    "Load shedding: when CPU > 90% or p95 > 2× target for 1 min, reject lowest-priority routes first (503 + Retry-After), never checkout, login or writes in flight",
    ...r.profile.degradation.map((d) => `Graceful degradation: ${d}`),
    "Bulkheads: a separate connection pool, HPA and PodDisruptionBudget per service; async workers on their own node group; per-dependency timeouts and circuit breakers",
  ];
}

function runbook(today: Design, next: Phase): string[] {
  const k8s = today.shape.platform === "kubernetes";
  const steps = ["Confirm the symptom on the SLO dashboard: which SLI is burning, which tier's saturation signal fired (bottleneck table)."];
  for (const d of next.autoscaling.deployments) {
    const platform = today.shape.platform;
    steps.push(platform === "kubernetes"
      ? `Scale ${d.name} by hand if the HPA is stuck: kubectl -n prod scale deployment/${d.name} --replicas=${d.maxReplicas} (the 2x phase's max); check kubectl describe hpa ${d.name} for the reason`
      : platform === "ecs"
        ? `Scale ${d.name} by hand: aws ecs update-service --cluster prod --service ${d.name} --desired-count ${d.maxReplicas} (the 2x phase's max)`
        : `Scale ${d.name} by hand: aws autoscaling set-desired-capacity --auto-scaling-group-name ${d.name} --desired-capacity ${d.maxReplicas}`);
  }
  if (k8s) steps.push("If pods stay Pending: aws eks update-nodegroup-config --cluster-name prod --nodegroup-name services --scaling-config minSize=<current+2>,maxSize=<2× current>,desiredSize=<current+2>");
  steps.push(
    "Database CPU > 80%: add a reader: aws rds create-db-instance-read-replica --db-instance-identifier prod-replica-<n> --source-db-instance-identifier prod-primary; or scale up: aws rds modify-db-instance --db-instance-identifier prod-primary --db-instance-class <next class> --apply-immediately (Multi-AZ failover, ~60–120 s of errors)",
    today.shape.cache
      ? "Cache CPU or memory > 80%: aws elasticache modify-replication-group-shard-configuration --replication-group-id prod-cache --node-group-count <shards+1> --apply-immediately (online resharding)"
      : "Database reads saturating with no cache yet: add the Redis tier of the next phase early (its trigger is in the decisions table) or scale the primary up one class",
    "Still saturated: lower the global admission limit at the ingress to the last tested capacity and enable the degradation flags, then announce on the status page.",
    "After recovery: scale back down by hand only after 30 min below 60% CPU; write the incident note with the trigger and the fix.",
  );
  return steps;
}
