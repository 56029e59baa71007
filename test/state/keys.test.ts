import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertThreadKey, threadKeyString } from "../../src/state/keys.js";
import type { Platform, ThreadKey } from "../../src/state/types.js";

const platform = fc.constantFrom<Platform>("slack", "discord", "console");
const part = fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom("a", ":", "%", "3", "A", "b") });
const threadKey = fc.record({ platform, workspace: part, channel: part, thread: part });

describe("threadKeyString", () => {
  it("names a Slack thread readably", () => {
    expect(threadKeyString({ platform: "slack", workspace: "T024BE7LD", channel: "C0ARCHIE", thread: "1712345678.000100" })).toBe(
      "slack:T024BE7LD:C0ARCHIE:1712345678.000100",
    );
  });

  it("gives different threads different names, whatever their ids contain", () => {
    fc.assert(
      fc.property(threadKey, threadKey, (a: ThreadKey, b: ThreadKey) => {
        const same = a.platform === b.platform && a.workspace === b.workspace && a.channel === b.channel && a.thread === b.thread;
        expect(threadKeyString(a) === threadKeyString(b)).toBe(same);
      }),
      { numRuns: 2000 },
    );
  });

  it("always has exactly four parts", () => {
    fc.assert(
      fc.property(threadKey, (key) => {
        expect(threadKeyString(key).split(":")).toHaveLength(4);
      }),
    );
  });
});

describe("assertThreadKey", () => {
  it("names the missing part", () => {
    expect(() => assertThreadKey({ platform: "slack", workspace: "T1", channel: "", thread: "1" })).toThrow(
      'thread key channel must be a non-empty string, got ""',
    );
    const untyped = JSON.parse('{"platform":"slack","workspace":"T1","channel":"C1"}') as ThreadKey;
    expect(() => assertThreadKey(untyped)).toThrow("thread key thread must be a non-empty string, got undefined");
  });
});
