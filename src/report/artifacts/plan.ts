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
  | { kind: "hpa"; phase: Phase };

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

export function planArtifacts(proposal: Proposal): PlannedArtifact[] {
  const perPhase = orderedPhases(proposal).flatMap((phase): PlannedArtifact[] => {
    const { targetRps, soakMinutes } = phase.loadTest;
    const { deployments, minReplicas, maxReplicas } = phase.autoscaling;
    return [
      {
        filename: k6Filename(phase.scale),
        mediaType: "text/javascript",
        description: `k6 load-test gate for the ${phase.scale} phase: ${formatRps(targetRps)} held for ${formatMinutes(soakMinutes)}`,
        source: { kind: "k6", phase },
      },
      {
        filename: hpaFilename(phase.scale),
        mediaType: "application/yaml",
        description: `HorizontalPodAutoscalers for the ${phase.scale} phase: ${formatCount(deployments.length)} deployments, ${formatCount(minReplicas)}–${formatCount(maxReplicas)} replicas in total`,
        source: { kind: "hpa", phase },
      },
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
