import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

/**
 * The console as a person sees it: Archie runs in a real pseudo-terminal (tmux, 100 × 50), a
 * request is typed, and what is on the screen is checked. tmux runs on a socket of its own, so
 * the server this starts is the only one it stops.
 */

const COLUMNS = 100;
const ROWS = 50;
const ROOT = resolve(import.meta.dirname, "../../..");
const socket = `archie-test-${randomUUID().slice(0, 8)}`;

const tmux = (...args: string[]) => execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });

/** The visible screen, wrapped lines joined back (-J), so a line wider than the terminal shows as one. */
const screen = (...flags: string[]) => tmux("capture-pane", "-p", "-J", ...flags, "-t", "archie");

async function waitFor(check: (text: string) => boolean, what: string, timeoutMs = 60_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const text = screen();
    if (check(text)) return text;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; the screen shows:\n${text}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function type(text: string): void {
  tmux("send-keys", "-t", "archie", "-l", text);
  tmux("send-keys", "-t", "archie", "Enter");
}

/** Markers of Markdown shown as typed: bold, escapes, underscore emphasis, headings, table pipes. */
const RAW_MARKDOWN = /\*\*|\\[~_*`[\]#]|(^|\s)_[^_\s][^_\n]*_(?![\p{L}\p{N}])|^#{1,6} |^\|.*\|$/mu;

afterEach(() => {
  try {
    tmux("kill-server");
  } catch {
    // Already gone: the console exited with its session.
  }
});

describe("the console in a terminal", () => {
  it("shows the brief on one screen, styled, no line wider than the terminal, and parts on request", async () => {
    const out = mkdtempSync(join(tmpdir(), "archie-tty-"));
    const command = `cd ${JSON.stringify(ROOT)} && exec env -u SLACK_BOT_TOKEN -u DISCORD_TOKEN -u REDIS_URL ARCHIE_MODEL=offline node_modules/.bin/tsx src/cli.ts --out ${JSON.stringify(out)}`;
    tmux("new-session", "-d", "-s", "archie", "-x", String(COLUMNS), "-y", String(ROWS), command);
    await waitFor((text) => text.includes("you>"), "the prompt");

    type("Design a food-delivery app for 50k DAU in the EU, growing 20%/mo, budget €4k/month, GDPR, go");
    const brief = await waitFor((text) => /Next: .*start over/.test(text), "the brief");
    const lines = brief.split("\n");
    // The whole brief is on the screen at once: its title, figures, limits, assumptions and the folder.
    for (const expected of [/^Architecture for food-delivery app \(v1\)$/, /^Peak traffic: /, /^Monthly cost: €[\d,]+\/month, (within|over) the €4,000\/month budget/, /^First limits$/, /^Assumed$/, /^Full proposal and files: /]) {
      expect(lines.some((line) => expected.test(line)), String(expected)).toBe(true);
    }
    expect(brief).not.toMatch(RAW_MARKDOWN);
    expect(Math.max(...lines.map((line) => [...line].length))).toBeLessThanOrEqual(COLUMNS);
    // A terminal gets styling: the heading is bold and underlined.
    // tmux re-encodes the attributes it keeps; bold (1) and underline (4) must be among them.
    const styled = screen("-e").split("\n").find((line) => line.includes("Architecture for food-delivery app (v1)")) ?? "";
    // eslint-disable-next-line no-control-regex -- reading the escapes is the point
    const attributes = [...styled.matchAll(/\u001b\[([\d;]*)m/g)].flatMap((m) => (m[1] ?? "").split(";"));
    expect(attributes).toEqual(expect.arrayContaining(["1", "4"]));

    type("show costs");
    const costs = await waitFor((text) => /Next: “show the roadmap” · “show components”/.test(text), "the costs");
    expect(costs).toMatch(/^Verdict: (within|over) the €4,000\/month budget/m);
    expect(costs).not.toMatch(RAW_MARKDOWN);
    expect(Math.max(...costs.split("\n").map((line) => [...line].length))).toBeLessThanOrEqual(COLUMNS);
    type("exit");
  }, 120_000);
});
