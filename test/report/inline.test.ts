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

  it("escapes a leading number only where it would start a list item", () => {
    expect(escapeInline("99.95% of requests")).toBe("99.95% of requests");
    expect(escapeInline("1.5 GB")).toBe("1.5 GB");
    expect(escapeInline("2) x")).toBe("2\\) x");
    expect(escapeInline("10.")).toBe("10\\.");
    expect(escapeInline("~0.1 LCU")).toBe("\\~0.1 LCU");
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

describe("escapeInline's fast path", () => {
  it.each(["plain label", "  padded ", "two  spaces", "tab\there", "line\nbreak", "ctrl\u0007char", "# heading", "1. item", "a_b_", "x < y", "<b>", "&amp;", "`code`", "*star*", "[link]", "~strike~", "99.95% of requests", "10.", "2) x", " 3. padded"])(
    "gives the same result as escaping every time: %j",
    (text) => {
      const slow = text
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f]+/g, " ")
        .replace(/ {2,}/g, " ")
        .trim()
        .replace(/[\\`*[\]~]/g, (c) => `\\${c}`)
        .replace(/&(?=[#A-Za-z0-9]+;)/g, "\\&")
        .replace(/<(?=[A-Za-z/!?])/g, "\\<")
        .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, "\\_")
        .replace(/^([#>+-])/, "\\$1")
        .replace(/^(\d+)([.)])(?=\s|$)/, "$1\\$2");
      expect(escapeInline(text)).toBe(slow);
    },
  );
});
