import { describe, expect, it } from "vitest";
import { renderTable } from "../../../../src/adapters/discord/render/table.js";
import { plainInline } from "../../../../src/adapters/discord/render/inline.js";

const body = (block: string) => block.split("\n").slice(1, -1);

describe("renderTable", () => {
  it("aligns columns in a code block, numbers to the right", () => {
    const { block, omitted } = renderTable(["Item", "Monthly"], [["Load balancer", "$20"], ["Nodes", "$1,715"]], [false, true]);
    expect(block.startsWith("```\n") && block.endsWith("\n```")).toBe(true);
    expect(body(block)).toEqual(["Item           Monthly", "-------------  -------", "Load balancer      $20", "Nodes           $1,715"]);
    expect(omitted).toEqual([]);
  });

  it("keeps naming and short columns, leaves out long prose ones and says which", () => {
    const rows = [["1", "Database CPU", "high", "62%", "primary CPU above 70% for ten minutes at peak, with lock waits"]];
    const { block, omitted } = renderTable(["Rank", "Bottleneck", "Severity", "Utilisation", "Signal"], rows, [true, false, false, true, false]);
    expect(body(block)[0]).toBe("Rank  Bottleneck    Severity  Utilisation");
    expect(block).not.toContain("lock waits");
    expect(omitted).toEqual(["Signal"]);
  });

  it("shows cells as plain text (no Markdown marks inside a code block) and no line is wider than the layout", () => {
    const { block } = renderTable(["Setting", "Value"], [["**`max_connections`**", "\\~200 \\_x\\_"], ["a".repeat(60), "1"]], [false, false]);
    expect(block).toContain("max_connections");
    expect(block).toContain("~200 _x_");
    expect(block).not.toContain("**");
    for (const line of body(block)) expect(Array.from(line).length).toBeLessThanOrEqual(72);
  });
});

describe("plainInline", () => {
  it("drops bold, italic and code marks and resolves escapes, leaving words with underscores alone", () => {
    expect(plainInline("**Total:** `a``b` and _note_ for max_connections \\*x\\*")).toBe("Total: a``b and note for max_connections *x*");
  });
});
