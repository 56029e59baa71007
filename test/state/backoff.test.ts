import { describe, expect, it } from "vitest";
import { lockRetryDelayMs } from "../../src/state/backoff.js";

describe("lockRetryDelayMs", () => {
  it("doubles from 5 ms to a 100 ms ceiling, randomising the upper half", () => {
    expect([0, 1, 2, 3, 4, 5, 50].map((n) => lockRetryDelayMs(n, () => 1))).toEqual([5, 10, 20, 40, 80, 100, 100]);
    expect([0, 1, 5].map((n) => lockRetryDelayMs(n, () => 0))).toEqual([2.5, 5, 50]);
  });
});
