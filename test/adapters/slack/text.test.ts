import { describe, expect, it } from "vitest";
import { parseSlackConfig } from "../../../src/settings/slack.js";
import { decodeSlackText, escapeMrkdwn, inlineToMrkdwn, markdownToMrkdwn, stripBotMention } from "../../../src/adapters/slack/text.js";
import { codeSpan, escapeInline } from "../../../src/report/inline.js";

describe("Slack text", () => {
  it("decodes Slack's encoding into the words a person typed", () => {
    expect(decodeSlackText("budget &lt; $5k &amp; p95 &gt; 200ms")).toBe("budget < $5k & p95 > 200ms");
    expect(decodeSlackText("ask <@U0AB12|dana> in <#C0AB12|ops> cc <!subteam^S01|@oncall> <!here> see <https://x.io/a|docs>")).toBe("ask @dana in #ops cc @oncall @here see docs");
    expect(stripBotMention("<@UARCHIE01> design a shop", "UARCHIE01")).toBe("design a shop");
  });

  it("escapes everything that could ping or link", () => {
    const hostile = "<!channel> <!here> <@U123> <#C123> <!subteam^S1> <https://evil|click> & @everyone @here";
    const safe = escapeMrkdwn(decodeSlackText(hostile));
    expect(safe).not.toMatch(/[<>]/);
    expect(safe).not.toMatch(/@(everyone|here|channel)\b/);
    expect(escapeMrkdwn("a <b> & c")).toBe("a &lt;b&gt; &amp; c");
  });

  it("turns the report's inline Markdown into mrkdwn, undoing its escapes", () => {
    expect(inlineToMrkdwn("**Peak** is `400 RPS` at _peak_")).toBe("*Peak* is `400 RPS` at _peak_");
    expect(inlineToMrkdwn(escapeInline("a*b [x] <tag> `q` \\ c"))).toBe("a*b [x] &lt;tag&gt; `q` \\ c");
    expect(inlineToMrkdwn(codeSpan("max_connections `x`"))).toBe("`max_connections ˋxˋ`");
    expect(inlineToMrkdwn(escapeInline("@channel"))).toBe("@\u2060channel");
    expect(markdownToMrkdwn("## Title\n**bold** & more")).toBe("*Title*\n*bold* &amp; more");
  });
});

describe("Slack configuration", () => {
  const base = { SLACK_BOT_TOKEN: "xoxb-1-2-abc", SLACK_SIGNING_SECRET: "0123456789abcdef" };

  it("uses the HTTP receiver with a signing secret, Socket Mode with an app token", () => {
    expect(parseSlackConfig(base)).toEqual({ botToken: "xoxb-1-2-abc", connection: { mode: "http", signingSecret: "0123456789abcdef" }, port: 3000, signingSecret: "0123456789abcdef" });
    const socket = parseSlackConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1-A1-x", PORT: "8080", SLACK_API_URL: "http://127.0.0.1:9/api" });
    expect(socket).toMatchObject({ connection: { mode: "socket", appToken: "xapp-1-A1-x" }, port: 8080, apiUrl: "http://127.0.0.1:9/api/" });
  });

  it("names each bad variable and never echoes a secret", () => {
    expect(() => parseSlackConfig({})).toThrow(/SLACK_BOT_TOKEN is required/);
    expect(() => parseSlackConfig({ SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(/SLACK_SIGNING_SECRET is required unless SLACK_APP_TOKEN/);
    expect(() => parseSlackConfig({ ...base, PORT: "http" })).toThrow(/PORT must be a port number/);
    try {
      parseSlackConfig({ SLACK_BOT_TOKEN: "secret-bot-token-value", SLACK_APP_TOKEN: "secret-app-token" });
    } catch (error) {
      expect(String(error)).not.toContain("secret-bot-token-value");
      expect(String(error)).not.toContain("secret-app-token");
      return;
    }
    throw new Error("expected a configuration error");
  });
});
