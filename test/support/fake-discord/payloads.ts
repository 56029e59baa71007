/**
 * Discord API v10 object shapes the fake hands to discord.js, with the fields discord.js reads.
 * Ids are snowflake strings; every object here is plain JSON.
 */

let counter = 0n;
/** A fresh snowflake-looking id, increasing, so order is preserved. */
export function snowflake(): string {
  counter += 1n;
  return (1_300_000_000_000_000_000n + counter * 4096n).toString();
}

export interface User {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
}

export const user = (id: string, username: string, bot = false): User => ({ id, username, discriminator: "0", global_name: username, avatar: null, ...(bot ? { bot: true } : {}) });

const now = () => new Date().toISOString();

export const member = (u: User) => ({ user: u, roles: [], joined_at: now(), deaf: false, mute: false, flags: 0, nick: null, avatar: null, premium_since: null, pending: false });

export function textChannel(id: string, guildId: string, name: string) {
  return { id, type: 0, guild_id: guildId, name, position: 0, permission_overwrites: [], parent_id: null, topic: null, nsfw: false, last_message_id: null, rate_limit_per_user: 0, flags: 0 };
}

export function threadChannel(id: string, guildId: string, parentId: string, ownerId: string, name: string) {
  return {
    id,
    type: 11,
    guild_id: guildId,
    parent_id: parentId,
    owner_id: ownerId,
    name,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    flags: 0,
    thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: now(), locked: false, create_timestamp: now() },
  };
}

export const dmChannel = (id: string, recipient: User) => ({ id, type: 1, last_message_id: null, recipients: [recipient], flags: 0 });

export interface Attachment {
  id: string;
  filename: string;
  size: number;
  content_type: string;
  url: string;
  proxy_url: string;
}

export function message(fields: { id: string; channelId: string; guildId?: string; author: User; content: string; mentions?: User[]; attachments?: Attachment[]; components?: unknown[]; flags?: number; dm?: boolean }) {
  return {
    id: fields.id,
    channel_id: fields.channelId,
    ...(fields.guildId ? { guild_id: fields.guildId, member: { roles: [], joined_at: now(), deaf: false, mute: false, flags: 0 } } : {}),
    ...(fields.dm ? { channel_type: 1 } : {}),
    author: fields.author,
    content: fields.content,
    timestamp: now(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: fields.mentions ?? [],
    mention_roles: [],
    attachments: fields.attachments ?? [],
    embeds: [],
    pinned: false,
    type: 0,
    flags: fields.flags ?? 0,
    components: fields.components ?? [],
  };
}

/** A server as GUILD_CREATE gives it: its channels and, as Discord does, the active threads Archie can see. */
export function guildCreate(guildId: string, bot: User, channels: unknown[], threads: unknown[] = []) {
  return {
    id: guildId,
    name: "Archie test server",
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: bot.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [{ id: guildId, name: "@everyone", permissions: "2248473465835073", position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    joined_at: now(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [member(bot)],
    channels,
    threads,
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    max_members: 500000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: "en-US",
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
  };
}
