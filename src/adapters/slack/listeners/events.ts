import type { App } from "@slack/bolt";
import { followsThread } from "../membership.js";
import { decodeSlackText, mentions, stripBotMention } from "../text.js";
import { firstDelivery, type ListenerDeps } from "./shared.js";

/**
 * Mentions, thread replies and DMs. A mention starts (or continues) the thread of the message;
 * a reply in a thread Archie follows continues it without a mention; a DM needs no mention.
 * Bots (Archie included), edits and deletions are ignored.
 */

/** Message subtypes that are still a person writing; every other subtype (edits, deletions, joins…) is skipped. */
const PERSON_SUBTYPES = new Set([undefined, "thread_broadcast", "file_share"]);

interface IncomingMessage {
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
  parent_user_id?: string;
}

export function registerEvents(app: App, deps: ListenerDeps): void {
  app.event("app_mention", async ({ event, body, context }) => {
    if (event.bot_id || !event.user || !PERSON_SUBTYPES.has(event.subtype)) return;
    const team = body.team_id;
    const user = event.user;
    deps.background("mention", async () => {
      if (!(await firstDelivery(deps, team, body.event_id))) return;
      const thread = event.thread_ts ?? event.ts;
      await deps.pipeline({
        key: { platform: "slack", workspace: team, channel: event.channel, thread },
        thread: { channel: event.channel, thread },
        user,
        text: decodeSlackText(stripBotMention(event.text, context.botUserId)),
        reactTo: { channel: event.channel, ts: event.ts },
      });
    });
  });

  app.event("message", async ({ event, body, context }) => {
    const message = event as IncomingMessage;
    if (message.bot_id || !message.user || message.user === context.botUserId || !PERSON_SUBTYPES.has(message.subtype)) return;
    const isDm = message.channel_type === "im";
    // In channels a mention arrives as app_mention too; that listener answers it.
    if (!isDm && mentions(message.text ?? "", context.botUserId)) return;
    if (!isDm && (!message.thread_ts || message.thread_ts === message.ts)) return;
    const team = body.team_id;
    const user = message.user;
    deps.background("message", async () => {
      const thread = message.thread_ts ?? message.ts;
      const key = { platform: "slack" as const, workspace: team, channel: message.channel, thread };
      if (!isDm && !(await followsThread(deps.store, key, message.parent_user_id, context.botUserId))) return;
      if (!(await firstDelivery(deps, team, body.event_id))) return;
      await deps.pipeline({
        key,
        thread: { channel: message.channel, thread },
        user,
        text: decodeSlackText(stripBotMention(message.text ?? "", context.botUserId)),
        reactTo: { channel: message.channel, ts: message.ts },
      });
    });
  });
}
