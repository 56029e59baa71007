import type { Phase, Proposal } from "../../planner/proposal.js";
import { uniqueKubernetesNames } from "./names.js";
import { asgScalingFilename, ecsScalingFilename } from "./plan.js";

/**
 * Target-tracking policies for the phases that run on ECS Fargate or in Auto Scaling groups: each
 * entry is the `--cli-input-json` of one AWS CLI call, so the file applies as it stands. Resource
 * names are the deployments' names in the same lowercase form the HPAs use; rename if yours differ.
 */

const CLUSTER = "prod";

/** JSON has no comments: what the file is and how to apply it travel as its first fields. */
function document(about: string, apply: string[], body: Record<string, unknown>): string {
  return `${JSON.stringify({ about, apply, ...body }, null, 2)}\n`;
}

/** Application Auto Scaling for ECS services: ECSServiceAverageCPUUtilization held at the phase's target. */
export function ecsScalingPolicies(proposal: Proposal, phase: Phase): string {
  const a = phase.autoscaling;
  const names = uniqueKubernetesNames(a.deployments.map((d) => d.name));
  const file = ecsScalingFilename(phase.scale);
  const resource = (name: string) => `service/${CLUSTER}/${name}`;
  const scalableTargets = a.deployments.map((d, i) => ({
    ServiceNamespace: "ecs",
    ResourceId: resource(names[i]!),
    ScalableDimension: "ecs:service:DesiredCount",
    MinCapacity: d.minReplicas,
    MaxCapacity: d.maxReplicas,
  }));
  const scalingPolicies = a.deployments.map((_, i) => ({
    PolicyName: `${names[i]!}-cpu-${a.targetCpuPercent}`,
    ServiceNamespace: "ecs",
    ResourceId: resource(names[i]!),
    ScalableDimension: "ecs:service:DesiredCount",
    PolicyType: "TargetTrackingScaling",
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: a.targetCpuPercent,
      PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" },
      ScaleOutCooldown: a.scaleUpStabilizationSeconds,
      ScaleInCooldown: a.scaleDownStabilizationSeconds,
    },
  }));
  const apply = names.flatMap((_, i) => [
    `jq '.scalableTargets[${i}]' ${file} | aws application-autoscaling register-scalable-target --cli-input-json file:///dev/stdin`,
    `jq '.scalingPolicies[${i}]' ${file} | aws application-autoscaling put-scaling-policy --cli-input-json file:///dev/stdin`,
  ]);
  const about = `ECS service autoscaling for the ${phase.scale} phase of ${proposal.title} (proposal v${proposal.version}): ${a.deployments.length} services in cluster ${CLUSTER}, ${a.minReplicas}-${a.maxReplicas} tasks in total, target-tracking ${a.targetCpuPercent}% CPU.`;
  return document(about, apply, { scalableTargets, scalingPolicies });
}

/** EC2 Auto Scaling: the group's bounds, and ASGAverageCPUUtilization held at the phase's target. */
export function asgScalingPolicies(proposal: Proposal, phase: Phase): string {
  const a = phase.autoscaling;
  const names = uniqueKubernetesNames(a.deployments.map((d) => d.name));
  const file = asgScalingFilename(phase.scale);
  const groupSizes = a.deployments.map((d, i) => ({ AutoScalingGroupName: names[i]!, MinSize: d.minReplicas, MaxSize: d.maxReplicas }));
  const scalingPolicies = a.deployments.map((_, i) => ({
    AutoScalingGroupName: names[i]!,
    PolicyName: `${names[i]!}-cpu-${a.targetCpuPercent}`,
    PolicyType: "TargetTrackingScaling",
    // A new instance counts towards the group's CPU only once it has warmed up for the scale-up window.
    EstimatedInstanceWarmup: a.scaleUpStabilizationSeconds,
    TargetTrackingConfiguration: {
      PredefinedMetricSpecification: { PredefinedMetricType: "ASGAverageCPUUtilization" },
      TargetValue: a.targetCpuPercent,
    },
  }));
  const apply = names.flatMap((_, i) => [
    `jq '.groupSizes[${i}]' ${file} | aws autoscaling update-auto-scaling-group --cli-input-json file:///dev/stdin`,
    `jq '.scalingPolicies[${i}]' ${file} | aws autoscaling put-scaling-policy --cli-input-json file:///dev/stdin`,
  ]);
  const about = `Auto Scaling group policies for the ${phase.scale} phase of ${proposal.title} (proposal v${proposal.version}): ${a.deployments.length} groups, ${a.minReplicas}-${a.maxReplicas} instances in total, target-tracking ${a.targetCpuPercent}% CPU.`;
  return document(about, apply, { groupSizes, scalingPolicies });
}
