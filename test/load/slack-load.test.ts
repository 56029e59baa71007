import { describe, expect, it } from "vitest";
import { runLoad } from "../../bench/slack-load.js";

/** The load bench, small: two web processes and two workers, 40 events over 10 threads. */
describe("Slack in production shape (2 web + 2 worker processes, one Redis)", () => {
  it("answers every event exactly once", async () => {
    const figures = await runLoad({ ratePerSecond: 20, durationSeconds: 2, threads: 10, drainTimeoutMs: 20_000 });
    expect(figures).toMatchObject({ events: 40, "acks not 200": 0, "replies lost": 0, "replies duplicated": 0, "Slack API violations": 0 });
  }, 60_000);
});
