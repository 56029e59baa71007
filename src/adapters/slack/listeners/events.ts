import type { App } from "@slack/bolt";
import { followsThread } from "../../../state/membership.js";
import { decodeSlackText, mentions, stripBotMention } from "../text.js";
import { receivedAt, type ListenerDeps } from "./shared.js";

/**
 * Mentions, thread replies and DMs. A mention starts (or continues) the thread of the message;
 * a reply in a thread Archie follows continues it without a mention; a DM needs no mention.
 * Bots (Archie included), edits and deletions are ignored.
 *
 * Slack is acknowledged when the listener returns, in both modes (over HTTP the receiver holds
 * the response until then; in Socket Mode socket-receiver.ts holds the envelope's ack), so the
 * turn is queued first. If queueing throws, Slack is not acknowledged (HTTP: a 500; Socket Mode:
 * no ack) and delivers the event again. Its redeliveries carry the same event_id, on which the
 * queue deduplicates.
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
    const arrived = receivedAt(context);
    deps.metrics?.eventReceived("slack", "mention");
    if (event.bot_id || !event.user || !PERSON_SUBTYPES.has(event.subtype)) return;
    const thread = event.thread_ts ?? event.ts;
    await deps.intake({
      key: { platform: "slack", workspace: body.team_id, channel: event.channel, thread },
      user: event.user,
      text: decodeSlackText(stripBotMention(event.text, context.botUserId)),
      eventId: body.event_id,
      reactTs: event.ts,
      receivedAt: arrived,
    });
  });

  app.event("message", async ({ event, body, context }) => {
    const arrived = receivedAt(context);
    deps.metrics?.eventReceived("slack", "message");
    const message = event as IncomingMessage;
    if (message.bot_id || !message.user || message.user === context.botUserId || !PERSON_SUBTYPES.has(message.subtype)) return;
    const isDm = message.channel_type === "im";
    // In channels a mention arrives as app_mention too; that listener answers it.
    if (!isDm && mentions(message.text ?? "", context.botUserId)) return;
    if (!isDm && (!message.thread_ts || message.thread_ts === message.ts)) return;
    const thread = message.thread_ts ?? message.ts;
    const key = { platform: "slack" as const, workspace: body.team_id, channel: message.channel, thread };
    if (!isDm && !(await followsThread(deps.store, key, message.parent_user_id, context.botUserId))) return;
    await deps.intake({
      key,
      user: message.user,
      text: decodeSlackText(stripBotMention(message.text ?? "", context.botUserId)),
      eventId: body.event_id,
      reactTs: message.ts,
      receivedAt: arrived,
    });
  });
}
