import { describe, expect, it } from "vitest";
import { decodeState, encodeState, MAX_STATE_BYTES } from "../../src/state/codec.js";
import { StateTooLargeError } from "../../src/state/errors.js";
import { emptyThreadState } from "../../src/state/thread-state.js";
import type { ThreadState } from "../../src/state/types.js";

const now = new Date("2025-03-01T10:00:00.000Z");

/** A state whose JSON weighs exactly `bytes`, padded with one message. */
function stateOfSize(bytes: number): ThreadState {
  const padding = (n: number): ThreadState => ({
    ...emptyThreadState(now),
    messages: [{ type: "human", data: { content: "x".repeat(n), role: undefined, name: undefined, tool_call_id: undefined } }],
  });
  const overhead = Buffer.byteLength(JSON.stringify(padding(0)));
  return padding(bytes - overhead);
}

describe("emptyThreadState", () => {
  it("starts with nothing known and both times set to now", () => {
    expect(emptyThreadState(now)).toEqual({
      requirements: {},
      provenance: {},
      messages: [],
      droppedMessages: 0,
      versions: [],
      asked: [],
      turns: 0,
      createdAt: "2025-03-01T10:00:00.000Z",
      updatedAt: "2025-03-01T10:00:00.000Z",
    });
  });
});

describe("encodeState", () => {
  it("accepts exactly MAX_STATE_BYTES and refuses one byte more, counting UTF-8 bytes", () => {
    expect(Buffer.byteLength(encodeState(stateOfSize(MAX_STATE_BYTES)))).toBe(MAX_STATE_BYTES);
    expect(() => encodeState(stateOfSize(MAX_STATE_BYTES + 1))).toThrow(StateTooLargeError);
    // Fewer characters than the limit, but three bytes each.
    const wide = stateOfSize(MAX_STATE_BYTES / 2);
    const message = wide.messages[0]!;
    message.data.content = "€".repeat(MAX_STATE_BYTES / 2);
    expect(JSON.stringify(wide).length).toBeLessThan(MAX_STATE_BYTES);
    expect(() => encodeState(wide)).toThrow(/over the 1048576-byte limit/);
  });
});

describe("decodeState", () => {
  it("round-trips what encodeState wrote", () => {
    const state = { ...emptyThreadState(now), requirements: { dau: 5000, regions: ["eu"] }, provenance: { dau: 1 }, turns: 2 };
    expect(decodeState(encodeState(state))).toEqual({ ok: true, state });
  });

  it("explains why a value is unreadable instead of throwing", () => {
    expect(decodeState("")).toMatchObject({ ok: false, problem: expect.stringMatching(/^not JSON/) });
    expect(decodeState("[]")).toMatchObject({ ok: false, problem: expect.stringMatching(/^not a thread state/) });
    const badRequirement = { ...emptyThreadState(now), requirements: { dau: -3 } };
    expect(decodeState(JSON.stringify(badRequirement))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/requirements\.dau/),
    });
    const badMessage = { ...emptyThreadState(now), messages: [{ content: "no envelope" }] };
    expect(decodeState(JSON.stringify(badMessage))).toMatchObject({ ok: false, problem: expect.stringMatching(/messages\.0/) });
    const badAsked = { ...emptyThreadState(now), asked: ["favouriteColour"] };
    expect(decodeState(JSON.stringify(badAsked))).toMatchObject({ ok: false, problem: expect.stringMatching(/asked\.0/) });
  });
});
