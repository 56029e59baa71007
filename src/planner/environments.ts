import type { BillLine, Design } from "./design/index.js";
import type { Component } from "./proposal.js";
import { PRICES, type PriceKey } from "./prices.js";
import type { Resolved } from "./resolve.js";
import { hourlyBasis, monthlyUsd } from "./design/sizing.js";

export interface EnvironmentPlan {
  name: "development" | "staging" | "production";
  components: string[];
  location: string;
  purpose: string;
}

interface StagingPart {
  item: string;
  key: PriceKey;
  count: number;
  label: string;
}

/**
 * Staging is a scaled-down copy of production's own parts: one small instance per deployable,
 * the smallest database class single-AZ, a small cache and cluster only when production has them.
 */
function stagingParts(design: Design): StagingPart[] {
  const s = design.shape;
  const deployables = design.deployments.length;
  const parts: StagingPart[] = [];
  if (s.platform === "kubernetes") parts.push({ item: "2 × m7g.large nodes", key: "ec2.m7g.large", count: 2, label: "m7g.large" });
  else parts.push({ item: `${deployables} × t4g.small`, key: "ec2.t4g.small", count: deployables, label: "t4g.small" });
  const large = design.components.some((c) => c.id === "db-primary" && c.instanceClass !== undefined && !c.instanceClass.startsWith("db.t4g"));
  parts.push(large ? { item: "db.t4g.medium single-AZ", key: "rds.db.t4g.medium", count: 1, label: "db.t4g.medium" } : { item: "db.t4g.micro single-AZ", key: "rds.db.t4g.micro", count: 1, label: "db.t4g.micro" });
  if (s.cache) parts.push({ item: "cache.t4g.medium", key: "elasticache.cache.t4g.medium", count: 1, label: "cache.t4g.medium" });
  parts.push({ item: "ALB", key: "alb.hour", count: 1, label: "ALB" });
  if (s.platform === "kubernetes") parts.push({ item: "EKS control plane", key: "eks.cluster", count: 1, label: "EKS cluster" });
  return parts;
}

export function stagingBill(r: Resolved, design: Design): BillLine[] {
  const parts = stagingParts(design);
  return [
    {
      componentId: "env-staging",
      item: `Staging environment (${parts.map((l) => l.item).join(", ")})`,
      category: "environments",
      lever: "none",
      usdMonthly: parts.reduce((sum, l) => sum + monthlyUsd(l.count, PRICES[l.key].usd, r.priceFactor), 0),
      basis: parts.map((l) => hourlyBasis(l.count, l.label, PRICES[l.key].usd, r.priceFactor)).join(" + "),
    },
  ];
}

export function environments(r: Resolved, design: Design): EnvironmentPlan[] {
  const components: Component[] = design.components;
  const production = components.filter((c) => c.type !== "client").map((c) => `${c.name} ×${c.count}`);
  const region = r.regionNames.join(" + ");
  const s = design.shape;
  const local = [r.database === "mysql" ? "MySQL" : "PostgreSQL", s.cache ? "Redis" : "", s.broker === "kafka" ? "Kafka (Redpanda)" : "LocalStack SQS"].filter(Boolean).join(", ");
  return [
    {
      name: "development",
      components: ["the app and its workers run locally", `${local} in Docker Compose`, "seeded fake data"],
      location: "developers' machines and CI runners",
      purpose: "build and debug; every pull request runs unit and contract tests against real containers",
    },
    {
      name: "staging",
      components: stagingParts(design).map((p) => p.item),
      location: `${r.regionNames[0]}, single AZ, separate AWS account`,
      purpose: "pre-production: migrations rehearsed, k6 gates run here before each scale step; same images and infrastructure code as production",
    },
    { name: "production", components: production, location: `${region}, ${r.availability >= 99.95 ? 3 : 2} AZs per region`, purpose: "live traffic; changes arrive through canary deployments (5% → 50% → 100%)" },
  ];
}
