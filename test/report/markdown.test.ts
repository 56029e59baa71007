import fc from "fast-check";
import { marked } from "marked";
import { describe, expect, it } from "vitest";
import type { ReportDocument } from "../../src/report/document.js";
import { buildDocument, formatCount, formatMoney, formatMonthly, formatPercent, renderMarkdown } from "../../src/report/index.js";
import { reportProposal } from "../fixtures/report-proposal.js";
import { parsedTables, splitFences, tables } from "./helpers.js";

const markdown = () => renderMarkdown(buildDocument(reportProposal()));

/** The rows of the first table whose header starts with `column`, as cell arrays. */
function tableStartingWith(md: string, column: string): string[][] {
  const found = tables(md).find((t) => t[0]?.[0] === column);
  if (found === undefined) throw new Error(`no table starting with ${column}`);
  return found.slice(2);
}

describe("renderMarkdown", () => {
  it("has one # title and a ## heading per section", () => {
    const doc = buildDocument(reportProposal());
    const { prose } = splitFences(renderMarkdown(doc));
    expect(prose.filter((l) => /^# /.test(l))).toEqual(["# Outdoor gear shop"]);
    expect(prose.filter((l) => l.startsWith("## "))).toEqual(doc.sections.map((s) => `## ${s.title}`));
  });

  it("prints each component's count and utilisation in its own row", () => {
    const proposal = reportProposal();
    const rows = tableStartingWith(markdown(), "Component");
    expect(rows).toHaveLength(proposal.components.length);
    proposal.components.forEach((component, i) => {
      const row = rows[i] ?? [];
      expect(row[0]).toBe(component.name);
      expect(row[3]).toBe(formatCount(component.count));
      expect(row[5]).toBe(component.utilisation === undefined ? "—" : formatPercent(component.utilisation));
    });
  });

  it("prints every cost line item and the total, formatted in the proposal's currency", () => {
    const proposal = reportProposal();
    const md = markdown();
    const rows = tableStartingWith(md, "Item");
    expect(rows.map((r) => [r[0], r[3]])).toEqual(
      proposal.cost.lineItems.map((l) => [l.item, formatMoney(l.monthly, "EUR")]),
    );
    expect(md).toContain(`**Total:** ${formatMonthly(proposal.cost.monthly, "EUR")}`);
    expect(md).toContain("**Total:** €6,229/month");
    expect(md).toContain("1 USD = 0.92 EUR (as of 2026-01-15)");
  });

  it("prints each phase's autoscaling per deployment and its load-test gate", () => {
    const md = markdown();
    for (const phase of reportProposal().roadmap.phases) {
      const section = md.split(`## Roadmap: ${phase.scale}\n`)[1]?.split("\n## ")[0] ?? "";
      expect(section).toContain(`**Target:** ${formatCount(phase.loadTest.targetRps)} RPS`);
      const rows = tableStartingWith(section, "Deployment");
      expect(rows.map((r) => r.slice(0, 3))).toEqual(
        phase.autoscaling.deployments.map((d) => [d.name, String(d.minReplicas), String(d.maxReplicas)]),
      );
    }
  });

  it("writes well-formed tables with right-aligned numeric columns", () => {
    const md = markdown();
    const found = tables(md);
    expect(found.length).toBeGreaterThan(10);
    for (const table of found) {
      const width = table[0]?.length ?? 0;
      for (const row of table) expect(row).toHaveLength(width);
    }
    expect(md).toContain("| ----: |");
    const parsed = parsedTables(md);
    expect(parsed).toHaveLength(found.length);
    for (const t of parsed) for (const row of t.rows) expect(row).toHaveLength(t.header.length);
  });

  it("keeps the diagram and the Mermaid source verbatim in fenced blocks", () => {
    const proposal = reportProposal();
    const { code, unclosed } = splitFences(markdown());
    expect(unclosed).toBe(false);
    expect(code).toContainEqual({ language: "text", body: proposal.diagram.text });
    expect(code).toContainEqual({ language: "mermaid", body: proposal.diagram.mermaid });
  });

  it("escapes a bare pipe in a cell, keeps an escaped one, and fits rows to the header's width", () => {
    const doc: ReportDocument = {
      title: "T",
      summary: "",
      files: [],
      sections: [
        {
          id: "t",
          title: "T",
          blocks: [{ kind: "table", columns: ["a", "b"], rows: [["x | y", "1"], ["only"], ["p", "q", "dropped"], ["back\\|slash", "2"]], numeric: [false, true] }],
        },
      ],
    };
    const md = renderMarkdown(doc);
    expect(md).toContain("x \\| y");
    const [table] = parsedTables(md);
    expect(table?.rows.map((r) => r.map((c) => c.text))).toEqual([
      ["x | y", "1"],
      ["only", ""],
      ["p", "q"],
      ["back|slash", "2"],
    ]);
  });

  it("is deterministic", () => {
    expect(markdown()).toBe(markdown());
    expect(renderMarkdown(buildDocument(reportProposal()))).toBe(renderMarkdown(buildDocument(structuredClone(reportProposal()))));
  });
});

describe("user text in the report", () => {
  const hostile = "Shop | <script>alert(1)</script> **bold** `tick` ``` fence _under_ [link](http://x) &amp;";

  function hostileMarkdown(): string {
    const proposal = reportProposal();
    proposal.title = hostile;
    proposal.requirements.domain = hostile;
    proposal.requirements.notes = `first line\n# Not a heading\n| a | b |\n${hostile}`;
    proposal.assumptions.push({ field: "domain", value: hostile, reason: "stated | by the user" });
    proposal.roadmap.phases[0]?.autoscaling.deployments.push({ name: hostile, minReplicas: 1, maxReplicas: 2 });
    proposal.diagram.mermaid = `flowchart TB\n  a["${hostile}"]\n\`\`\`\n  a --> b`;
    return renderMarkdown(buildDocument(proposal));
  }

  it("cannot break a table", () => {
    const md = hostileMarkdown();
    for (const table of tables(md)) {
      const width = table[0]?.length ?? 0;
      for (const row of table) expect(row).toHaveLength(width);
    }
    const assumptions = parsedTables(md).find((t) => t.header[0]?.text === "Field");
    const row = assumptions?.rows.find((r) => r[0]?.text === "domain");
    expect(row).toHaveLength(3);
    expect(row?.[2]?.text).toBe("stated | by the user");
  });

  it("cannot close a code fence early", () => {
    const proposal = reportProposal();
    proposal.diagram.mermaid = `flowchart TB\n  a["${hostile}"]\n\`\`\`\n  a --> b`;
    const { code, unclosed } = splitFences(renderMarkdown(buildDocument(proposal)));
    expect(unclosed).toBe(false);
    expect(code).toContainEqual({ language: "mermaid", body: proposal.diagram.mermaid });
  });

  it("cannot inject HTML, emphasis, links or headings", () => {
    const md = hostileMarkdown();
    const html = marked.parse(md, { async: false });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("<strong>bold</strong>");
    expect(html).not.toContain('<a href="http://x">link</a>');
    expect(html).not.toContain("<em>under</em>");
    expect(html).not.toMatch(/<h1[^>]*>Not a heading/);
    expect(html.match(/<h1/g)).toHaveLength(1);
    const { prose } = splitFences(md);
    expect(prose.filter((l) => l.startsWith("# "))).toHaveLength(1);
  });
});

describe("any user text", () => {
  it("leaves every table well-formed and every fence closed", () => {
    const fragment = fc.oneof(
      fc.constantFrom("|", "\\|", "<script>", "<img src=x>", "**", "`", "```", "~~~", "\n", "# ", "\\", "_", "[x](y)", "&amp;", "- ", "1. ", "> "),
      fc.string({ unit: "binary", maxLength: 8 }),
    );
    const text = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, text, text, (domain, notes, name) => {
        const proposal = reportProposal();
        proposal.requirements.domain = domain;
        proposal.requirements.notes = notes;
        proposal.title = name;
        proposal.assumptions.push({ field: name, value: domain, reason: notes });
        const md = renderMarkdown(buildDocument(proposal));
        expect(splitFences(md).unclosed).toBe(false);
        const headings = splitFences(md).prose.filter((l) => l.startsWith("## "));
        expect(headings).toHaveLength(buildDocument(proposal).sections.length);
        for (const t of parsedTables(md)) for (const row of t.rows) expect(row).toHaveLength(t.header.length);
        expect(marked.parse(md, { async: false })).not.toMatch(/<(script|img|iframe)/i);
      }),
      { numRuns: 40 },
    );
  });
});
