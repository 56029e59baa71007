import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import type { Proposal } from "../../src/planner/proposal.js";
import { buildArtifacts } from "../../src/report/index.js";
import { kubernetesName, uniqueKubernetesNames } from "../../src/report/artifacts/names.js";
import { reportProposal } from "../fixtures/report-proposal.js";

interface Hpa {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: {
    scaleTargetRef: { apiVersion: string; kind: string; name: string };
    minReplicas: number;
    maxReplicas: number;
    metrics: { type: string; resource: { name: string; target: { type: string; averageUtilization: number } } }[];
    behavior: {
      scaleUp: { stabilizationWindowSeconds: number; selectPolicy: string; policies: { type: string; value: number; periodSeconds: number }[] };
      scaleDown: { stabilizationWindowSeconds: number; policies: { type: string; value: number; periodSeconds: number }[] };
    };
  };
}

const RFC1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function manifests(scale: string, proposal: Proposal = reportProposal()): Hpa[] {
  const file = buildArtifacts(proposal).find((a) => a.filename === `hpa-${scale}.yaml`);
  if (file === undefined) throw new Error(`no hpa-${scale}.yaml`);
  expect(file.mediaType).toBe("application/yaml");
  const docs = parseAllDocuments(file.content);
  if (!Array.isArray(docs)) throw new Error("not a YAML stream");
  for (const doc of docs) expect(doc.errors).toEqual([]);
  return docs.map((doc) => doc.toJS() as Hpa);
}

describe("HPA manifests", () => {
  const phases = reportProposal().roadmap.phases;

  it.each(phases.map((p) => [p.scale, p] as const))("%s has one autoscaling/v2 HPA per deployment with its replicas", (scale, phase) => {
    const hpas = manifests(scale);
    expect(hpas).toHaveLength(phase.autoscaling.deployments.length);
    hpas.forEach((hpa, i) => {
      const deployment = phase.autoscaling.deployments[i];
      expect(hpa.apiVersion).toBe("autoscaling/v2");
      expect(hpa.kind).toBe("HorizontalPodAutoscaler");
      expect(hpa.metadata.name).toBe(kubernetesName(deployment?.name ?? ""));
      expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: hpa.metadata.name });
      expect(hpa.spec.minReplicas).toBe(deployment?.minReplicas);
      expect(hpa.spec.maxReplicas).toBe(deployment?.maxReplicas);
      expect(hpa.spec.metrics[0]?.resource).toEqual({ name: "cpu", target: { type: "Utilization", averageUtilization: phase.autoscaling.targetCpuPercent } });
    });
  });

  it.each(phases.map((p) => [p.scale, p] as const))("%s per-deployment replicas add up to the phase totals", (scale, phase) => {
    const hpas = manifests(scale);
    expect(hpas.reduce((sum, h) => sum + h.spec.minReplicas, 0)).toBe(phase.autoscaling.minReplicas);
    expect(hpas.reduce((sum, h) => sum + h.spec.maxReplicas, 0)).toBe(phase.autoscaling.maxReplicas);
  });

  it.each(phases.map((p) => [p.scale, p] as const))("%s uses the phase's stabilization windows and scaling policies", (scale, phase) => {
    for (const hpa of manifests(scale)) {
      const { scaleUp, scaleDown } = hpa.spec.behavior;
      expect(scaleUp.stabilizationWindowSeconds).toBe(phase.autoscaling.scaleUpStabilizationSeconds);
      expect(scaleDown.stabilizationWindowSeconds).toBe(phase.autoscaling.scaleDownStabilizationSeconds);
      expect(scaleUp.selectPolicy).toBe("Max");
      expect(scaleUp.policies).toEqual([
        { type: "Percent", value: 100, periodSeconds: 60 },
        { type: "Pods", value: 4, periodSeconds: 60 },
      ]);
      expect(scaleDown.policies).toEqual([{ type: "Percent", value: 20, periodSeconds: 60 }]);
    }
  });

  it("names every object with a valid, distinct Kubernetes name", () => {
    const proposal = reportProposal();
    const phase = proposal.roadmap.phases[0];
    if (phase === undefined) throw new Error("no phase");
    phase.autoscaling.deployments.push(
      { name: "Storefront API", minReplicas: 1, maxReplicas: 2 },
      { name: "Paiement Résumé | <script>", minReplicas: 1, maxReplicas: 2 },
      { name: "x".repeat(80), minReplicas: 1, maxReplicas: 2 },
      { name: "!!!", minReplicas: 1, maxReplicas: 2 },
    );
    const names = manifests(phase.scale, proposal).map((h) => h.metadata.name);
    for (const name of names) {
      expect(name).toMatch(RFC1123_LABEL);
      expect(name.length).toBeLessThanOrEqual(63);
    }
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("checkout-worker");
    expect(names).toContain("paiement-resume-script");
  });

  it("slugifies names and keeps them distinct", () => {
    expect(kubernetesName("Checkout Worker")).toBe("checkout-worker");
    expect(kubernetesName("--API__v2--")).toBe("api-v2");
    expect(uniqueKubernetesNames(["API", "api", "Api"])).toEqual(["api", "api-2", "api-3"]);
    const long = uniqueKubernetesNames(["a".repeat(70), "a".repeat(70)]);
    expect(long[1]).toMatch(/^a{61}-2$/);
  });
});
