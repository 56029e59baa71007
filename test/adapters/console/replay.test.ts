import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { replayTranscript, splitTranscript, TranscriptError } from "../../../src/adapters/console/replay.js";

const OFFLINE = { model: { provider: "offline" as const }, turns: "inline" as const };

const TRANSCRIPT = `We're building a food-delivery app for one city
---
budget is about $3k a month
---
50k
---
use MySQL
---
export
`;

describe("transcript replay", () => {
  it("splits messages on lines holding only ---", () => {
    expect(splitTranscript("a\n---\nb\r\n---  \nc\n\n---\n")).toEqual(["a", "b", "c"]);
  });

  it("prints >>> archie before each reply, in order, as Markdown", async () => {
    const out = await replayTranscript(TRANSCRIPT, OFFLINE);
    const replies = out.split(/^>>> archie$/m).slice(1);
    expect(replies).toHaveLength(5);
    expect(replies[0]).toMatch(/1\. How much traffic/);
    expect(replies[2]).toMatch(/^#+ /m);
    // The whole proposal, not its brief: tooling reads every section from the transcript.
    for (const heading of ["## Capacity", "## Components", "## Cost", "## Roadmap: 10x", "## Runbook"]) expect(replies[2]).toContain(heading);
    expect(replies[3]).toMatch(/\*\*What changed in v2\*\*/);
    expect(replies[4]).toMatch(/\*\*Files for v2\*\*/);
    expect(replies[4]).toMatch(/^```/m);
  });

  it("is deterministic and reads files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "archie-replay-"));
    const path = join(dir, "t.txt");
    writeFileSync(path, TRANSCRIPT);
    expect(await replayTranscript(path, OFFLINE)).toBe(await replayTranscript(TRANSCRIPT, OFFLINE));
  });

  it("explains a missing or empty transcript", async () => {
    await expect(replayTranscript("/nonexistent/transcript.txt", OFFLINE)).rejects.toThrow(TranscriptError);
    await expect(replayTranscript("\n---\n", OFFLINE)).rejects.toThrow(/no messages/);
  });
});
