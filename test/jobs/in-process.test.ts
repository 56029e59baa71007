import { describe, expect, it } from "vitest";
import { createConversation } from "../../src/agent/conversation.js";
import { createInProcessQueue } from "../../src/jobs/in-process.js";
import { createKeyedScheduler } from "../../src/jobs/keyed-scheduler.js";
import { JOB_FAILED } from "../../src/jobs/messages.js";
import { createMemoryLimits, DEFAULT_LIMIT_SETTINGS } from "../../src/limits/index.js";
import { createMemoryStore } from "../../src/state/index.js";
import { echoService, recordingSink, turnOf } from "./support.js";

describe("the keyed scheduler", () => {
  it("runs one key's tasks in order, other keys in parallel, never above the concurrency", async () => {
    const scheduler = createKeyedScheduler(2);
    const order: string[] = [];
    let running = 0;
    let peak = 0;
    for (let i = 0; i < 12; i += 1) {
      scheduler.add(`k${i % 3}`, async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        order.push(`k${i % 3}:${i}`);
        running -= 1;
      });
    }
    await scheduler.idle();
    expect(peak).toBe(2);
    for (const key of ["k0", "k1", "k2"]) expect(order.filter((o) => o.startsWith(`${key}:`))).toEqual([0, 1, 2, 3].map((n) => `${key}:${n * 3 + Number(key.slice(1))}`));
  });
});

describe("the in-process queue", () => {
  it("answers every turn once, each thread in order, and ignores a repeated event", async () => {
    const sink = recordingSink();
    const queue = createInProcessQueue(echoService(() => Math.random() * 4), sink, { concurrency: 3 });
    const expected = new Map<string, string[]>();
    for (let i = 0; i < 20; i += 1) {
      const thread = `t${i % 3}`;
      expected.set(thread, [...(expected.get(thread) ?? []), `re: m${i}`]);
      expect(await queue.enqueue(turnOf(thread, `m${i}`, `Ev${i}`), {})).toEqual({ accepted: true, duplicate: false });
    }
    expect(await queue.enqueue(turnOf("t0", "m0", "Ev0"), {})).toEqual({ accepted: false, duplicate: true });
    await queue.drain();
    expect(sink.delivered).toHaveLength(20);
    for (const [thread, texts] of expected) expect(sink.delivered.filter((d) => d.thread === thread).map((d) => d.text)).toEqual(texts);
    await queue.close();
  });

  it("retries a failing delivery, then tells the user once", async () => {
    const sink = recordingSink({ failDeliveries: true });
    const service = echoService();
    const queue = createInProcessQueue(service, sink, { attempts: 3, backoffMs: 1 });
    await queue.enqueue(turnOf("t1", "hello", "EvF"), {});
    await queue.drain();
    expect(service.calls).toHaveLength(3);
    expect(sink.failures).toEqual([{ thread: "t1", message: JOB_FAILED, deliveryId: "slack.EvF" }]);
  });

  it("answers a retried turn: the service's own dedup does not swallow the retry of an event deduplicated at intake", async () => {
    const sink = recordingSink();
    let failures = 1;
    const flaky = { ...sink, deliver: async (...args: Parameters<typeof sink.deliver>) => (failures-- > 0 ? Promise.reject(new Error("platform said 503")) : sink.deliver(...args)) };
    const queue = createInProcessQueue(createConversation({ store: createMemoryStore() }), flaky, { backoffMs: 1 });
    await queue.enqueue(turnOf("t1", "We're building a food-delivery app for one city", "EvReal"), {});
    await queue.drain();
    expect(sink.delivered.length).toBeGreaterThan(0);
    expect(sink.failures).toEqual([]);
  });

  it("answers a user over the rate limit with one friendly sentence per window", async () => {
    const sink = recordingSink();
    const service = echoService();
    const limits = createMemoryLimits({ ...DEFAULT_LIMIT_SETTINGS, userPerWindow: 2 });
    const queue = createInProcessQueue(service, sink, { limits });
    const results = [];
    for (let i = 0; i < 5; i += 1) results.push(await queue.enqueue(turnOf("t1", `m${i}`, `EvL${i}`), {}));
    await queue.drain();
    expect(results.map((r) => r.accepted)).toEqual([true, true, false, false, false]);
    expect(results[2]?.refusal).toMatch(/^You're sending messages faster than I can design — I take up to 2 from one person in a minute\./);
    expect(service.calls.map((t) => t.text)).toEqual(["m0", "m1"]);
    expect(sink.delivered.map((d) => d.text)).toEqual(["re: m0", "re: m1", results[2]?.refusal]);
  });
});
