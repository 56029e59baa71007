import { describe, expect, it } from "vitest";
import { allMatches } from "../../src/planner/parse/matches.js";

const positions = (matches: Iterable<RegExpExecArray>) => [...matches].map((m) => [m.index, m[0]]);

describe("allMatches", () => {
  it.each([
    [/\d+k?/gu, "50k DAU, 800 rps and 2 regions"],
    [/(?<n>\d+)(?<unit>ms)?/gdu, "p95 200ms, 3 zones"],
    // Empty matches step one code point, so an emoji is never split.
    [/x*/gu, "a😀xxb"],
    [/x*/g, "a😀xxb"],
    [/nothing/gu, "no match here"],
  ])("finds what matchAll finds for %s", (pattern, text) => {
    expect(positions(allMatches(pattern, text))).toEqual(positions(text.matchAll(pattern)));
    expect(pattern.lastIndex).toBe(0);
  });

  it("refuses a regex without the global flag, as matchAll does", () => {
    expect(() => allMatches(/a/u, "a")).toThrow(TypeError);
  });
});
