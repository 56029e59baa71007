import { describe, expect, it } from "vitest";
import {
  formatAvailability,
  formatCount,
  formatFactor,
  formatGb,
  formatMinutes,
  formatMoney,
  formatMonthly,
  formatMonthsFromNow,
  formatNumber,
  formatPercent,
  formatRps,
} from "../../src/report/index.js";

describe("formatters", () => {
  it("prints money with the currency's symbol and thousands separators", () => {
    expect(formatMoney(12_345.6, "EUR")).toBe("€12,346");
    expect(formatMoney(1_234_567, "USD")).toBe("$1,234,567");
    expect(formatMoney(67.16, "GBP")).toBe("£67");
    expect(formatMoney(4.5, "EUR")).toBe("€4.50");
    expect(formatMoney(0.0311, "EUR")).toBe("€0.031");
    expect(formatMoney(0, "USD")).toBe("$0");
    expect(formatMoney(-1500, "EUR")).toBe("-€1,500");
    expect(formatMonthly(5000, "EUR")).toBe("€5,000/month");
  });

  it("rounds halves away from zero and groups the digits the rounding produces", () => {
    expect(formatCount(2.5)).toBe("3");
    expect(formatCount(999.5)).toBe("1,000");
    expect(formatCount(1_234_567.5)).toBe("1,234,568");
    expect(formatCount(-1500.5)).toBe("-1,501");
    expect(formatCount(-0.4)).toBe("0");
    expect(formatCount(1e21)).toBe("1e+21");
    expect(formatMoney(999.5, "USD")).toBe("$1,000");
    expect(formatMoney(9.999, "GBP")).toBe("£10.00");
    expect(formatMoney(-0, "EUR")).toBe("€0");
    expect(formatMoney(-0.004, "USD")).toBe("-$0.004");
    expect(formatNumber(99.96)).toBe("100");
    expect(formatGb(999_960)).toBe("1,000 TB");
  });

  it("prints traffic, sizes and multiples", () => {
    expect(formatRps(168_000)).toBe("168,000 RPS");
    expect(formatRps(2.5)).toBe("2.5 RPS");
    expect(formatRps(0.04)).toBe("0.04 RPS");
    expect(formatNumber(1_088_640_000)).toBe("1,088,640,000");
    expect(formatGb(250)).toBe("250 GB");
    expect(formatGb(1450)).toBe("1.4 TB");
    expect(formatGb(12_000)).toBe("12 TB");
    expect(formatFactor(6)).toBe("×6");
    expect(formatFactor(1.25)).toBe("×1.3");
  });

  it("prints fractions as percentages with precision where it matters", () => {
    expect(formatPercent(0.734)).toBe("73%");
    expect(formatPercent(0.055)).toBe("5.5%");
    expect(formatPercent(0.005)).toBe("0.5%");
    expect(formatPercent(0.0005)).toBe("0.05%");
    expect(formatPercent(1)).toBe("100%");
  });

  it("never rounds an availability up to a target it misses", () => {
    expect(formatAvailability(99.9)).toBe("99.9%");
    expect(formatAvailability(99.8996)).toBe("99.899%");
    expect(formatAvailability(99.95)).toBe("99.95%");
  });

  it("prints durations and the time until a phase", () => {
    expect(formatMinutes(45)).toBe("45 min");
    expect(formatMinutes(120)).toBe("2 h");
    expect(formatMinutes(90)).toBe("1 h 30 min");
    expect(formatMonthsFromNow(16.47)).toBe("in about 16.5 months");
    expect(formatMonthsFromNow(undefined)).toBe("not projected (no growth rate)");
  });
});
