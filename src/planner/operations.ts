import type { Design } from "./design/index.js";
import type { Component, Proposal } from "./proposal.js";
import type { Resolved } from "./resolve.js";
import { round } from "./units.js";

/** Published monthly SLAs (AWS service level agreements) for the tiers on the request path. */
const SLA = { loadBalancer: 99.99, compute: 99.99, rdsMultiAz: 99.95, rdsSingleAz: 99.5, elasticacheMultiAz: 99.99 };
/** Availability of one replica on its own (restarts, deploys, node loss); an estimate. */
const REPLICA_AVAILABILITY = 99.5;

/** Serial availability of the request path; replicas of a tier are parallel; regions are parallel. */
export function computedAvailability(r: Resolved, components: Component[], multiAz: boolean): number {
  const frontReplicas = Math.min(...components.filter((c) => c.type === "server").map((c) => c.count / r.areas.length));
  const replicaDown = 1 - REPLICA_AVAILABILITY / 100;
  const appTier = Math.min(SLA.compute / 100, 1 - replicaDown ** Math.max(1, frontReplicas));
  const cache = components.some((c) => c.id === "cache") ? SLA.elasticacheMultiAz / 100 : 1;
  const database = (multiAz ? SLA.rdsMultiAz : SLA.rdsSingleAz) / 100;
  const region = (SLA.loadBalancer / 100) * appTier * database * cache;
  const all = 1 - (1 - region) ** r.areas.length;
  return round(all * 100, 3);
}

function minutesPerMonth(availability: number): number {
  return round((1 - availability / 100) * 30 * 24 * 60, 1);
}

type Ops = Pick<Proposal, "reliability" | "security" | "observability">;

export function operations(r: Resolved, design: Design): Ops {
  const { components, shape } = design;
  const availability = computedAvailability(r, components, shape.multiAz);
  const errorBudget = round(100 - r.availability, 4);
  const slos = [
    { name: "Availability (non-5xx responses / all, 30 days)", target: `${r.availability}% (${minutesPerMonth(r.availability)} min of errors a month)` },
    { name: "Latency (API p95, 30 days)", target: `< ${r.latencyP95Ms} ms` },
  ];
  if (r.profile.realtime) slos.push({ name: `${r.profile.realtime.name} delivery`, target: "99% of messages delivered < 1 s" });
  if (r.profile.async) slos.push({ name: "Async jobs", target: "99% of jobs started < 60 s after enqueue" });
  const has = (id: string) => components.some((c) => c.id === id);
  const alerts = [
    { name: "Fast error-budget burn", condition: `error rate > ${round(errorBudget * 14.4, 3)}% over 1 h and 5 min (14.4x burn)`, severity: "page" as const },
    { name: "Slow error-budget burn", condition: `error rate > ${round(errorBudget * 6, 3)}% over 6 h and 30 min (6x burn)`, severity: "page" as const },
    { name: "Latency", condition: `API p95 > ${r.latencyP95Ms} ms for 10 min`, severity: "page" as const },
    { name: "Database primary", condition: "CPU > 80% for 15 min, or replica lag > 5 s, or free storage < 15%", severity: "page" as const },
    ...(has("cache") ? [{ name: "Cache", condition: "EngineCPUUtilization > 90% for 10 min, or evictions of session keys", severity: "ticket" as const }] : []),
    { name: has("broker") ? "Consumer lag" : "Queue age", condition: has("broker") ? "consumer lag growing for 10 min" : "oldest message > 60 s for 5 min; any message in a dead-letter queue", severity: "ticket" as const },
  ];
  const regime: Record<string, string[]> = {
    GDPR: ["keep personal data in EU regions (data residency) with a DPA signed with AWS", "an erasure pipeline that deletes a user across the database, search, backups (on expiry) and logs", "retention limits per table and pseudonymised analytics"],
    HIPAA: ["a Business Associate Agreement with AWS; only HIPAA-eligible services hold PHI", "PHI encrypted with customer-managed KMS keys; access logged and kept 6 years", "no PHI in logs, traces or error reports (scrubbed at the OpenTelemetry collector)"],
    "PCI-DSS": ["card data never touches our servers: PSP-hosted fields or redirects (SAQ A)", "payments service in its own account and VPC segment (smaller cardholder-data environment)", "quarterly ASV scans, WAF in front of payment pages, file-integrity monitoring"],
    "SOC 2": ["change management: every deploy from a reviewed pull request, with an audit trail", "quarterly access reviews; SSO with MFA for every console and tool", "CloudTrail and GuardDuty on all accounts; incident response runbook tested twice a year"],
  };
  const controls = [
    { regime: "baseline", control: "TLS 1.2+ everywhere; HSTS; encryption at rest with KMS on every data store" },
    { regime: "baseline", control: shape.platform === "kubernetes" ? "IAM roles for service accounts; secrets from AWS Secrets Manager via the CSI driver" : shape.platform === "ecs" ? "task roles; secrets from AWS Secrets Manager injected by ECS, never in images" : "instance roles; secrets from AWS Secrets Manager, never in images or env files" },
    { regime: "baseline", control: shape.nat ? "private subnets for everything but the load balancer; security groups allow only the edges in the diagram" : "the database in private subnets; app instances in public subnets whose security groups admit only the load balancer; S3 through a gateway endpoint" },
    { regime: "baseline", control: shape.waf ? "WAF managed rules (OWASP top 10) and rate-based rules per IP" : "rate limits per IP and per user in the application (token buckets); WAF when its trigger fires (see the decisions)" },
    { regime: "baseline", control: "dependency and image scanning in CI; signed images admitted only" },
  ];
  for (const c of r.compliance) for (const control of regime[c] ?? []) controls.push({ regime: c, control });
  return {
    reliability: {
      slos,
      alerts,
      computedAvailabilityPercent: availability,
      practices: [
        `every stateless tier runs N+1 replicas spread across ${r.availability >= 99.95 ? 3 : 2} AZs${shape.platform === "kubernetes" ? " with PodDisruptionBudgets (maxUnavailable 1)" : ""}`,
        "timeouts on every call (client 2 s, database 1 s statement timeout), retries with jittered backoff only on idempotent calls",
        "circuit breakers at the gateway for each dependency; idempotency keys on every write endpoint",
        `${shape.multiAz ? "database Multi-AZ failover (60–120 s)" : "single-AZ database: recovery is a point-in-time restore"}; computed path availability ${availability}% vs the ${r.availability}% target${availability < r.availability ? " — below target: add a second region (active-passive) to close the gap" : ""}`,
      ],
      backups: {
        rpoMinutes: 5,
        rtoMinutes: r.availability >= 99.95 ? 15 : 60,
        plan: "point-in-time recovery (5-minute RPO) with 14-day retention; daily snapshots copied to a second region; restore rehearsed monthly in staging",
      },
    },
    security: {
      slos: [{ name: "Critical vulnerabilities patched", target: "< 7 days" }],
      alerts: [
        { name: "WAF blocks spike", condition: "blocked requests > 5x the 7-day baseline for 10 min", severity: "ticket" },
        { name: "Privileged access", condition: "root login, IAM policy change or GuardDuty high-severity finding", severity: "page" },
      ],
      controls,
    },
    observability: {
      slos,
      alerts,
      slis: [
        "availability: non-5xx responses ÷ all responses at the load balancer",
        "latency: p50/p95/p99 per route from the ingress",
        "saturation: CPU, memory, connections per tier (the bottleneck table's signals)",
        "freshness: queue age or consumer lag",
      ],
      dashboards: ["RED per service (rate, errors, duration)", "USE per resource (utilisation, saturation, errors)", "SLO and error-budget burn", `business: ${r.profile.hotData.split(",")[0]} and domain events per minute`],
    },
  };
}
