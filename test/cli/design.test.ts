import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { proposalSchema } from "../../src/planner/proposal.js";
import { runCli } from "./run.js";

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe("archie design", () => {
  it("prints only the JSON Proposal with --json, using the stated figures", async () => {
    const r = await runCli(["design", "online store, 800 RPS at peak, budget €4k/month, +30%/mo", "--json"]);
    expect(r.code).toBe(0);
    const p = proposalSchema.parse(JSON.parse(r.stdout));
    expect(p.archetype).toBe("ecommerce");
    expect(p.capacity.peakRps).toBe(800);
    expect(p.cost.currency).toBe("EUR");
    expect(p.cost.budget).toBe(4000);
    expect(p.roadmap.phases[0]?.monthsFromNow).toBeCloseTo(Math.log(2) / Math.log(1.3), 1);
    expect(p.artifacts.map((a) => a.filename)).toEqual(expect.arrayContaining(["k6-2x.js", "asg-scaling-2x.json", "ecs-autoscaling-10x.json", "hpa-100x.yaml", "proposal-v1.md"]));
  });

  it("prints Markdown with the proposal's sections", async () => {
    const r = await runCli(["design", "chat app for 20k DAU with a $3,000 monthly budget"]);
    expect(r.code).toBe(0);
    for (const heading of ["## Capacity", "## Components", "## Bottlenecks", "## Cost", "## Runbook"]) expect(r.stdout).toContain(heading);
    expect(r.stdout).toContain("WebSocket gateway");
  });

  it("writes artefacts and pictures with --out and says where", async () => {
    const dir = await mkdtemp(join(tmpdir(), "archie-out-"));
    const r = await runCli(["design", "video streaming platform, 10k hours watched per day", "--out", dir]);
    expect(r.code).toBe(0);
    const files = await readdir(dir);
    expect(files).toEqual(expect.arrayContaining(["diagram.png", "cost-scale.png", "diagram.svg", "k6-100x.js", "asg-scaling-2x.json", "proposal-v1.md"]));
    expect(r.stderr).toContain(`wrote ${files.length} files to ${dir}`);
    const png = await readFile(join(dir, "diagram.png"));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  }, 60_000);

  it.each([
    [["design", ""], /empty|nothing/i],
    [["design", "   "], /empty|nothing/i],
    [["design"], /design needs a request/],
    [["design", "x", "--nope"], /Unknown option/],
    [["frobnicate"], /unknown or unavailable command/],
  ])("refuses %j with a clear message and no stack trace", async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
    noStackTrace(r.stderr);
  });

  it("refuses a 1 MB request on stdin", async () => {
    const r = await runCli(["design", "-"], "a".repeat(1024 * 1024));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/20,000|too long|characters/i);
    noStackTrace(r.stderr);
  });

  it("refuses binary junk on stdin", async () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const r = await runCli(["design", "-"], junk);
    expect(r.code).toBe(2);
    noStackTrace(r.stderr);
    expect(r.stdout).toBe("");
  });

  it("leaves out negative and absurd numbers, says so, and still designs", async () => {
    const r = await runCli(["design", "chat app with 10 trillion DAU and -5 RPS", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: .*(left out|more than)/);
    const p = proposalSchema.parse(JSON.parse(r.stdout));
    expect(p.requirements.dau).toBeUndefined();
  });
});
