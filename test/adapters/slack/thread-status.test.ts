import type { webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { createThreadStatus, STARTED_STATUS } from "../../../src/adapters/slack/thread-status.js";

/** The pane's status calls: one at a time per thread, the latest wanted status next, a clear never overtaken. */

function slowClient() {
  const sent: string[] = [];
  const pending: (() => void)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const client = {
    assistant: {
      threads: {
        setStatus: (args: { status: string }) => {
          sent.push(args.status);
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          return new Promise<void>((resolve) =>
            pending.push(() => {
              inFlight -= 1;
              resolve();
            }),
          );
        },
        setTitle: () => Promise.reject(Object.assign(new Error("refused"), { data: { error: "missing_scope" } })),
      },
    },
  } as unknown as webApi.WebClient;
  const release = async () => {
    pending.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { client, sent, release, maxInFlight: () => maxInFlight };
}

const thread = { channel: "D0DM00001", thread: "1770000000.000001" };

describe("the AI-app thread status", () => {
  it("sends one call at a time, skips to the latest wanted status, and clears after everything before it", async () => {
    const slack = slowClient();
    const status = createThreadStatus(slack.client, () => undefined);
    status.show(thread, { kind: "started" });
    status.show(thread, { kind: "tool", tool: "update_requirements" });
    status.show(thread, { kind: "tool", tool: "design" });
    expect(slack.sent).toEqual([STARTED_STATUS]);
    await slack.release();
    expect(slack.sent).toEqual([STARTED_STATUS, "is sizing the components and pricing them…"]);
    let cleared = false;
    const clearing = status.clear(thread).then(() => {
      cleared = true;
    });
    await slack.release();
    expect(slack.sent.at(-1)).toBe("");
    expect(cleared).toBe(false);
    await slack.release();
    await clearing;
    expect(slack.maxInFlight()).toBe(1);
  });

  it("logs a refused title instead of failing the reply", async () => {
    const slack = slowClient();
    const logs: string[] = [];
    await createThreadStatus(slack.client, (line) => logs.push(line)).title(thread, "Architecture for marketplace");
    expect(logs).toEqual(["could not set the thread title: missing_scope"]);
  });
});
