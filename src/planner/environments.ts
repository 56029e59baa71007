import type { BillLine } from "./design/index.js";
import type { Component } from "./proposal.js";
import { PRICES } from "./prices.js";
import type { Resolved } from "./resolve.js";
import { hourlyBasis, monthlyUsd } from "./design/sizing.js";

export interface EnvironmentPlan {
  name: "development" | "staging" | "production";
  components: string[];
  location: string;
  purpose: string;
}

/** Staging is a scaled-down copy of production: same components, single-AZ, smallest sizes. */
export function stagingBill(r: Resolved): BillLine[] {
  const k8s = r.orchestration === "kubernetes";
  const lines: { item: string; usd: number; basis: string }[] = [
    { item: "2 × m7g.large", usd: monthlyUsd(2, PRICES["ec2.m7g.large"].usd, r.priceFactor), basis: hourlyBasis(2, "m7g.large", PRICES["ec2.m7g.large"].usd, r.priceFactor) },
    { item: "db.t4g.medium single-AZ", usd: monthlyUsd(1, PRICES["rds.db.t4g.medium"].usd, r.priceFactor), basis: hourlyBasis(1, "db.t4g.medium", PRICES["rds.db.t4g.medium"].usd, r.priceFactor) },
    { item: "cache.t4g.medium", usd: monthlyUsd(1, PRICES["elasticache.cache.t4g.medium"].usd, r.priceFactor), basis: hourlyBasis(1, "cache.t4g.medium", PRICES["elasticache.cache.t4g.medium"].usd, r.priceFactor) },
    { item: "ALB", usd: monthlyUsd(1, PRICES["alb.hour"].usd, r.priceFactor), basis: hourlyBasis(1, "ALB", PRICES["alb.hour"].usd, r.priceFactor) },
  ];
  if (k8s) lines.push({ item: "EKS control plane", usd: monthlyUsd(1, PRICES["eks.cluster"].usd, r.priceFactor), basis: hourlyBasis(1, "EKS cluster", PRICES["eks.cluster"].usd, r.priceFactor) });
  return [
    {
      componentId: "env-staging",
      item: `Staging environment (${lines.map((l) => l.item).join(", ")})`,
      category: "environments",
      lever: "none",
      usdMonthly: lines.reduce((sum, l) => sum + l.usd, 0),
      basis: lines.map((l) => l.basis).join(" + "),
    },
  ];
}

export function environments(r: Resolved, components: Component[]): EnvironmentPlan[] {
  const production = components.filter((c) => c.type !== "client").map((c) => `${c.name} ×${c.count}`);
  const region = r.regionNames.join(" + ");
  return [
    {
      name: "development",
      components: ["services and workers run locally", `${r.database === "mysql" ? "MySQL" : "PostgreSQL"}, Redis${r.profile.async.broker === "kafka" ? ", Kafka (Redpanda)" : ", LocalStack SQS"} in Docker Compose`, "seeded fake data"],
      location: "developers' machines and CI runners",
      purpose: "build and debug; every pull request runs unit and contract tests against real containers",
    },
    {
      name: "staging",
      components: [r.orchestration === "kubernetes" ? "EKS cluster with 2 × m7g.large nodes" : "2 × m7g.large VMs", "one replica of each service", "db.t4g.medium single-AZ", "cache.t4g.medium", "the same CDN, WAF and queue setup"],
      location: `${r.regionNames[0]}, single AZ, separate AWS account`,
      purpose: "pre-production: migrations rehearsed, k6 gates run here before each scale step; same manifests as production",
    },
    { name: "production", components: production, location: `${region}, ${r.availability >= 99.95 ? 3 : 2} AZs per region`, purpose: "live traffic; changes arrive through canary deployments (5% → 50% → 100%)" },
  ];
}
