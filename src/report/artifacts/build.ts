import type { Artifact, Proposal } from "../../planner/proposal.js";
import type { ReportDocument } from "../document.js";
import { buildText } from "../build/sections.js";
import { renderMarkdown } from "../markdown.js";
import { asgScalingPolicies, ecsScalingPolicies } from "./aws-scaling.js";
import { hpaManifest } from "./hpa.js";
import { k6Script } from "./k6.js";
import { planArtifacts, type ArtifactSource } from "./plan.js";

type DocumentText = Omit<ReportDocument, "files">;

function content(proposal: Proposal, source: ArtifactSource, text: () => DocumentText): string {
  switch (source.kind) {
    case "proposal":
      return renderMarkdown({ ...text(), files: [] });
    case "mermaid":
      return proposal.diagram.mermaid.endsWith("\n") ? proposal.diagram.mermaid : `${proposal.diagram.mermaid}\n`;
    case "k6":
      return k6Script(proposal, source.phase);
    case "hpa":
      return hpaManifest(proposal, source.phase);
    case "ecs-scaling":
      return ecsScalingPolicies(proposal, source.phase);
    case "asg-scaling":
      return asgScalingPolicies(proposal, source.phase);
  }
}

/**
 * The files a proposal ships: itself as Markdown, the Mermaid diagram, and per phase a k6 gate and
 * the autoscaling file its platform applies (HPAs, ECS or Auto Scaling group policies). `text` is
 * the document's text when the caller already built it (it is the costly part).
 */
export function buildArtifacts(proposal: Proposal, text?: DocumentText): Artifact[] {
  const documentText = () => text ?? buildText(proposal);
  return planArtifacts(proposal).map((planned) => ({
    filename: planned.filename,
    mediaType: planned.mediaType,
    content: content(proposal, planned.source, documentText),
  }));
}

/** The proposal with `artifacts` rebuilt from its own fields; whatever it carried before is dropped. */
export function withArtifacts(proposal: Proposal): Proposal {
  return { ...proposal, artifacts: buildArtifacts(proposal) };
}
