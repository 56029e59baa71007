import type { ThreadKey } from "../../state/types.js";

/** What a key needs to know of a channel; discord.js channels have these fields. */
export interface ChannelLike {
  id: string;
  guildId?: string | null;
  parentId?: string | null;
  isThread(): boolean;
}

/**
 * The conversation a Discord channel holds: a thread belongs to its parent channel in its
 * server; a DM channel (or a channel answered in place) is its own thread. Every entry point
 * (mention, thread reply, slash command, button) uses this, so they all reach the same state.
 */
export function threadKey(channel: ChannelLike): ThreadKey {
  return {
    platform: "discord",
    workspace: channel.guildId ?? "dm",
    channel: (channel.isThread() && channel.parentId) || channel.id,
    thread: channel.id,
  };
}
