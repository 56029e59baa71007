import { Assistant, type App } from "@slack/bolt";
import { GREETING, PROMPTS_TITLE, SUGGESTED_PROMPTS } from "../blocks/assistant.js";
import { decodeSlackText } from "../text.js";
import { receivedAt, type ListenerDeps } from "./shared.js";

/**
 * Slack's AI-app surface (Bolt's Assistant): a user opening Archie's pane gets a greeting and
 * suggested prompts; their messages in the pane's threads go to the intake marked as assistant
 * turns, whose replies show Slack's loading status while they run and name the thread after the
 * design (reply-sink.ts). Top-level DMs and everything in channels stay with events.ts.
 */
export function registerAssistant(app: App, deps: ListenerDeps): void {
  app.assistant(
    new Assistant({
      threadStarted: async ({ body, say, setSuggestedPrompts }) => {
        deps.metrics?.eventReceived("slack", "assistant_thread");
        // Acknowledged first: a greeting is a courtesy, and a failed one must not bring the event back.
        deps.background("greet an assistant thread", async () => {
          if (!(await deps.store.firstSighting(body.event_id))) return;
          await say({ text: GREETING });
          await setSuggestedPrompts({ title: PROMPTS_TITLE, prompts: [...SUGGESTED_PROMPTS] });
        });
      },
      // Archie reads no channel for a design, so where the user is in Slack changes nothing. Handled
      // here so Bolt's default store does not rewrite the metadata of Archie's first message in
      // the thread, which holds that message's delivery marker (outbox.ts).
      threadContextChanged: async () => undefined,
      userMessage: async ({ message, body, context }) => {
        const arrived = receivedAt(context);
        deps.metrics?.eventReceived("slack", "message");
        // The pane only hands over people's plain messages and file shares, but other bots write in DMs too.
        if (!("user" in message) || !message.user || ("bot_id" in message && message.bot_id) || !("thread_ts" in message) || !message.thread_ts) return;
        await deps.intake({
          key: { platform: "slack", workspace: body.team_id, channel: message.channel, thread: message.thread_ts },
          user: message.user,
          text: decodeSlackText(message.text ?? ""),
          eventId: body.event_id,
          assistant: true,
          receivedAt: arrived,
        });
      },
    }),
  );
}
