import { ChannelType, DiscordAPIError, MessageType, RESTJSONErrorCodes, type AnyThreadChannel, type Message, type SendableChannels } from "discord.js";
import { followsThread } from "../../../state/membership.js";
import { intake, remember, type DiscordApp, type EventKind } from "../app.js";
import { threadKey } from "../keys.js";
import { stripMentions, threadName } from "../render/safe.js";
import { channelTarget } from "../target.js";
import { describe, NOT_TAKEN } from "./errors.js";

/**
 * Messages: a mention in a channel starts a thread on that message and the conversation goes on
 * there; in a thread Archie started, was mentioned in or otherwise holds a conversation for,
 * replies need no mention; in another thread or a DM Archie answers in place. Bots, Archie
 * included, are ignored.
 */

export const CONTENT_HINT =
  "I can't read replies in this thread unless they mention me: Discord is not sending me message text. " +
  "Mention me (@Archie …) in each message, or ask an admin to turn on **Message Content Intent** " +
  "(Discord Developer Portal → your application → Bot → Privileged Gateway Intents) and restart me.";

const THREAD_FAILED = "_I couldn't start a thread here (I may be missing the Create Public Threads permission), so I'll answer in this channel._";

/** Once per thread is enough; remembered for a month. */
const HINT_WINDOW_SECONDS = 30 * 24 * 3600;

const THREAD_PARENTS: ChannelType[] = [ChannelType.GuildText, ChannelType.GuildAnnouncement];

function isUserMessage(message: Message): boolean {
  return !message.author.bot && !message.webhookId && !message.system && (message.type === MessageType.Default || message.type === MessageType.Reply);
}

/** A message with nothing in it at all: the text was withheld (no Message Content intent). */
function withheld(message: Message): boolean {
  return message.content === "" && message.attachments.size === 0 && message.embeds.length === 0 && message.stickers.size === 0 && !message.poll;
}

/** Queues the turn; Discord never delivers a message again, so if it could not be queued the user is asked to resend. */
async function answer(app: DiscordApp, kind: EventKind, message: Message, channel: SendableChannels, text: string): Promise<void> {
  const turn = { key: threadKey(channel), user: message.author.id, text, eventId: message.id };
  try {
    await intake(app, kind, turn, channelTarget(channel.id), channel);
  } catch (error) {
    app.log(`message ${message.id} could not be queued: ${describe(error)}`);
    await channel.send({ content: NOT_TAKEN, allowedMentions: { parse: [] } });
  }
}

/**
 * The thread this message already has: the same MESSAGE_CREATE can reach Archie twice (a
 * gateway process restarted, or two running during a deploy); the first made the thread, and
 * the queue recognises the turn as a duplicate.
 */
async function existingThread(app: DiscordApp, message: Message, error: unknown): Promise<AnyThreadChannel | undefined> {
  if (!(error instanceof DiscordAPIError) || error.code !== RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage) return undefined;
  const thread = await app.client.channels.fetch(message.id).catch(() => null);
  return thread?.isThread() ? thread : undefined;
}

/**
 * Whether a reply in this thread needs no mention. The cheap answers first: a thread Archie
 * started, or one it was mentioned in while this process ran. Otherwise the conversation store
 * decides (state/membership.ts): it knows the threads Archie was mentioned in before a restart,
 * or by way of another gateway process. A thread found there is remembered, so its next
 * messages are not looked up again. If the store cannot be reached the message is ignored, as
 * one in a thread Archie does not follow would be.
 */
async function follows(app: DiscordApp, thread: AnyThreadChannel, me: string): Promise<boolean> {
  if (thread.ownerId === me || app.joined.has(thread.id)) return true;
  try {
    if (!(await followsThread(app.store, threadKey(thread), thread.ownerId ?? undefined, me))) return false;
  } catch (error) {
    app.log(`could not tell whether Archie follows thread ${thread.id}, so its message is ignored: ${describe(error)}`);
    return false;
  }
  remember(app.joined, thread.id);
  return true;
}

export async function onMessage(app: DiscordApp, message: Message): Promise<void> {
  if (!isUserMessage(message)) return;
  const me = app.client.user?.id;
  if (!me) return;
  const channel = message.channel;
  if (!channel.isSendable()) return;
  const mentioned = message.mentions.users.has(me);
  const text = stripMentions(message.content);

  if (channel.isDMBased()) return answer(app, "dm", message, channel, text);

  if (channel.isThread()) {
    if (mentioned) remember(app.joined, channel.id);
    else if (!(await follows(app, channel, me))) return;
    if (!mentioned && withheld(message)) {
      if (await app.store.firstSighting(`discord:content-hint:${channel.id}`, HINT_WINDOW_SECONDS)) {
        await channel.send({ content: CONTENT_HINT, allowedMentions: { parse: [] } });
      }
      return;
    }
    return answer(app, mentioned ? "mention" : "message", message, channel, text);
  }

  if (!mentioned) return;
  // Nothing to design from: answer in place rather than open an empty thread.
  if (!text || !THREAD_PARENTS.includes(channel.type)) return answer(app, "mention", message, channel, text);
  // The thread is made here, at intake, so the queued turn already names the channel its reply goes to.
  let thread;
  try {
    thread = await message.startThread({ name: threadName(text) });
  } catch (error) {
    thread = await existingThread(app, message, error);
    if (!thread) {
      app.log(`could not start a thread in ${channel.id}: ${describe(error)}`);
      await channel.send({ content: THREAD_FAILED, allowedMentions: { parse: [] } });
      return answer(app, "mention", message, channel, text);
    }
  }
  return answer(app, "mention", message, thread, text);
}
