import type { Phase, Proposal } from "../../planner/proposal.js";
import { uniqueKubernetesNames } from "./names.js";
import { hpaFilename } from "./plan.js";

/**
 * Scale-up may double a deployment or add 4 pods a minute, whichever is more, so a small
 * deployment is not stuck adding one pod at a time during a spike; scale-down sheds at most a
 * fifth a minute so a brief lull does not throw away capacity the next burst needs.
 */
const SCALE_UP_PERCENT = 100;
const SCALE_UP_PODS = 4;
const SCALE_DOWN_PERCENT = 20;
const POLICY_PERIOD_SECONDS = 60;

/** Comment text on one line: YAML comments end at any line break. */
function commentText(text: string): string {
  return text.replace(/[\r\n\u0085\u2028\u2029]+/g, " ");
}

/** One HPA as YAML. A single template rather than joined lines: it is written for every deployment of every phase. */
function hpaDocument(name: string, minReplicas: number, maxReplicas: number, phase: Phase): string {
  const a = phase.autoscaling;
  return `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
  labels:
    app.kubernetes.io/name: ${name}
    archie.dev/phase: "${phase.scale}"
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${name}
  minReplicas: ${minReplicas}
  maxReplicas: ${maxReplicas}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: ${a.targetCpuPercent}
  behavior:
    scaleUp:
      stabilizationWindowSeconds: ${a.scaleUpStabilizationSeconds}
      selectPolicy: Max
      policies:
        - type: Percent
          value: ${SCALE_UP_PERCENT}
          periodSeconds: ${POLICY_PERIOD_SECONDS}
        - type: Pods
          value: ${SCALE_UP_PODS}
          periodSeconds: ${POLICY_PERIOD_SECONDS}
    scaleDown:
      stabilizationWindowSeconds: ${a.scaleDownStabilizationSeconds}
      selectPolicy: Max
      policies:
        - type: Percent
          value: ${SCALE_DOWN_PERCENT}
          periodSeconds: ${POLICY_PERIOD_SECONDS}`;
}

/** One autoscaling/v2 HorizontalPodAutoscaler per deployment of the phase, as one multi-document file. */
export function hpaManifest(proposal: Proposal, phase: Phase): string {
  const a = phase.autoscaling;
  const names = uniqueKubernetesNames(a.deployments.map((d) => d.name));
  const header = [
    `# HorizontalPodAutoscalers for the ${phase.scale} phase of ${commentText(proposal.title)} (proposal v${proposal.version}).`,
    `# ${a.deployments.length} deployments, ${a.minReplicas}-${a.maxReplicas} replicas in total, scaling at ${a.targetCpuPercent}% CPU.`,
    "# Each scaleTargetRef names a Deployment of the same name; rename here if yours differ.",
    `# Apply: kubectl apply -f ${hpaFilename(phase.scale)}`,
  ].join("\n");
  const documents = a.deployments.map((d, i) => hpaDocument(names[i] ?? "deployment", d.minReplicas, d.maxReplicas, phase));
  return `${header}\n${documents.join("\n---\n")}\n`;
}
