import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";

const read = (path: string) => readFile(new URL(`../../${path}`, import.meta.url), "utf8");

describe(".env.example", () => {
  it("documents exactly the variables the configuration reads", async () => {
    const example = await read(".env.example");
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!));
    const sources = (await Promise.all(["src/config.ts", "src/settings/slack.ts", "src/settings/discord.ts"].map(read))).join("\n");
    const used = new Set([...sources.matchAll(/\b((?:ARCHIE|OPENAI|ANTHROPIC|OLLAMA|MODEL|REDIS|SLACK|DISCORD|JOB|WORKER|OPS|LOG|RATE_LIMIT|MAX_ACTIVE)_[A-Z0-9_]+|PORT|TURNS)\b/g)].map((m) => m[1]!));
    expect([...documented].sort()).toEqual([...used].sort());
  });
});
