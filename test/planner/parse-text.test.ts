import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_REQUEST_CHARS, checkRequestText } from "../../src/planner/parse/index.js";

function rejection(text: string): string {
  const result = checkRequestText(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text.slice(0, 40))} to be rejected`);
  return result.message;
}

describe("checkRequestText", () => {
  it.each(["", "   ", "\n\t  \n"])("rejects empty text %j", (text) => {
    expect(rejection(text)).toMatch(/empty/);
  });

  it("rejects 1 MB of text and names the limit", () => {
    const message = rejection("design a shop ".repeat(75_000));
    expect(message).toContain("20,000 characters");
  });

  it("accepts text exactly at the limit", () => {
    expect(checkRequestText("a".repeat(MAX_REQUEST_CHARS)).ok).toBe(true);
  });

  it("rejects random bytes containing NUL", () => {
    const bytes = randomBytes(4096);
    bytes[100] = 0;
    expect(rejection(bytes.toString("latin1"))).toMatch(/binary/);
  });

  it("rejects text that is mostly control or replacement characters", () => {
    expect(rejection("\uFFFD\uFFFD\u0001\u0002\u0003design\u0004\u0005\u0006\u0007\u0008")).toMatch(/unreadable/);
  });

  it("rejects emoji-only text", () => {
    expect(rejection("🚀🔥🙂")).toMatch(/no words or numbers/);
  });

  it("normalises whitespace and compatibility characters", () => {
    expect(checkRequestText("  design\u00A0a\u3000shop  for ５０ｋ   DAU\n\n ")).toEqual({ ok: true, text: "design a shop for 50k DAU" });
  });

  it("keeps text with a stray control character", () => {
    expect(checkRequestText("design a shop\u0007 for 50k DAU please, with a long enough sentence")).toEqual({
      ok: true,
      text: "design a shop for 50k DAU please, with a long enough sentence",
    });
  });
});
