import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Phase } from "../../src/planner/proposal.js";
import { buildArtifacts } from "../../src/report/index.js";
import { reportProposal } from "../fixtures/report-proposal.js";

const dir = mkdtempSync(join(tmpdir(), "archie-k6-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(scale: string, proposal = reportProposal()): string {
  const file = buildArtifacts(proposal).find((a) => a.filename === `k6-${scale}.js`);
  if (file === undefined) throw new Error(`no k6-${scale}.js`);
  expect(file.mediaType).toBe("text/javascript");
  return file.content;
}

/** node --check parses the module without running it, so k6's own imports need not resolve. */
function parses(source: string, name: string): void {
  const path = join(dir, `${name}.mjs`);
  writeFileSync(path, source);
  execFileSync(process.execPath, ["--check", path], { stdio: "pipe" });
}

function numberAfter(source: string, key: string): number {
  const match = new RegExp(`${key}: (\\d+)`).exec(source);
  if (match?.[1] === undefined) throw new Error(`no ${key}`);
  return Number(match[1]);
}

describe("k6 scripts", () => {
  const phases: Phase[] = reportProposal().roadmap.phases;

  it.each(phases.map((p) => [p.scale, p] as const))("%s parses as an ES module", (scale) => {
    expect(() => parses(script(scale), `k6-${scale}`)).not.toThrow();
  });

  it.each(phases.map((p) => [p.scale, p] as const))("%s carries the phase's target, stages and thresholds", (scale, phase) => {
    const source = script(scale);
    const t = phase.loadTest;
    expect(source).toContain("import http from 'k6/http';");
    expect(source).toContain("import { check, sleep } from 'k6';");
    expect(source).toContain("executor: 'ramping-arrival-rate'");
    expect(source).toContain("timeUnit: '1s'");
    expect(source).toContain(`{ target: ${t.targetRps}, duration: '${t.rampMinutes}m' }`);
    expect(source).toContain(`{ target: ${t.targetRps}, duration: '${t.soakMinutes}m' }`);
    expect(source).toContain(`{ target: 0, duration: '${t.rampMinutes}m' }`);
    expect(source).toContain(`http_req_duration: ['p(95)<${t.thresholds.p95Ms}']`);
    expect(source).toContain(`threshold: 'rate<${t.thresholds.errorRate}', abortOnFail: true, delayAbortEval:`);
    expect(source).toContain(`k6 run -e BASE_URL=https://staging.example.com k6-${scale}.js`);
    for (const experiment of t.chaos) expect(source).toMatch(new RegExp(`//   minute \\d+: ${experiment}`));
  });

  it("sizes virtual users by Little's law from the target and the p95 threshold", () => {
    const phase = phases.find((p) => p.scale === "10x");
    const source = script("10x");
    const inFlight = Math.ceil(((phase?.loadTest.targetRps ?? 0) * (phase?.loadTest.thresholds.p95Ms ?? 0)) / 1000);
    expect(inFlight).toBe(5040);
    expect(numberAfter(source, "preAllocatedVUs")).toBe(inFlight);
    expect(numberAfter(source, "maxVUs")).toBeGreaterThan(inFlight);
    expect(numberAfter(source, "startRate")).toBeLessThan(phase?.loadTest.targetRps ?? 0);
  });

  it("keeps a floor of virtual users for a tiny target", () => {
    const proposal = reportProposal();
    const phase = proposal.roadmap.phases[0];
    if (phase === undefined) throw new Error("no phase");
    phase.loadTest.targetRps = 2;
    const source = script(phase.scale, proposal);
    expect(numberAfter(source, "preAllocatedVUs")).toBe(10);
    expect(numberAfter(source, "startRate")).toBe(1);
  });

  it("mixes reads and writes in the proposal's read:write proportion", () => {
    const { readRps, writeRps } = reportProposal().capacity;
    const share = Number(/const WRITE_SHARE = ([\d.]+);/.exec(script("2x"))?.[1]);
    expect(share).toBeCloseTo(writeRps / (readRps + writeRps), 5);
    expect(script("2x")).toContain("http.post(`${BASE_URL}${WRITE_PATH}`");
    expect(script("2x")).toContain("http.get(`${BASE_URL}${READ_PATH}`");
  });

  it("writes minutes that are not whole as seconds", () => {
    const proposal = reportProposal();
    const phase = proposal.roadmap.phases[0];
    if (phase === undefined) throw new Error("no phase");
    phase.loadTest.rampMinutes = 7.5;
    expect(script(phase.scale, proposal)).toContain(`duration: '450s'`);
  });

  it("keeps user text in comments, even with line separators", () => {
    const proposal = reportProposal();
    proposal.title = "Shop\nprocess.exit(1)\u2028globalThis.boom = 1";
    const phase = proposal.roadmap.phases[0];
    if (phase === undefined) throw new Error("no phase");
    phase.loadTest.chaos.push("drop the cache\nthrow new Error('x')");
    const source = script(phase.scale, proposal);
    expect(() => parses(source, "hostile")).not.toThrow();
    for (const line of source.split(/\n|\u2028/)) {
      if (line.includes("process.exit") || line.includes("boom") || line.includes("throw new Error('x')")) {
        expect(line.trimStart().startsWith("//")).toBe(true);
      }
    }
  });
});
