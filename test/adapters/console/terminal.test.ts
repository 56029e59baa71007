import { describe, expect, it } from "vitest";
import { renderInline } from "../../../src/adapters/console/terminal/inline.js";
import { widthOf } from "../../../src/adapters/console/terminal/layout.js";
import { createStyle } from "../../../src/adapters/console/terminal/style.js";
import { renderTable } from "../../../src/adapters/console/terminal/table.js";

const plain = createStyle(false);
const styled = createStyle(true);

describe("inline text in a terminal", () => {
  it.each([
    ["**Changes**", "Changes"],
    ["_50k DAU_", "50k DAU"],
    ["\\~3.3 LCU", "~3.3 LCU"],
    ["`max_connections` stays", "max_connections stays"],
    ["`` a`b ``", "a`b"],
    ["keep snake_case and p95 < 300 ms", "keep snake_case and p95 < 300 ms"],
    ["an unclosed ** stays", "an unclosed ** stays"],
    ["_(This thread is long)_", "(This thread is long)"],
  ])("%s reads %s", (markdown, shown) => {
    expect(renderInline(markdown, plain)).toBe(shown);
  });

  it("styles emphasis with escape codes only when styling is on", () => {
    expect(renderInline("**Total**", styled)).toBe("\u001b[1mTotal\u001b[22m");
    expect(renderInline("`k6`", styled)).toBe("\u001b[36mk6\u001b[39m");
  });
});

describe("tables fitted to the terminal", () => {
  const table = {
    columns: ["Item", "Basis", "Monthly"],
    rows: [
      ["Load balancer", "1 × 730 h × ($0.0225 + 3.33 LCU × $0.008) = $41.28, converted at 0.86 EUR/USD", "€36"],
      ["PostgreSQL primary", "2 × db.r6g.large × 730 h × $0.225/h", "€325"],
    ],
    numeric: [false, false, true],
  };

  it("aligns columns when they fit, numbers to the right", () => {
    const lines = renderTable(table, 140, plain);
    expect(lines[0]).toMatch(/^Item\s+Basis\s+Monthly$/);
    expect(lines[2]?.endsWith(" €36")).toBe(true);
    expect(lines).toHaveLength(4);
  });

  it("wraps cells when the widest columns can narrow enough", () => {
    const lines = renderTable(table, 60, plain);
    expect(Math.max(...lines.map(widthOf))).toBeLessThanOrEqual(60);
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.join("\n")).toContain("€325");
  });

  it("lists rows as entries when even narrowed columns cannot fit", () => {
    const lines = renderTable(table, 20, styled);
    expect(Math.max(...lines.map(widthOf))).toBeLessThanOrEqual(20);
    expect(lines[0]).toContain("Load balancer");
    expect(lines.some((line) => line.includes("Monthly:"))).toBe(true);
  });
});
