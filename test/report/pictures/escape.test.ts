import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wrapWords } from "../../../src/report/pictures/escape.js";

describe("wrapWords", () => {
  it("keeps every word in order and breaks only where a line would overflow", () => {
    const words = fc.array(fc.stringMatching(/^[a-z0-9@%.]{1,12}$/), { maxLength: 20 });
    fc.assert(
      fc.property(words, fc.integer({ min: 8, max: 40 }), (list, width) => {
        const lines = wrapWords(list.join(" "), width);
        expect(lines.join(" ").split(" ").filter((w) => w.length > 0)).toEqual(list);
        lines.forEach((line, i) => {
          // Only a single word longer than the width may overflow.
          if (line.includes(" ")) expect(line.length).toBeLessThanOrEqual(width);
          const next = lines[i + 1]?.split(" ")[0];
          // A break is only taken when the next word would not have fitted.
          if (next !== undefined) expect(line.length + 1 + next.length).toBeGreaterThan(width);
        });
      }),
    );
  });

  it("puts a word longer than the width on its own line", () => {
    expect(wrapWords("db.r7g.16xlarge-with-a-long-suffix x", 10)).toEqual(["db.r7g.16xlarge-with-a-long-suffix", "x"]);
  });
});
