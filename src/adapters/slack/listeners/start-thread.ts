import type { webApi } from "@slack/bolt";
import { rootMessage } from "../blocks/command.js";
import type { ListenerDeps } from "./shared.js";

/**
 * /design and the form both start a thread the same way: a root message in the channel naming
 * the request and who asked, then the request queued as the thread's first turn.
 */
export async function startDesignThread(
  deps: ListenerDeps,
  client: webApi.WebClient,
  start: { team: string; channel: string; user: string; request: string; eventId: string; receivedAt: number },
  tellUser: (text: string) => Promise<void>,
): Promise<void> {
  let ts: string | undefined;
  try {
    const root = rootMessage(start.request, start.user);
    const posted = await client.chat.postMessage({ channel: start.channel, ...root, unfurl_links: false, unfurl_media: false });
    ts = posted.ts;
  } catch (error) {
    const code = typeof error === "object" && error !== null && "data" in error ? (error as { data?: { error?: string } }).data?.error : undefined;
    deps.log(`could not start a design thread: ${code ?? (error instanceof Error ? error.message : String(error))}`);
    const hint = code === "not_in_channel" || code === "channel_not_found" ? " Invite me to this channel first (`/invite @Archie`), or message me directly." : " Try again in a minute.";
    await tellUser(`I couldn't post in this channel.${hint}`).catch(() => undefined);
    return;
  }
  if (!ts) return;
  try {
    await deps.intake({
      key: { platform: "slack", workspace: start.team, channel: start.channel, thread: ts },
      user: start.user,
      text: start.request,
      eventId: start.eventId,
      reactTs: ts,
      receivedAt: start.receivedAt,
    });
  } catch (error) {
    deps.log(`could not queue a design request: ${error instanceof Error ? error.message : String(error)}`);
    await tellUser(UNAVAILABLE).catch(() => undefined);
  }
}

/** What the user reads when their request could not be queued (Slack does not retry commands and clicks). */
export const UNAVAILABLE = "I couldn't take that request just now (my queue is unavailable). Please try again in a minute.";
