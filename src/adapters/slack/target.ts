import type { ReplyTarget } from "../../jobs/types.js";

/**
 * Where a Slack reply goes, as it travels in a job: the thread, and the user's message that wears
 * the working reaction until the reply is out.
 */
export interface SlackTarget {
  team: string;
  channel: string;
  /** The thread's root ts. */
  thread: string;
  /** The message the ⏳ reaction was put on at intake (the user's message, the button's message or the /design root). */
  reactTs?: string;
  /** An AI-app (assistant) thread: the reply shows a loading status while it runs and names the thread. */
  assistant?: boolean;
}

export function toReplyTarget(target: SlackTarget): ReplyTarget {
  return {
    team: target.team,
    channel: target.channel,
    thread: target.thread,
    ...(target.reactTs ? { reactTs: target.reactTs } : {}),
    ...(target.assistant ? { assistant: "1" } : {}),
  };
}

/** Reads a job's target back; a job written by something else is refused (it cannot be delivered on any retry). */
export function fromReplyTarget(target: ReplyTarget): SlackTarget {
  const { team, channel, thread, reactTs, assistant } = target;
  if (!team || !channel || !thread) throw new TypeError("a Slack reply target needs team, channel and thread");
  return { team, channel, thread, ...(reactTs ? { reactTs } : {}), ...(assistant === "1" ? { assistant: true } : {}) };
}
