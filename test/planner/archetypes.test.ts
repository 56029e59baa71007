import { describe, expect, it } from "vitest";
import { plan } from "../../src/planner/index.js";
import { ARCHETYPES, type Archetype } from "../../src/planner/requirements.js";
import { buildDocument, renderMarkdown } from "../../src/report/index.js";

const SECTIONS = ["Summary", "Requirements and assumptions", "Capacity", "Why this shape", "Architecture diagram", "Components", "Technology stack", "Service discovery", "Environments", "Bottlenecks", "Reliability", "Security", "Observability", "Cost", "Configuration", "Roadmap", "Traffic management", "Runbook", "Artefacts"];

describe.each(ARCHETYPES.map((a) => [a]))("%s proposal", (archetype: Archetype) => {
  const p = plan({ archetype, dau: 100_000, budget: { amount: 10_000, currency: "USD", period: "month" } });
  const md = renderMarkdown(buildDocument(p));

  it("renders every section in order", () => {
    let at = 0;
    for (const title of SECTIONS) {
      const found = md.indexOf(`## ${title}`, at);
      expect(found, title).toBeGreaterThanOrEqual(0);
      at = found;
    }
  });

  it("has its own defaults, listed as assumptions", () => {
    expect(p.archetype).toBe(archetype);
    expect(p.assumptions.find((a) => a.field === "requestsPerUserPerDay")).toBeDefined();
    expect(p.bottlenecks.length).toBeGreaterThan(2);
    expect(p.roadmap.phases.every((ph) => ph.loadTest.thresholds.p95Ms === p.roadmap.phases[0]!.loadTest.thresholds.p95Ms)).toBe(true);
  });
});

describe("domain-specific components", () => {
  // At 5 M daily users every domain is past the services-per-domain trigger, so its own parts show.
  const ids = (a: Archetype) => plan({ archetype: a, dau: 5_000_000 }).components.map((c) => c.id);
  it.each<[Archetype, string[]]>([
    ["ecommerce", ["svc-catalog", "svc-cart", "svc-checkout", "svc-inventory", "svc-payments", "search"]],
    ["chat", ["realtime", "broker"]],
    ["video", ["transcoders", "cdn", "object-storage"]],
    ["analytics", ["broker", "olap", "svc-ingest"]],
    ["iot", ["realtime", "broker", "olap"]],
    ["logistics", ["geo", "realtime", "svc-dispatch"]],
    ["ml-inference", ["gpu"]],
    ["fintech", ["svc-ledger", "broker"]],
    ["gaming", ["realtime", "svc-leaderboards"]],
    ["marketplace", ["search", "svc-payments"]],
  ])("%s has %j", (archetype, expected) => {
    expect(ids(archetype)).toEqual(expect.arrayContaining(expected));
  });

  it("adds what each compliance regime requires", () => {
    const p = plan({ archetype: "fintech", dau: 10_000, compliance: ["PCI-DSS", "GDPR", "HIPAA", "SOC 2"] });
    const regimes = new Set(p.security.controls.map((c) => c.regime));
    expect([...regimes]).toEqual(expect.arrayContaining(["PCI-DSS", "GDPR", "HIPAA", "SOC 2", "baseline"]));
  });

  it("shards the database when writes outgrow the largest primary, by the archetype's key", () => {
    const p = plan({ archetype: "social", dau: 200_000_000 });
    const primary = p.components.find((c) => c.id === "db-primary")!;
    expect(primary.sizing).toMatch(/^\d+ shards by user_id/);
  });

  it("uses the requested database and drops Kubernetes when asked", () => {
    const p = plan({ archetype: "saas", dau: 2_000_000, database: "mysql", orchestration: "vms" });
    expect(p.components.find((c) => c.id === "db-primary")!.name).toContain("MySQL");
    expect(p.components.some((c) => c.id === "k8s-nodes" || c.id === "ingress")).toBe(false);
    expect(p.stack.find((s) => s.layer === "Compute platform")?.choice).toContain("Auto Scaling");
  });
});
