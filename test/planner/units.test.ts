import { describe, expect, it } from "vitest";
import { ceilCount, formatNumber, roundRate } from "../../src/planner/units.js";

describe("units", () => {
  it.each([
    [0, 0, "0"],
    [1234.5678, 2, "1,234.57"],
    [999.999, 2, "1,000"],
    [12_345_678.9, 0, "12,345,679"],
    [2.5, 2, "2.5"],
    [-1500, 0, "-1,500"],
    [-0.001, 2, "0"],
  ])("formatNumber(%d, %d) = %s", (value, digits, expected) => {
    expect(formatNumber(value, digits)).toBe(expected);
  });

  it("rounds rates without losing tiny loads", () => {
    expect(roundRate(1157.4074)).toBe(1157.41);
    expect(roundRate(0.012345)).toBe(0.0123);
    expect(roundRate(0)).toBe(0);
  });

  it("counts up through float noise but not past real fractions", () => {
    expect(ceilCount(3.0000000000004)).toBe(3);
    expect(ceilCount(3.01)).toBe(4);
  });
});
