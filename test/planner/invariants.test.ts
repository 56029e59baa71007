import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plan } from "../../src/planner/index.js";
import { proposalSchema, type Proposal } from "../../src/planner/proposal.js";
import { CACHE_SHARDS_BEFORE_SCALE_UP, RDS_MAX_STORAGE_GB, TRIGGERS } from "../../src/planner/facts.js";
import { CACHE_CLASSES } from "../../src/planner/prices.js";
import { requirementsArb } from "./arbitraries.js";

// ARCHIE_PROPERTY_RUNS raises the count for a deeper search before a release.
const RUNS = { numRuns: Number(process.env.ARCHIE_PROPERTY_RUNS ?? 150) };

function check(name: string, property: (p: Proposal, input: Parameters<typeof plan>[0]) => void) {
  it(name, () => {
    fc.assert(
      fc.property(requirementsArb, (input) => {
        property(plan(input), input);
      }),
      RUNS,
    );
  });
}

const relClose = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));

describe("invariants every proposal keeps, over generated requirements", () => {
  check("matches its zod schema", (p) => {
    proposalSchema.parse(p);
  });

  check("peak ≥ average; reads + writes = average at the stated ratio", (p, input) => {
    const c = p.capacity;
    expect(c.peakRps).toBeGreaterThanOrEqual(c.avgRps);
    expect(Math.abs(c.readRps + c.writeRps - c.avgRps)).toBeLessThanOrEqual(0.011);
    if (input.readWriteRatio !== undefined && c.writeRps >= 10) expect(relClose(c.readRps / c.writeRps, input.readWriteRatio, 0.01)).toBe(true);
  });

  check("a stated figure is used as stated", (p, input) => {
    if (input.peakRps !== undefined) expect(p.capacity.peakRps).toBeCloseTo(input.peakRps, 2);
    if (input.avgRps !== undefined) expect(p.capacity.avgRps).toBeCloseTo(input.avgRps, 2);
    if (input.concurrentUsers !== undefined) expect(p.capacity.concurrentConnections).toBe(Math.round(input.concurrentUsers));
    expect(p.requirements).toEqual(input);
  });

  check("no database instance stores more than RDS allows, today or in any phase", (p) => {
    for (const components of [p.components, ...p.roadmap.phases.map((ph) => ph.components)]) {
      const primary = components.find((c) => c.id === "db-primary")!;
      const perShard = /([\d,]+) GB gp3 each/.exec(primary.sizing)?.[1];
      expect(perShard, primary.sizing).toBeDefined();
      expect(Number(perShard!.replace(/,/g, ""))).toBeLessThanOrEqual(RDS_MAX_STORAGE_GB);
    }
  });

  check("cache nodes stay within the shard range: the node is scaled up before shards pass a handful", (p) => {
    const largest = CACHE_CLASSES[CACHE_CLASSES.length - 1]!.name;
    for (const components of [p.components, ...p.roadmap.phases.map((ph) => ph.components)]) {
      const cache = components.find((c) => c.id === "cache");
      if (!cache) continue;
      const shards = cache.shards ?? 0;
      expect(shards).toBeGreaterThanOrEqual(1);
      if (cache.instanceClass !== largest) expect(shards, cache.sizing).toBeLessThanOrEqual(CACHE_SHARDS_BEFORE_SCALE_UP);
      // A primary and a replica per shard, in every region.
      expect(cache.count % (shards * 2)).toBe(0);
    }
    const today = p.components.find((c) => c.id === "cache");
    if (today) expect(p.cost.lineItems.find((l) => l.componentId === "cache")?.item).toBe(`Redis cache (${today.count} × ${today.instanceClass})`);
  });

  check("each phase's peak is 2x/10x/100x of today's", (p) => {
    expect(p.roadmap.phases.map((ph) => ph.scale)).toEqual(["2x", "10x", "100x"]);
    // Exactly k times the figure as shown, to the precision it is shown at.
    for (const ph of p.roadmap.phases) expect(relClose(ph.peakRps, p.capacity.peakRps * ph.factor, 0.005)).toBe(true);
  });

  check("replicas, component counts, phase cost and capacity never shrink as scale grows", (p) => {
    let counts = new Map(p.components.map((c) => [c.id, c]));
    let prev = { min: 0, max: 0, cost: p.cost.monthly, peak: p.capacity.peakRps };
    for (const ph of p.roadmap.phases) {
      expect(ph.autoscaling.minReplicas).toBeGreaterThanOrEqual(prev.min);
      expect(ph.autoscaling.maxReplicas).toBeGreaterThanOrEqual(prev.max);
      expect(ph.autoscaling.maxReplicas).toBeGreaterThanOrEqual(ph.autoscaling.minReplicas);
      expect(ph.costMonthly).toBeGreaterThanOrEqual(prev.cost);
      expect(ph.peakRps).toBeGreaterThan(prev.peak);
      for (const c of ph.components) {
        const before = counts.get(c.id);
        // A bigger unit, or a module extracted out of the monolith, legitimately needs fewer of them.
        // So does the relational tier (and its pooler) when a history store takes over most of its writes.
        const offloaded = c.tier === "data" && ph.architectureChanges.some((a) => a.element.startsWith("History store"));
        const reshaped = before?.instanceClass !== c.instanceClass || (c.id === "svc-app" && ph.architectureChanges.length > 0) || offloaded;
        if (c.type !== "client" && !reshaped) expect(c.count, `${ph.scale} ${c.id}`).toBeGreaterThanOrEqual(before?.count ?? 0);
      }
      counts = new Map(ph.components.map((c) => [c.id, c]));
      prev = { min: ph.autoscaling.minReplicas, max: ph.autoscaling.maxReplicas, cost: ph.costMonthly, peak: ph.peakRps };
    }
  });

  check("withinBudget agrees with monthly ≤ budget; over budget gives levers; the currency is the user's", (p, input) => {
    const c = p.cost;
    expect(c.currency).toBe(input.budget?.currency ?? "USD");
    if (input.budget) {
      expect(c.budget).toBe(input.budget.amount);
      expect(c.withinBudget).toBe(c.monthly <= input.budget.amount);
      if (!c.withinBudget) {
        expect(c.levers.length).toBeGreaterThan(0);
        expect(p.summary).toMatch(/over the .* budget/);
        expect(c.leversCloseGap).toBe(c.monthlyAfterLevers <= input.budget.amount);
      }
    } else expect(c.withinBudget).toBeUndefined();
  });

  check("cost lines add up, per proposal and per phase", (p) => {
    const sum = p.cost.lineItems.reduce((s, l) => s + l.monthly, 0);
    expect(Math.abs(sum - p.cost.monthly)).toBeLessThan(0.01);
    const saved = p.cost.levers.reduce((s, l) => s + l.monthlySaving, 0);
    expect(Math.abs(p.cost.monthly - saved - p.cost.monthlyAfterLevers)).toBeLessThan(0.02 * Math.max(1, p.cost.levers.length));
    for (const ph of p.roadmap.phases) {
      const parts = Object.values(ph.costByCategory).reduce((s, v) => s + v, 0);
      expect(Math.abs(parts - ph.costMonthly)).toBeLessThan(0.05);
      const dep = ph.autoscaling.deployments;
      expect(dep.reduce((s, d) => s + d.minReplicas, 0)).toBe(ph.autoscaling.minReplicas);
      expect(dep.reduce((s, d) => s + d.maxReplicas, 0)).toBe(ph.autoscaling.maxReplicas);
    }
  });

  check("no production tier runs a single instance", (p) => {
    for (const c of p.components) if (c.type !== "client" && !c.managed) expect(c.count, c.id).toBeGreaterThanOrEqual(2);
  });

  check("bottlenecks are ranked by utilisation", (p) => {
    p.bottlenecks.forEach((b, i) => {
      expect(b.rank).toBe(i + 1);
      if (i > 0) expect(b.utilisation).toBeLessThanOrEqual(p.bottlenecks[i - 1]!.utilisation);
    });
  });

  check("the diagram's text and Mermaid name the same components as the table", (p) => {
    for (const c of p.components) {
      expect(p.diagram.text).toContain(`${c.name} ×${c.count}`);
      expect(p.diagram.mermaid).toContain(`${c.name.replace(/["<>]/g, "")} ×${c.count}`);
    }
    expect(p.diagram.graph.nodes.map((n) => n.id)).toEqual(p.components.map((c) => c.id));
    const ids = new Set(p.components.map((c) => c.id));
    for (const e of p.diagram.graph.edges) expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
  });

  it("the ladder: no part without its trigger, the stage never goes down, every added or retired tier is listed", () => {
    fc.assert(fc.property(requirementsArb, (input) => ladderInvariants(plan(input))), LADDER_RUNS);
  });

  it("gives the same proposal for the same input", () => {
    fc.assert(
      fc.property(requirementsArb, (input) => {
        expect(plan(input)).toEqual(plan(structuredClone(input)));
      }),
      { numRuns: 40 },
    );
  });
});

// At least 1,000 generated inputs in CI for the ladder's invariants.
const LADDER_RUNS = { numRuns: Math.max(1_000, RUNS.numRuns) };

/** Which decision puts each component in the design (components not listed are the base: clients, LB, app, database). */
const ELEMENT_OF: Record<string, string> = {
  cache: "Cache tier (Redis)",
  pooler: "Connection pooler (PgBouncer)",
  "db-replicas": "Read replicas",
  broker: "Event stream (Kafka)",
  search: "Search cluster",
  waf: "Web application firewall",
  nat: "NAT gateways",
  cdn: "CDN",
  "object-storage": "Object storage",
  "k8s-nodes": "Kubernetes",
  ingress: "Kubernetes",
  workers: "Worker tier",
  olap: "Analytics store (ClickHouse)",
  geo: "Geo index (Redis)",
};

/** Sources that force a part regardless of load: compliance, protocol, the platform, a part that needs another. */
const FORCING = ["PCI DSS", "HIPAA", "protocol", "EKS best practices", "realtime gateway", "your request", TRIGGERS.servicesPerDomain.source, TRIGGERS.readReplicas.source, TRIGGERS.cdn.source];

function ladderInvariants(p: Proposal) {
  const byElement = new Map(p.decisions.map((d) => [d.element, d]));
  for (const d of p.decisions) {
    if (!d.present || d.userChoice || d.value === undefined || d.threshold === undefined) continue;
    if (d.value < d.threshold) expect(FORCING.some((f) => d.source.includes(f)), `${d.element}: ${d.value} < ${d.threshold} with source ${d.source}`).toBe(true);
  }
  const designs = [p.components, ...p.roadmap.phases.map((ph) => ph.components)];
  // Today's decisions are checked against today's components; each phase's additions are checked below.
  for (const c of p.components) {
    const element = ELEMENT_OF[c.id];
    if (element) expect(byElement.get(element)?.present, `${c.id} without ${element}`).toBe(true);
    if (c.id.startsWith("svc-") && c.id !== "svc-app" && !byElement.get("Services per domain")?.present) {
      expect(p.decisions.some((d) => d.present && d.element.startsWith(c.name)), `${c.id} extracted without a trigger`).toBe(true);
    }
  }
  let rung = p.stage.rung;
  p.roadmap.phases.forEach((ph, i) => {
    expect(ph.stage.rung, `${ph.scale} stage`).toBeGreaterThanOrEqual(rung);
    rung = ph.stage.rung;
    const before = new Map(designs[i]!.map((c) => [c.id, c]));
    const after = new Set(ph.components.map((c) => c.id));
    for (const c of ph.components) if (c.type !== "client" && !before.has(c.id)) expect(ph.changes.some((x) => x.startsWith(`Add ${c.name} ×`)), `${ph.scale} adds ${c.id}`).toBe(true);
    for (const [id, c] of before) if (!after.has(id)) expect(ph.changes, `${ph.scale} retires ${id}`).toContain(`Retire ${c.name}`);
    // Architectural changes come first, in the order of architectureChanges.
    ph.architectureChanges.forEach((a, k) => expect(ph.changes[k]).toContain(a.element));
  });
}
