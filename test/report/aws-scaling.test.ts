import { describe, expect, it } from "vitest";
import type { Phase, Proposal } from "../../src/planner/proposal.js";
import { buildArtifacts, buildDocument, renderMarkdown } from "../../src/report/index.js";
import { kubernetesName } from "../../src/report/artifacts/names.js";
import { reportProposal } from "../fixtures/report-proposal.js";

type Platform = NonNullable<Phase["autoscaling"]["platform"]>;

/** The fixture with each phase (2x, 10x, 100x) on the given platform. */
function onPlatforms(platforms: Platform[]): Proposal {
  const p = reportProposal();
  p.roadmap.phases = p.roadmap.phases.map((ph, i) => ({ ...ph, autoscaling: { ...ph.autoscaling, platform: platforms[i]! } }));
  return p;
}

function json(proposal: Proposal, filename: string): Record<string, unknown[]> {
  const file = buildArtifacts(proposal).find((a) => a.filename === filename);
  if (file === undefined) throw new Error(`no ${filename}`);
  expect(file.mediaType).toBe("application/json");
  return JSON.parse(file.content) as Record<string, unknown[]>;
}

describe("autoscaling artefacts follow each phase's platform", () => {
  const proposal = onPlatforms(["vms", "ecs", "kubernetes"]);

  it("ships an ASG policy, an ECS policy and HPAs, each for its own phase", () => {
    expect(buildArtifacts(proposal).map((a) => a.filename)).toEqual(["proposal-v2.md", "architecture.mmd", "k6-2x.js", "asg-scaling-2x.json", "k6-10x.js", "ecs-autoscaling-10x.json", "k6-100x.js", "hpa-100x.yaml"]);
  });

  it("writes ECS target tracking on ECSServiceAverageCPUUtilization with each service's bounds", () => {
    const phase = proposal.roadmap.phases[1]!;
    const a = phase.autoscaling;
    const file = json(proposal, "ecs-autoscaling-10x.json");
    expect(file["scalableTargets"]).toEqual(a.deployments.map((d) => ({ ServiceNamespace: "ecs", ResourceId: `service/prod/${kubernetesName(d.name)}`, ScalableDimension: "ecs:service:DesiredCount", MinCapacity: d.minReplicas, MaxCapacity: d.maxReplicas })));
    expect(file["scalingPolicies"]).toEqual(a.deployments.map((d) => expect.objectContaining({
      ResourceId: `service/prod/${kubernetesName(d.name)}`,
      PolicyType: "TargetTrackingScaling",
      TargetTrackingScalingPolicyConfiguration: { TargetValue: a.targetCpuPercent, PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" }, ScaleOutCooldown: a.scaleUpStabilizationSeconds, ScaleInCooldown: a.scaleDownStabilizationSeconds },
    })));
    expect(file["apply"]).toContain("jq '.scalingPolicies[0]' ecs-autoscaling-10x.json | aws application-autoscaling put-scaling-policy --cli-input-json file:///dev/stdin");
  });

  it("writes ASG bounds and target tracking on ASGAverageCPUUtilization that add up to the phase totals", () => {
    const a = proposal.roadmap.phases[0]!.autoscaling;
    const file = json(proposal, "asg-scaling-2x.json");
    const sizes = file["groupSizes"] as { AutoScalingGroupName: string; MinSize: number; MaxSize: number }[];
    expect(sizes.map((s) => s.AutoScalingGroupName)).toEqual(a.deployments.map((d) => kubernetesName(d.name)));
    expect(sizes.reduce((n, s) => n + s.MinSize, 0)).toBe(a.minReplicas);
    expect(sizes.reduce((n, s) => n + s.MaxSize, 0)).toBe(a.maxReplicas);
    expect(file["scalingPolicies"]).toEqual(a.deployments.map((d) => ({
      AutoScalingGroupName: kubernetesName(d.name),
      PolicyName: `${kubernetesName(d.name)}-cpu-${a.targetCpuPercent}`,
      PolicyType: "TargetTrackingScaling",
      EstimatedInstanceWarmup: a.scaleUpStabilizationSeconds,
      TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: "ASGAverageCPUUtilization" }, TargetValue: a.targetCpuPercent },
    })));
  });

  it("names the phase's own file in the report's roadmap", () => {
    const markdown = renderMarkdown(buildDocument(proposal));
    expect(markdown).toContain("Autoscaling (`asg-scaling-2x.json`)");
    expect(markdown).toContain("Autoscaling (`ecs-autoscaling-10x.json`)");
    expect(markdown).toContain("Autoscaling (`hpa-100x.yaml`)");
    expect(markdown).not.toContain("hpa-2x.yaml");
  });
});
