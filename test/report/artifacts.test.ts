import { describe, expect, it } from "vitest";
import { proposalSchema } from "../../src/planner/proposal.js";
import { buildArtifacts, buildDocument, renderMarkdown, withArtifacts } from "../../src/report/index.js";
import { reportProposal } from "../fixtures/report-proposal.js";

describe("artefacts", () => {
  it("ships the proposal, the diagram, and a k6 gate and HPAs per phase", () => {
    expect(buildArtifacts(reportProposal()).map((a) => a.filename)).toEqual([
      "proposal-v2.md",
      "architecture.mmd",
      "k6-2x.js",
      "hpa-2x.yaml",
      "k6-10x.js",
      "hpa-10x.yaml",
      "k6-100x.js",
      "hpa-100x.yaml",
    ]);
  });

  it("holds the whole proposal as Markdown and the Mermaid source as it is", () => {
    const proposal = reportProposal();
    const files = buildArtifacts(proposal);
    expect(files.find((a) => a.filename === "proposal-v2.md")?.content).toBe(renderMarkdown(buildDocument(proposal)));
    expect(files.find((a) => a.filename === "architecture.mmd")?.content).toBe(`${proposal.diagram.mermaid}\n`);
  });

  it("fills the proposal's artefacts, replacing what it carried, and stays a valid proposal", () => {
    const proposal = reportProposal();
    proposal.artifacts = [{ filename: "old.txt", mediaType: "text/plain", content: "stale" }];
    const result = withArtifacts(proposal);
    expect(result.artifacts).toEqual(buildArtifacts(reportProposal()));
    expect(proposal.artifacts).toHaveLength(1);
    expect(() => proposalSchema.parse(result)).not.toThrow();
  });

  it("is deterministic", () => {
    expect(buildArtifacts(reportProposal())).toEqual(buildArtifacts(reportProposal()));
    const once = withArtifacts(reportProposal());
    expect(withArtifacts(once)).toEqual(once);
  });
});
