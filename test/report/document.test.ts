import { describe, expect, it } from "vitest";
import { buildDocument, buildArtifacts } from "../../src/report/index.js";
import type { Block } from "../../src/report/document.js";
import { reportProposal } from "../fixtures/report-proposal.js";

const SECTION_IDS = [
  "summary",
  "requirements",
  "capacity",
  "why-this-shape",
  "diagram",
  "components",
  "stack",
  "discovery",
  "environments",
  "bottlenecks",
  "reliability",
  "security",
  "observability",
  "cost",
  "configuration",
  "roadmap-2x",
  "roadmap-10x",
  "roadmap-100x",
  "traffic",
  "runbook",
  "artifacts",
];

function blockText(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return block.text;
    case "list":
      return block.items.join("\n");
    case "table":
      return block.rows.map((row) => row.join(" ")).join("\n");
    case "code":
      return block.code;
    case "facts":
      return block.items.map((f) => `${f.label} ${f.value}`).join("\n");
  }
}

describe("buildDocument", () => {
  it("has every section, in order, none of them empty", () => {
    const doc = buildDocument(reportProposal());
    expect(doc.sections.map((s) => s.id)).toEqual(SECTION_IDS);
    for (const section of doc.sections) {
      expect(section.title, section.id).not.toBe("");
      expect(section.blocks.length, section.id).toBeGreaterThan(0);
      expect(section.blocks.map(blockText).join("").trim(), section.id).not.toBe("");
    }
  });

  it("orders roadmap sections by scale whatever order the phases come in", () => {
    const proposal = reportProposal();
    proposal.roadmap.phases.reverse();
    const ids = buildDocument(proposal).sections.map((s) => s.id).filter((id) => id.startsWith("roadmap-"));
    expect(ids).toEqual(["roadmap-2x", "roadmap-10x", "roadmap-100x"]);
  });

  it("summarises what is proposed, the peak and the budget verdict in one paragraph", () => {
    const doc = buildDocument(reportProposal());
    expect(doc.summary).not.toContain("\n");
    expect(doc.summary).toContain("1,680 RPS");
    expect(doc.summary).toContain("€6,229/month");
    expect(doc.summary).toContain("over the €5,000/month budget by €1,229");
  });

  it("takes the budget verdict from the proposal", () => {
    const proposal = reportProposal();
    proposal.cost.budget = 7000;
    proposal.cost.withinBudget = true;
    expect(buildDocument(proposal).summary).toContain("within the €7,000/month budget (€771 to spare)");
    delete proposal.cost.budget;
    delete proposal.cost.withinBudget;
    expect(buildDocument(proposal).summary).toContain("no budget stated");
  });

  it("says when the levers do not close the gap", () => {
    const proposal = reportProposal();
    proposal.cost.monthlyAfterLevers = 5400;
    proposal.cost.leversCloseGap = false;
    const cost = buildDocument(proposal).sections.find((s) => s.id === "cost");
    const text = cost?.blocks.map(blockText).join("\n") ?? "";
    expect(text).toContain("€5,400/month, which does not close the gap to the budget");
  });

  it("keeps a section readable when its lists are empty", () => {
    const proposal = reportProposal();
    proposal.security = { slos: [], alerts: [], controls: [] };
    const security = buildDocument(proposal).sections.find((s) => s.id === "security");
    expect(security?.blocks).toEqual([{ kind: "paragraph", text: "No security controls listed." }]);
  });

  it("builds its files from the proposal, not from what the proposal carried", () => {
    const proposal = reportProposal();
    proposal.artifacts = [{ filename: "proposal-v1.md", mediaType: "text/markdown", content: "stale" }];
    const doc = buildDocument(proposal);
    expect(doc.files).toEqual(buildArtifacts(reportProposal()));
    const listed = doc.sections.find((s) => s.id === "artifacts")?.blocks.map(blockText).join("\n") ?? "";
    for (const file of doc.files) expect(listed).toContain(`\`${file.filename}\``);
  });
});
