import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import type { Turn } from "../../src/agent/types.js";
import { createMemoryLimits, createRedisLimits, DEFAULT_LIMIT_SETTINGS, type AbuseLimits, type LimitSettings } from "../../src/limits/index.js";
import { deletePrefix, REDIS_URL, testPrefix } from "../state/redis-helpers.js";

const turn = (user: string, thread: string, workspace = "T1", text = "hello"): Turn => ({ key: { platform: "slack", workspace, channel: "C", thread }, user, text });
const settings: LimitSettings = { ...DEFAULT_LIMIT_SETTINGS, userPerWindow: 3, workspacePerWindow: 5, maxActiveThreads: 2, maxMessageChars: 50 };

/** The same contract for both implementations: one clock, moved by the test. */
const implementations: [string, (now: () => number) => { limits: AbuseLimits; cleanup: () => Promise<void> }][] = [
  ["memory", (now) => ({ limits: createMemoryLimits(settings, now), cleanup: async () => undefined })],
  [
    "redis",
    (now) => {
      const keyPrefix = testPrefix();
      const limits = createRedisLimits(settings, { url: REDIS_URL, keyPrefix, now });
      return {
        limits,
        cleanup: async () => {
          await limits.close();
          const admin = new Redis(REDIS_URL);
          await deletePrefix(admin, keyPrefix);
          admin.disconnect();
        },
      };
    },
  ],
];

describe.each(implementations)("abuse limits (%s)", (_name, make) => {
  let clock = 1_000_000_000_000;
  const now = () => clock;
  let made: ReturnType<typeof make>;
  afterEach(() => made.cleanup());

  it("lets a user send their quota per window, refuses the rest (telling them once) and resets next window", async () => {
    made = make(now);
    const decisions = [];
    for (let i = 0; i < 5; i += 1) decisions.push(await made.limits.check(turn("U1", "t1")));
    expect(decisions.map((d) => d.ok)).toEqual([true, true, true, false, false]);
    expect(decisions.slice(3).map((d) => (d.ok ? undefined : [d.reason, d.notify]))).toEqual([["user-rate", true], ["user-rate", false]]);
    expect((await made.limits.check(turn("U2", "t1"))).ok).toBe(true);
    clock += settings.windowSeconds * 1000;
    expect((await made.limits.check(turn("U1", "t1"))).ok).toBe(true);
  });

  it("caps a whole workspace, and other workspaces are unaffected", async () => {
    made = make(now);
    for (let i = 0; i < 5; i += 1) expect((await made.limits.check(turn(`U${i}`, "t1"))).ok).toBe(true);
    const refused = await made.limits.check(turn("U9", "t1"));
    expect(refused).toMatchObject({ ok: false, reason: "workspace-rate", message: "This workspace is sending me more than 5 messages in a minute, my limit for one workspace. Try again shortly." });
    expect((await made.limits.check(turn("U9", "t1", "T2"))).ok).toBe(true);
  });

  it("caps active threads per workspace; an active thread goes on, and a quiet one frees its place", async () => {
    made = make(now);
    expect((await made.limits.check(turn("U1", "a"))).ok).toBe(true);
    expect((await made.limits.check(turn("U2", "b"))).ok).toBe(true);
    expect(await made.limits.check(turn("U3", "c"))).toMatchObject({ ok: false, reason: "active-threads" });
    clock += 1;
    expect((await made.limits.check(turn("U3", "a"))).ok).toBe(true);
    clock += settings.activeThreadSeconds * 1000;
    expect((await made.limits.check(turn("U4", "c"))).ok).toBe(true);
  });

  it("refuses a message over the size limit with the conversation's wording", async () => {
    made = make(now);
    expect(await made.limits.check(turn("U1", "t", "T1", "x".repeat(51)))).toMatchObject({ ok: false, reason: "message-size", message: expect.stringMatching(/^That message is 51 characters; I read at most 50 per message\./) });
  });
});
