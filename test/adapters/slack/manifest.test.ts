import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/** The app manifest people create Archie from grants what the adapter calls and subscribes to what it listens for. */

interface Manifest {
  features: { assistant_view?: { assistant_description?: string }; slash_commands?: { command: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean } };
}

const manifest = parse(readFileSync(new URL("../../../manifest.yml", import.meta.url), "utf8")) as Manifest;

describe("manifest.yml", () => {
  it("turns on the AI-app surface and grants its scopes and events", () => {
    expect(manifest.features.assistant_view?.assistant_description).toBeTruthy();
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(["assistant:write", "canvases:write", "im:history"]));
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(["assistant_thread_started", "assistant_thread_context_changed", "message.im"]));
  });

  it("keeps mentions, channel threads, /design, uploads, reactions and buttons", () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(["app_mentions:read", "chat:write", "commands", "files:write", "reactions:write", "channels:history", "groups:history"]));
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(["app_mention", "message.channels", "message.groups"]));
    expect(manifest.features.slash_commands?.map((c) => c.command)).toEqual(["/design"]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});
