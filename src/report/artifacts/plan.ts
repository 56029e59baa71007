import { phaseScaleSchema, type Phase, type PhaseScale, type Proposal } from "../../planner/proposal.js";
import { formatCount, formatMinutes, formatRps } from "../format.js";

/**
 * Which files a proposal ships, decided from the proposal alone. The document lists these and
 * buildArtifacts fills them in, so the list and the files cannot disagree.
 */

export type ArtifactSource =
  | { kind: "proposal" }
  | { kind: "mermaid" }
  | { kind: "k6"; phase: Phase }
  | { kind: "hpa"; phase: Phase }
  | { kind: "ecs-scaling"; phase: Phase }
  | { kind: "asg-scaling"; phase: Phase };

export interface PlannedArtifact {
  filename: string;
  mediaType: string;
  /** One line for people, plain text. */
  description: string;
  source: ArtifactSource;
}

/** Phases in scale order (2x, 10x, 100x) whatever order the roadmap lists them in. */
export function orderedPhases(proposal: Proposal): Phase[] {
  const rank = (scale: PhaseScale) => phaseScaleSchema.options.indexOf(scale);
  return [...proposal.roadmap.phases].sort((a, b) => rank(a.scale) - rank(b.scale));
}

export function k6Filename(scale: PhaseScale): string {
  return `k6-${scale}.js`;
}

export function hpaFilename(scale: PhaseScale): string {
  return `hpa-${scale}.yaml`;
}

export function ecsScalingFilename(scale: PhaseScale): string {
  return `ecs-autoscaling-${scale}.json`;
}

export function asgScalingFilename(scale: PhaseScale): string {
  return `asg-scaling-${scale}.json`;
}

/** The autoscaling file a phase ships: the one its own platform applies (proposals without a platform are Kubernetes). */
export function scalingArtifact(phase: Phase): PlannedArtifact {
  const { deployments, minReplicas, maxReplicas, platform } = phase.autoscaling;
  const bounds = `${formatCount(minReplicas)}–${formatCount(maxReplicas)}`;
  const units = formatCount(deployments.length);
  if (platform === "ecs") {
    return { filename: ecsScalingFilename(phase.scale), mediaType: "application/json", description: `ECS target-tracking scaling policies for the ${phase.scale} phase: ${units} services, ${bounds} tasks in total`, source: { kind: "ecs-scaling", phase } };
  }
  if (platform === "vms") {
    return { filename: asgScalingFilename(phase.scale), mediaType: "application/json", description: `Auto Scaling group target-tracking policies for the ${phase.scale} phase: ${units} groups, ${bounds} instances in total`, source: { kind: "asg-scaling", phase } };
  }
  return { filename: hpaFilename(phase.scale), mediaType: "application/yaml", description: `HorizontalPodAutoscalers for the ${phase.scale} phase: ${units} deployments, ${bounds} replicas in total`, source: { kind: "hpa", phase } };
}

export function planArtifacts(proposal: Proposal): PlannedArtifact[] {
  const perPhase = orderedPhases(proposal).flatMap((phase): PlannedArtifact[] => {
    const { targetRps, soakMinutes } = phase.loadTest;
    return [
      {
        filename: k6Filename(phase.scale),
        mediaType: "text/javascript",
        description: `k6 load-test gate for the ${phase.scale} phase: ${formatRps(targetRps)} held for ${formatMinutes(soakMinutes)}`,
        source: { kind: "k6", phase },
      },
      scalingArtifact(phase),
    ];
  });
  return [
    {
      filename: `proposal-v${proposal.version}.md`,
      mediaType: "text/markdown",
      description: "this proposal as Markdown",
      source: { kind: "proposal" },
    },
    {
      filename: "architecture.mmd",
      mediaType: "text/plain",
      description: "the architecture diagram as Mermaid source",
      source: { kind: "mermaid" },
    },
    ...perPhase,
  ];
}
