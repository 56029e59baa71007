import { describe, expect, it } from "vitest";
import { plan } from "../../src/planner/index.js";
import { withArtifacts } from "../../src/report/index.js";
import { parseRequirements } from "../../src/planner/parse/index.js";
import { PRICES } from "../../src/planner/prices.js";
import type { Proposal } from "../../src/planner/proposal.js";
import { ARCHETYPES, type Requirements } from "../../src/planner/requirements.js";

const usd = (amount: number) => ({ amount, currency: "USD" as const, period: "month" as const });
const counts = (p: Proposal) => Object.fromEntries(p.components.map((c) => [c.id, c.count]));
const present = (p: Proposal) => p.decisions.filter((d) => d.present).map((d) => d.element);

describe("known inputs, end to end: requirements → capacity → counts → cost", () => {
  it("a todo app for 20 daily users: two burstable instances and the smallest Multi-AZ database", () => {
    const p = plan({ domain: "todo app", archetype: "generic", dau: 20, budget: usd(100) });
    expect(p.capacity.peakRps).toBe(0.0231);
    expect(counts(p)).toEqual({ clients: 1, lb: 1, "svc-app": 2, "db-primary": 2, "object-storage": 1, queue: 1, monitoring: 1 });
    expect(p.components.find((c) => c.id === "svc-app")!.instanceClass).toBe("t4g.small");
    expect(p.components.find((c) => c.id === "db-primary")!.instanceClass).toBe("db.t4g.micro");
    expect(p.cost.monthly).toBe(124.32);
    expect(p.stage).toEqual({ rung: 1, name: "Monolith and managed database", shape: "modular monolith on 2 × t4g.small behind an ALB, PostgreSQL db.t4g.micro Multi-AZ" });
    expect(p.roadmap.phases.map((ph) => ph.costMonthly)).toEqual([124.37, 124.66, 140.7]);
    // Over budget, but the levers close the gap: no floor and never "a smaller scope".
    expect(p.cost.leversCloseGap).toBe(true);
    expect(p.summary).not.toMatch(/scope/);
  });

  it("a 200-person internal tool stays on the first rung and well under its budget", () => {
    const p = plan({ domain: "internal tool", archetype: "generic", dau: 200, budget: usd(300) });
    expect(p.capacity.peakRps).toBe(0.231);
    expect(p.cost.monthly).toBe(124.67);
    expect(p.cost.withinBudget).toBe(true);
    expect(p.roadmap.phases[1]!.architectureChanges.map((c) => c.element)).toEqual(["CDN"]);
    expect(p.roadmap.phases[2]!.changes).toEqual(["Move Application (modular monolith) from t4g.small to c7g.large"]);
  });

  it("a 20k-DAU marketplace at 40 RPS: one monolith, no cluster, and a 100x phase that changes the shape", () => {
    const p = plan({ domain: "furniture marketplace", archetype: "marketplace", dau: 20_000, budget: { amount: 3_000, currency: "EUR", period: "month" } });
    expect(p.capacity.peakRps).toBe(40.51);
    expect(counts(p)).toEqual({ clients: 521, cdn: 1, lb: 1, "svc-app": 2, "db-primary": 2, "object-storage": 1, queue: 1, monitoring: 1 });
    expect(p.cost.monthly).toBe(478.42);
    expect(p.roadmap.phases.map((ph) => ph.stage.rung)).toEqual([1, 2, 4]);
    expect(p.roadmap.phases.map((ph) => ph.costMonthly)).toEqual([783.96, 3648.82, 31217.42]);
    const last = p.roadmap.phases[2]!;
    expect(last.architectureChanges.map((c) => `${c.kind} ${c.element.split(" (")[0]}`)).toEqual([
      "replace Services per domain",
      "replace Managed containers",
      "replace Search cluster",
      "add Cache tier",
      "add Connection pooler",
      "add NAT gateways",
    ]);
    // Each phase ships the autoscaling file its own platform applies.
    expect(p.roadmap.phases.map((ph) => ph.autoscaling.platform)).toEqual(["vms", "vms", "ecs"]);
    expect(withArtifacts(p).artifacts.map((a) => a.filename).filter((f) => !f.startsWith("k6"))).toEqual(["proposal-v1.md", "architecture.mmd", "asg-scaling-2x.json", "asg-scaling-10x.json", "ecs-autoscaling-100x.json"]);
    // Architectural changes come first in `changes`, each with its trigger figure and migration.
    expect(last.changes[0]).toMatch(/^Replace with Services per domain .* — trigger: peak requests per region: 4,051 req\/s at peak ≥ 3,000/);
    expect(last.changes[0]).toContain("strangler fig");
    // Autoscaling (and so the HPA manifests) come from the phase's own deployments, not today's.
    expect(p.roadmap.phases[0]!.autoscaling.deployments.map((d) => d.name)).toEqual(["svc-app"]);
    expect(last.autoscaling.deployments.map((d) => d.name)).toEqual(expect.arrayContaining(["svc-listings", "svc-orders", "pooler", "workers"]));
  });

  it("a 500k-DAU B2B SaaS: services per domain with their cache, pooler, stream and search", () => {
    const p = plan({ domain: "B2B SaaS", archetype: "saas", dau: 500_000 });
    expect(p.capacity.peakRps).toBe(4340.28);
    expect(p.capacity.writeRps).toBe(157.83);
    expect(counts(p)).toMatchObject({ "svc-app": 22, "svc-identity": 4, "svc-reporting": 7, "svc-integrations": 4, pooler: 2, workers: 67, "db-primary": 2, cache: 6, search: 3, broker: 3 });
    // The primary is sized by its CPU and a working set (7 of the hot set's 90 days), not the whole hot set.
    const primary = p.components.find((c) => c.id === "db-primary")!;
    expect([primary.instanceClass, primary.utilisation]).toEqual(["db.r6g.xlarge", expect.closeTo(0.2, 2)]);
    expect(primary.sizing).toContain("19.2 GB working set (the hot rows of the last 7 of 90 days)");
    // 245.5 GB × 7/90 + 1 GB = 20.1 GB, on 3 × 13.07 GiB × 75% usable.
    expect(p.components.find((c) => c.id === "cache")!.sizing).toContain("20.1 GB (245.5 GB of hot rows × 7/90 days + 1 GB sessions) → 68% memory");
    const cache = p.components.find((c) => c.id === "cache")!;
    expect([cache.instanceClass, cache.shards, cache.count]).toEqual(["cache.r7g.large", 3, 6]);
    expect(p.cost.lineItems.find((l) => l.componentId === "cache")!.item).toBe("Redis cache (6 × cache.r7g.large)");
    expect(p.cost.monthly).toBe(20536.94);
    expect(p.roadmap.phases.map((ph) => ph.costMonthly)).toEqual([37122.16, 164901.48, 1540070.31]);
    // Scale the cache node up before adding shards past four.
    expect(p.roadmap.phases.map((ph) => ph.components.find((c) => c.id === "cache")!.instanceClass)).toEqual(["cache.r7g.xlarge", "cache.r7g.4xlarge", "cache.r7g.16xlarge"]);
    expect(p.stage.rung).toBe(4);
    expect(p.roadmap.phases[0]!.architectureChanges.map((c) => c.element.split(" (")[0])).toEqual(["Kubernetes", "Self-run observability"]);
  });

  it("a 20M-DAU chat app: Kubernetes, a stream, a cache, a history store and storage-bound shards", () => {
    const p = plan({ domain: "messaging app", archetype: "chat", dau: 20_000_000 });
    expect(p.capacity.peakRps).toBe(115740.74);
    const primary = p.components.find((c) => c.id === "db-primary")!;
    // Messages live in the history store; the accounts and metadata left are bound by storage, not writes.
    expect([primary.instanceClass, primary.shards, primary.count]).toEqual(["db.r6g.xlarge", 2, 4]);
    expect(primary.sizing).toContain("33,360 GB gp3 each (of RDS's 65,536 GB limit)");
    expect(p.decisions.find((d) => d.element === "Sharding")).toMatchObject({ present: true, metric: "storage in year one with 30% free", threshold: 65_536 });
    expect(p.decisions.find((d) => d.element === "History store (DynamoDB)")).toMatchObject({ present: true, value: 462, threshold: 16.38 });
    expect(p.cost.lineItems.filter((l) => l.componentId === "history").map((l) => l.item)).toEqual(["History writes (21,600 M write units)", "History reads (8,640 M read units)", "History storage (461,901 GB, Standard-IA)"]);
    const cache = p.components.find((c) => c.id === "cache")!;
    expect([cache.instanceClass, cache.shards, cache.count]).toEqual(["cache.r7g.8xlarge", 3, 6]);
    expect(counts(p)).toMatchObject({ realtime: 349, broker: 21, "k8s-nodes": 399, pooler: 2 });
    expect(p.cost.monthly).toBe(509576.82);
    expect(p.stage.rung).toBe(5);
    expect(present(p)).toEqual(expect.arrayContaining(["Kubernetes", "Event stream (Kafka)", "Cache tier (Redis)", "History store (DynamoDB)", "Sharding", "Services per domain"]));
    expect(p.roadmap.phases[0]!.architectureChanges).toEqual([]);
  });
});

describe("small systems stay small, in every domain", () => {
  // Under ~50 RPS at peak: the Done bar of the ladder.
  it.each(ARCHETYPES.map((a) => [a]))("%s at 40 RPS", (archetype) => {
    const p = plan({ archetype, peakRps: 40 });
    const servers = p.components.filter((c) => c.type === "server" && c.id !== "gpu");
    expect(servers.length).toBeLessThanOrEqual(2);
    expect(p.components.some((c) => c.id === "k8s-nodes" || c.id === "broker" || c.id === "search")).toBe(false);
    expect(p.components.length).toBeLessThanOrEqual(10);
    expect(p.roadmap.phases[2]!.architectureChanges.length).toBeGreaterThanOrEqual(2);
    for (const c of p.roadmap.phases[2]!.architectureChanges) {
      expect(c.trigger.length).toBeGreaterThan(0);
      expect(c.migration.length).toBeGreaterThan(0);
    }
  });

  it("costs within a few times the cheapest sensible setup when nothing domain-heavy (GPU, video egress) is needed", () => {
    for (const archetype of ARCHETYPES.filter((a) => a !== "video" && a !== "ml-inference")) {
      expect(plan({ archetype, peakRps: 40 }).cost.monthly, archetype).toBeLessThan(4 * 250);
    }
  });

  it("a 40 RPS store gets a search cluster only past its trigger: PostgreSQL full-text search before", () => {
    const p = plan({ archetype: "ecommerce", peakRps: 40 });
    const search = p.decisions.find((d) => d.element === "Search cluster")!;
    expect(search).toMatchObject({ present: false, value: 5.81, threshold: 100, neededInPhase: "100x" });
    expect(p.components.find((c) => c.id === "db-primary")!.purpose).toContain("full-text search");
  });
});

describe("compliance and availability force parts, and say so", () => {
  it("PCI DSS forces a WAF and private subnets behind NAT even at low load", () => {
    const p = plan({ archetype: "fintech", peakRps: 30, compliance: ["PCI-DSS"] });
    const waf = p.decisions.find((d) => d.element === "Web application firewall")!;
    expect(waf.present).toBe(true);
    expect(waf.reason).toMatch(/PCI DSS/);
    expect(p.decisions.find((d) => d.element === "NAT gateways")!.reason).toMatch(/PCI-DSS segmentation/);
    expect(p.components.some((c) => c.id === "waf")).toBe(true);
  });

  it("a 99% target runs single-AZ and says so; 99.5% and 99.9% run Multi-AZ and say why", () => {
    const low = plan({ archetype: "saas", peakRps: 10, availability: 99 });
    const atSla = plan({ archetype: "saas", peakRps: 10, availability: 99.5 });
    const high = plan({ archetype: "saas", peakRps: 10, availability: 99.9 });
    expect(low.decisions.find((d) => d.element === "Multi-AZ database")).toMatchObject({ present: false, value: 99, threshold: 99.5 });
    expect(low.components.find((c) => c.id === "db-primary")!.count).toBe(1);
    // At the single-AZ SLA itself the tiers in series would leave the system under its target.
    expect(atSla.decisions.find((d) => d.element === "Multi-AZ database")).toMatchObject({ present: true, value: 99.5 });
    expect(atSla.components.find((c) => c.id === "db-primary")!.count).toBe(2);
    expect(high.decisions.find((d) => d.element === "Multi-AZ database")!.reason).toMatch(/not below the 99.5%/);
    expect(high.components.find((c) => c.id === "db-primary")!.count).toBe(2);
  });

  it("shards an earlier step split the data into stay when a later store takes the load off the database", () => {
    const p = plan({ archetype: "analytics", ordersPerDay: 4_800_000, growthPercentPerMonth: 100, availability: 99.95, orchestration: "vms" });
    const [twoX, tenX, hundredX] = p.roadmap.phases;
    const shardsOf = (components: typeof p.components) => components.find((c) => c.id === "db-primary")!.shards;
    expect(shardsOf(twoX!.components)).toBe(2);
    expect(shardsOf(tenX!.components)).toBe(2);
    expect(tenX!.architectureChanges.map((c) => `${c.kind}:${c.element}`)).not.toContain("retire:Sharding");
    expect(tenX!.stage.rung).toBeGreaterThanOrEqual(twoX!.stage.rung);
    expect(shardsOf(hundredX!.components)).toBeGreaterThanOrEqual(2);
  });

  it("GDPR without a region keeps the data in the EU", () => {
    const p = plan({ archetype: "saas", dau: 1_000, compliance: ["GDPR"] });
    expect(p.environments.find((e) => e.name === "production")!.location).toMatch(/^eu-central-1/);
    expect(present(p)).toContain("EU data residency");
  });
});

describe("budgets below the floor", () => {
  it("states the floor and what reaches the budget, never a smaller scope", () => {
    const p = plan({ archetype: "marketplace", dau: 20_000, budget: usd(150) });
    expect(p.cost.withinBudget).toBe(false);
    expect(p.cost.leversCloseGap).toBe(false);
    const floor = p.cost.budgetFloor!;
    expect(floor.monthly).toBe(p.cost.monthly);
    expect(floor.options.map((o) => o.option)).toEqual([expect.stringMatching(/^a 99.5% availability target/), expect.stringMatching(/^launch at \d+% of the stated load/)]);
    expect(floor.options.at(-1)!.withinBudget).toBe(true);
    expect(p.summary).toMatch(/is the floor/);
    expect(p.summary).not.toMatch(/scope/);
  });
});

describe("the user stays in charge", () => {
  it("honours Kubernetes, Kafka and microservices, notes them as the user's and prices them against the ladder", () => {
    const p = plan({ archetype: "chat", dau: 2_000, orchestration: "kubernetes", broker: "kafka", serviceSplit: "microservices" });
    const chosen = p.decisions.filter((d) => d.userChoice);
    expect(chosen.map((d) => d.element)).toEqual(["Services per domain", "Kubernetes", "Event stream (Kafka)"]);
    expect(chosen.every((d) => d.present)).toBe(true);
    expect(chosen[1]!.reason).toMatch(/the ladder would leave it out here .*cost \$[\d,]+ a month more than the ladder's design/);
    expect(p.components.some((c) => c.id === "k8s-nodes")).toBe(true);
    expect(p.components.some((c) => c.id === "broker")).toBe(true);
  });

  it("reads the phrases that carry those choices", () => {
    const read = (text: string) => parseRequirements(text).requirements as Requirements;
    expect(read("we already run Kafka").broker).toBe("kafka");
    expect(read("microservices please").serviceSplit).toBe("microservices");
    expect(read("no microservices, keep it simple").serviceSplit).toBe("monolith");
    expect(read("deploy it on Fargate").orchestration).toBe("ecs");
    expect(read("use Kubernetes").orchestration).toBe("kubernetes");
  });
});

describe("prices in explanations come from the price table", () => {
  it("changing a price changes the basis text and the figure", () => {
    const input: Requirements = { archetype: "fintech", peakRps: 30, compliance: ["PCI-DSS"] };
    const basis = (p: Proposal, id: string) => p.cost.lineItems.find((l) => l.componentId === id)!.basis;
    const before = plan(input);
    expect(basis(before, "waf")).toContain("$5 ACL");
    expect(basis(before, "lb")).toContain("$0.0225");
    const rows = PRICES as unknown as Record<string, { usd: number }>;
    const [acl, alb] = [rows["waf.acl"]!.usd, rows["alb.hour"]!.usd];
    try {
      rows["waf.acl"]!.usd = 7;
      rows["alb.hour"]!.usd = 0.03;
      const after = plan(input);
      expect(basis(after, "waf")).toContain("$7 ACL");
      expect(basis(after, "lb")).toContain("$0.03 +");
      expect(after.cost.monthly).toBeGreaterThan(before.cost.monthly);
    } finally {
      rows["waf.acl"]!.usd = acl;
      rows["alb.hour"]!.usd = alb;
    }
  });
});
