import { ChannelType, MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction, type InteractionReplyOptions } from "discord.js";
import { converse, type DiscordApp } from "../app.js";
import { threadKey } from "../keys.js";
import { decodeCustomId } from "../render/buttons.js";
import { neutraliseMentions, stripMentions, threadName } from "../render/safe.js";
import { describe, SOMETHING_WENT_WRONG } from "./errors.js";

/**
 * Interactions: /design and Archie's buttons. Each is acknowledged first (Discord allows three
 * seconds), then the turn runs and its messages follow.
 */

const STALE_BUTTON = "That button isn't one of mine (or is from an older version of me). Type your answer in the thread instead.";
const THREAD_GONE = "I can't reach that thread any more (it may be deleted or archived). Start a new design with /design.";

/** The request as the message the thread hangs from: one quoted line, never a ping. */
function requestLine(user: string, request: string): string {
  const line = neutraliseMentions(request.replace(/\s+/g, " ").trim());
  const shown = line.length > 1800 ? `${line.slice(0, 1799)}…` : line;
  return `**<@${user}> asked for a design:**\n> ${shown || "(no request given)"}`;
}

async function onDesign(app: DiscordApp, interaction: ChatInputCommandInteraction): Promise<void> {
  await interaction.deferReply();
  const request = interaction.options.getString("request") ?? "";
  const text = stripMentions(request);
  const original = await interaction.editReply({ content: requestLine(interaction.user.id, request), allowedMentions: { parse: [] } });
  const channel = interaction.channel;
  if (channel && !channel.isDMBased() && (channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement)) {
    try {
      const thread = await original.startThread({ name: threadName(text) });
      const turn = { key: threadKey(thread), user: interaction.user.id, text, eventId: interaction.id };
      return await converse(app, turn, thread, (payload) => thread.send(payload));
    } catch (error) {
      app.log(`could not start a thread for /design in ${channel.id}: ${describe(error)}`);
    }
  }
  // A DM, an existing thread, or a channel without threads: the conversation stays here.
  const key = channel ? threadKey(channel) : { platform: "discord" as const, workspace: interaction.guildId ?? "dm", channel: interaction.channelId, thread: interaction.channelId };
  const turn = { key, user: interaction.user.id, text, eventId: interaction.id };
  await converse(app, turn, undefined, (payload) => interaction.followUp(payload as InteractionReplyOptions));
}

async function onButton(app: DiscordApp, interaction: ButtonInteraction): Promise<void> {
  const target = decodeCustomId(interaction.customId);
  if (!target) {
    await interaction.reply({ content: STALE_BUTTON, flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferUpdate();
  const channel = await app.client.channels.fetch(target.threadId).catch(() => null);
  if (!channel?.isSendable()) {
    await interaction.followUp({ content: THREAD_GONE, flags: MessageFlags.Ephemeral });
    return;
  }
  // The label is what the user would have typed; the action id tells the core what it means.
  // The component can be missing when the message arrives without its components (ephemeral, partial).
  const component = interaction.component as typeof interaction.component | undefined;
  const label = component && "label" in component ? (component.label ?? "") : "";
  const turn = { key: threadKey(channel), user: interaction.user.id, text: label, action: target.action, eventId: interaction.id };
  await converse(app, turn, channel, (payload) => channel.send(payload));
}

export async function onInteraction(app: DiscordApp, interaction: Interaction): Promise<void> {
  if (interaction.isChatInputCommand() && interaction.commandName === "design") return onDesign(app, interaction);
  if (interaction.isButton()) return onButton(app, interaction);
}

/** After a failure, tell the user if the interaction can still carry a message. */
export async function apologise(interaction: Interaction): Promise<void> {
  if (!interaction.isRepliable()) return;
  const message = { content: SOMETHING_WENT_WRONG, flags: MessageFlags.Ephemeral } as const;
  if (interaction.deferred || interaction.replied) await interaction.followUp(message);
  else await interaction.reply(message);
}
