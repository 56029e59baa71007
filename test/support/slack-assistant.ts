import { TEAM } from "./fake-slack.js";

/** The events Slack sends an app with the AI-app feature (assistant_view), from user U0USER001. */

/** The user opened Archie's pane (or a new chat in it) while viewing `viewing`. */
export function assistantThreadStarted(dm: string, thread: string, viewing = "C0CHAN001"): Record<string, unknown> {
  return {
    type: "assistant_thread_started",
    assistant_thread: { user_id: "U0USER001", context: { channel_id: viewing, team_id: TEAM }, channel_id: dm, thread_ts: thread },
    event_ts: thread,
  };
}

/** A message the user wrote in the pane's thread (message.im, in the thread the pane opened). */
export function assistantMessage(dm: string, thread: string, ts: string, text: string): Record<string, unknown> {
  return { type: "message", channel_type: "im", channel: dm, user: "U0USER001", text, ts, thread_ts: thread, parent_user_id: "U0USER001", team: TEAM };
}
