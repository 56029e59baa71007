import { turnText } from "../agent/conversation.js";
import type { Turn } from "../agent/types.js";
import type { LimitDecision, LimitReason, LimitSettings } from "./types.js";

const n = (value: number) => value.toLocaleString("en-US");

function period(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? "an hour" : `${n(seconds / 3600)} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? "a minute" : `${n(seconds / 60)} minutes`;
  return `${n(seconds)} seconds`;
}

/** The sentence a user reads when a limit stops their message. */
export function limitMessage(reason: LimitReason, settings: LimitSettings, length = 0): string {
  switch (reason) {
    case "message-size":
      return `That message is ${n(length)} characters; I read at most ${n(settings.maxMessageChars)} per message. Send the key facts (what you're building, the traffic, the budget) in a shorter one — nothing in this thread was lost.`;
    case "user-rate":
      return `You're sending messages faster than I can design — I take up to ${n(settings.userPerWindow)} from one person in ${period(settings.windowSeconds)}. Give me a moment, then send your last message again.`;
    case "workspace-rate":
      return `This workspace is sending me more than ${n(settings.workspacePerWindow)} messages in ${period(settings.windowSeconds)}, my limit for one workspace. Try again shortly.`;
    case "active-threads":
      return `This workspace already has ${n(settings.maxActiveThreads)} active design threads with me, my limit. Continue in one of them, or start a new one once a thread has been quiet for ${period(settings.activeThreadSeconds)}.`;
  }
}

/** The size check, shared by every implementation: it needs no counter. */
export function checkSize(turn: Turn, settings: LimitSettings): LimitDecision | undefined {
  const length = turnText(turn).trim().length;
  if (length <= settings.maxMessageChars) return undefined;
  return { ok: false, reason: "message-size", message: limitMessage("message-size", settings, length), notify: true };
}

export function refusal(reason: Exclude<LimitReason, "message-size">, settings: LimitSettings, overBy: number): LimitDecision {
  return { ok: false, reason, message: limitMessage(reason, settings), notify: overBy === 1 };
}

/** Checks the settings once, so a zero or negative limit fails at start-up, naming the field. */
export function assertSettings(settings: LimitSettings): void {
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`limit ${name} must be a positive whole number, got ${String(value)}`);
  }
}
