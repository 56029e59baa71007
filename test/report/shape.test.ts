import { describe, expect, it } from "vitest";
import type { Block } from "../../src/report/document.js";
import { buildDocument, renderMarkdown } from "../../src/report/index.js";
import { reportProposal } from "../fixtures/report-proposal.js";

const tables = (blocks: Block[]) => blocks.filter((b): b is Extract<Block, { kind: "table" }> => b.kind === "table");

describe("why this shape", () => {
  const proposal = reportProposal();
  const document = buildDocument(proposal);
  const why = document.sections.find((s) => s.id === "why-this-shape")!;

  it("names the stage and splits the decisions into what is there and what is not yet", () => {
    expect(why.blocks[0]).toEqual({ kind: "facts", items: [{ label: "Stage", value: "rung 2: Cache, pooler and workers" }, { label: "Shape", value: proposal.stage.shape }] });
    const [there, notYet] = tables(why.blocks);
    expect(there!.rows.map((r) => r[0])).toEqual(["Cache tier (Redis)", "Kubernetes"]);
    expect(there!.rows[0]![2]).toBe("1,200 database reads/s at peak; trigger at 500");
    expect(there!.rows[1]![3]).toBe("your choice");
    expect(notYet!.rows).toEqual([["Event stream (Kafka)", expect.stringContaining("12 events/s"), "12 events/s; trigger at 2,000", "the 100x phase", "computed from the price table"]]);
  });

  it("shows each phase's rung and its architecture changes with their migrations", () => {
    const phase = document.sections.find((s) => s.id === "roadmap-100x")!;
    const facts = phase.blocks.find((b) => b.kind === "facts");
    expect(facts?.kind === "facts" && facts.items.find((i) => i.label === "Stage")?.value).toBe("rung 5: Sharded data — monolith on c7g.large");
    const changes = tables(phase.blocks)[0]!;
    expect(changes.columns).toEqual(["Change", "Element", "Trigger", "Migration without downtime"]);
    expect(changes.rows.map((r) => [r[0], r[1]])).toEqual([["add", "Sharding"], ["retire", "Search cluster"]]);
    expect(renderMarkdown(document)).toMatch(/\| retire +\| Search cluster +\|/);
  });
});

describe("a decision's figure", () => {
  it("reads a one-word plural unit in the singular for exactly one, and keeps it plural otherwise", () => {
    const base = reportProposal();
    const regions = (value: number) => ({ element: "Multi-region", present: false, reason: "one region serves the users asked for", metric: "regions", value, threshold: 2, unit: "regions", source: "the regions the users asked for" });
    const figureOf = (value: number) => {
      const why = buildDocument({ ...base, decisions: [regions(value)] }).sections.find((s) => s.id === "why-this-shape")!;
      return tables(why.blocks)[0]!.rows[0]![2];
    };
    expect(figureOf(1)).toBe("1 region; trigger at 2");
    expect(figureOf(3)).toBe("3 regions; trigger at 2");
  });
});
