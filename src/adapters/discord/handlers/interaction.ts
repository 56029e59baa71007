import { ChannelType, MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction } from "discord.js";
import { performance } from "node:perf_hooks";
import { intake, type DiscordApp } from "../app.js";
import { threadKey } from "../keys.js";
import { decodeCustomId } from "../render/buttons.js";
import { neutraliseMentions, stripMentions, threadName } from "../render/safe.js";
import { channelTarget, followUpTarget } from "../target.js";
import { describe, SOMETHING_WENT_WRONG } from "./errors.js";

/**
 * Interactions: /design and Archie's buttons. Discord allows three seconds to acknowledge one;
 * the turn is queued and its reply follows from the sink.
 */

const STALE_BUTTON = "That button isn't one of mine (or is from an older version of me). Type your answer in the thread instead.";
const THREAD_GONE = "I can't reach that thread any more (it may be deleted or archived). Start a new design with /design.";

/** The request as the message the thread hangs from: one quoted line, never a ping. */
function requestLine(user: string, request: string): string {
  const line = neutraliseMentions(request.replace(/\s+/g, " ").trim());
  const shown = line.length > 1800 ? `${line.slice(0, 1799)}…` : line;
  return `**<@${user}> asked for a design:**\n> ${shown || "(no request given)"}`;
}

function acknowledged(app: DiscordApp, receivedAt: number): void {
  app.metrics?.ackSent("discord", (performance.now() - receivedAt) / 1000);
}

/**
 * Deferred at once: the request message and its thread take several calls, and the queued turn
 * must already name the thread its reply goes to. If the turn cannot be queued, the caller's
 * apology reaches the user as a follow-up.
 */
async function onDesign(app: DiscordApp, interaction: ChatInputCommandInteraction, receivedAt: number): Promise<void> {
  await interaction.deferReply();
  acknowledged(app, receivedAt);
  const request = interaction.options.getString("request") ?? "";
  const text = stripMentions(request);
  const original = await interaction.editReply({ content: requestLine(interaction.user.id, request), allowedMentions: { parse: [] } });
  const channel = interaction.channel;
  const thread = channel && !channel.isDMBased() && (channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement)
    ? await original.startThread({ name: threadName(text) }).catch((error: unknown) => {
        app.log(`could not start a thread for /design in ${channel.id}: ${describe(error)}`);
        return undefined;
      })
    : undefined;
  if (thread) {
    const turn = { key: threadKey(thread), user: interaction.user.id, text, eventId: interaction.id };
    await intake(app, "command", turn, channelTarget(thread.id), thread);
    return;
  }
  // A DM, an existing thread, or a channel without threads: the conversation stays here, as the command's follow-ups.
  const key = channel ? threadKey(channel) : { platform: "discord" as const, workspace: interaction.guildId ?? "dm", channel: interaction.channelId, thread: interaction.channelId };
  const turn = { key, user: interaction.user.id, text, eventId: interaction.id };
  await intake(app, "command", turn, followUpTarget(interaction.channelId, interaction.token));
}

/** Queued before it is acknowledged (deferUpdate), so a click that could not be queued is answered with an apology instead. */
async function onButton(app: DiscordApp, interaction: ButtonInteraction, receivedAt: number): Promise<void> {
  const target = decodeCustomId(interaction.customId);
  if (!target) {
    await interaction.reply({ content: STALE_BUTTON, flags: MessageFlags.Ephemeral });
    acknowledged(app, receivedAt);
    return;
  }
  const channel = await app.client.channels.fetch(target.threadId).catch(() => null);
  if (!channel?.isSendable()) {
    await interaction.reply({ content: THREAD_GONE, flags: MessageFlags.Ephemeral });
    acknowledged(app, receivedAt);
    return;
  }
  // The label is what the user would have typed; the action id tells the core what it means.
  // The component can be missing when the message arrives without its components (ephemeral, partial).
  const component = interaction.component as typeof interaction.component | undefined;
  const label = component && "label" in component ? (component.label ?? "") : "";
  const turn = { key: threadKey(channel), user: interaction.user.id, text: label, action: target.action, eventId: interaction.id };
  await intake(app, "button", turn, channelTarget(channel.id), channel);
  await interaction.deferUpdate();
  acknowledged(app, receivedAt);
}

export async function onInteraction(app: DiscordApp, interaction: Interaction): Promise<void> {
  const receivedAt = performance.now();
  if (interaction.isChatInputCommand() && interaction.commandName === "design") return onDesign(app, interaction, receivedAt);
  if (interaction.isButton()) return onButton(app, interaction, receivedAt);
}

/** After a failure, tell the user if the interaction can still carry a message. */
export async function apologise(interaction: Interaction): Promise<void> {
  if (!interaction.isRepliable()) return;
  const message = { content: SOMETHING_WENT_WRONG, flags: MessageFlags.Ephemeral } as const;
  if (interaction.deferred || interaction.replied) await interaction.followUp(message);
  else await interaction.reply(message);
}
