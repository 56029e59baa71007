import fc from "fast-check";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { encodePng } from "../../../src/report/pictures/png-encode.js";

describe("encodePng", () => {
  it("writes PNGs that a standard decoder reads back pixel for pixel", () => {
    const image = fc
      .record({ width: fc.integer({ min: 1, max: 40 }), height: fc.integer({ min: 1, max: 40 }) })
      .chain(({ width, height }) =>
        fc.uint8Array({ minLength: width * height * 4, maxLength: width * height * 4 }).map((rgba) => ({ width, height, rgba })),
      );
    fc.assert(
      fc.property(image, ({ width, height, rgba }) => {
        // pngjs checks every chunk's CRC and the zlib stream as it decodes.
        const decoded = PNG.sync.read(Buffer.from(encodePng(rgba, width, height)));
        expect([decoded.width, decoded.height]).toEqual([width, height]);
        expect(new Uint8Array(decoded.data)).toEqual(rgba);
      }),
      { numRuns: 50 },
    );
  });

  it("refuses pixel data that does not match the size", () => {
    expect(() => encodePng(new Uint8Array(15), 2, 2)).toThrow(/expected 16 bytes/);
  });
});
