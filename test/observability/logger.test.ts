import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/observability/logger.js";

function capture(secrets: string[]) {
  const lines: string[] = [];
  const log = createLogger({ secrets, destination: { write: (line: string) => void lines.push(line) } });
  return { log, output: () => lines.join("") };
}

describe("logs", () => {
  const token = "xoxb-1111111111-2222222222-abcdefghijklmnopqrstuvwx";

  it("never print a configured token: not in fields, headers, messages or errors", () => {
    const { log, output } = capture([token, "redis-password-42"]);
    log.info({ token, headers: { authorization: `Bearer ${token}` }, client: { botToken: token } }, `posting with ${token}`);
    log.warn({ url: "redis://:redis-password-42@10.0.0.1:6379" }, "reconnecting");
    log.error({ err: new Error(`call failed: invalid_auth for ${token}`) }, "slack call failed");
    log.info({ note: JSON.stringify({ nested: token }) }, "escaped inside a string");
    const text = output();
    expect(text).not.toContain(token);
    expect(text).not.toContain("redis-password-42");
    expect(text).toContain("[redacted]");
    // Every line is still JSON a collector can read.
    for (const line of text.trim().split("\n")) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });

  it("masks a Slack-shaped token nobody configured, and secret-named fields whatever their value", () => {
    const { log, output } = capture([]);
    log.info({ signingSecret: "abc", "x-slack-signature": "v0=abc", password: "p" }, "oops xapp-1-A0000000-123456789-deadbeef leaked");
    const line = JSON.parse(output()) as Record<string, unknown>;
    expect(line).toMatchObject({ signingSecret: "[redacted]", "x-slack-signature": "[redacted]", password: "[redacted]", msg: "oops [redacted] leaked" });
  });
});
