import type { ReplyTarget } from "../../jobs/types.js";

/**
 * Where a Discord reply goes, as it travels in a job: the channel (a thread, a DM, or a channel
 * answered in place), and for a slash command answered in place the interaction's token, so the
 * reply arrives as the command's follow-ups (the token is valid for 15 minutes).
 */
export interface DiscordTarget {
  channelId: string;
  followUpToken?: string;
}

export function channelTarget(channelId: string): ReplyTarget {
  return { channelId };
}

export function followUpTarget(channelId: string, interactionToken: string): ReplyTarget {
  return { channelId, followUpToken: interactionToken };
}

/** The target of a job; throws when it holds no channel (a job queued by something else). */
export function readTarget(target: ReplyTarget): DiscordTarget {
  const { channelId, followUpToken } = target;
  if (!channelId) throw new Error("the reply target names no Discord channel");
  return { channelId, ...(followUpToken ? { followUpToken } : {}) };
}
