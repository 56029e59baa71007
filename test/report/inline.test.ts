import { describe, expect, it } from "vitest";
import { codeSpan, escapeInline } from "../../src/report/index.js";

describe("escapeInline", () => {
  it("leaves ordinary technical text readable", () => {
    expect(escapeInline("p95 < 300 ms, max_connections = 400, CPU > 80%")).toBe("p95 < 300 ms, max_connections = 400, CPU > 80%");
    expect(escapeInline("99.9% over 30 days")).toBe("99.9% over 30 days");
  });

  it("escapes what would become markup", () => {
    expect(escapeInline("**bold** _it_ `code` [a](b) <b>x</b> &amp;")).toBe(
      "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\[a\\](b) \\<b>x\\</b> \\&amp;",
    );
    expect(escapeInline("# heading")).toBe("\\# heading");
    expect(escapeInline("- item")).toBe("\\- item");
    expect(escapeInline("1. item")).toBe("1\\. item");
    expect(escapeInline("a\\b")).toBe("a\\\\b");
  });

  it("keeps text on one line", () => {
    expect(escapeInline("one\ntwo\r\n\tthree")).toBe("one two three");
  });
});

describe("codeSpan", () => {
  it("fences with more backticks than the text holds", () => {
    expect(codeSpan("allkeys-lru")).toBe("`allkeys-lru`");
    expect(codeSpan("a `b` c")).toBe("``a `b` c``");
    expect(codeSpan("`x`")).toBe("`` `x` ``");
  });
});
