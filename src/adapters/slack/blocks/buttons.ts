import type { types } from "@slack/bolt";
import type { Action } from "../../../agent/types.js";
import { safePlain, truncate } from "../text.js";
import { LIMITS } from "./limits.js";

/**
 * Buttons for the core's actions. Each carries its thread (channel + thread ts) and the action
 * id in its value, so a click anywhere acts in the right thread like typing the words.
 */

export const ACTION_PREFIX = "archie_action:";

export interface ButtonValue {
  channel: string;
  thread: string;
  action: string;
}

export function actionsBlock(actions: readonly Action[], thread: { channel: string; thread: string }): types.ActionsBlock | undefined {
  const elements = actions
    .slice(0, LIMITS.actionsElements)
    .map((action, i): types.Button => {
      const value = JSON.stringify({ c: thread.channel, t: thread.thread, a: action.id });
      return {
        type: "button",
        // Ids must be unique in a message; the position keeps them so even for equal labels.
        action_id: `${ACTION_PREFIX}${i}`,
        text: { type: "plain_text", text: truncate(safePlain(action.label), LIMITS.buttonText), emoji: true },
        value: value.length <= LIMITS.buttonValue ? value : JSON.stringify({ c: thread.channel, t: thread.thread, a: action.id.slice(0, 500) }),
        ...(action.id === "go" ? { style: "primary" as const } : {}),
      };
    });
  return elements.length ? { type: "actions", elements } : undefined;
}

/** Reads a button's value back; undefined for anything that is not one of Archie's. */
export function parseButtonValue(value: string | undefined): ButtonValue | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const { c, t, a } = parsed as Record<string, unknown>;
    if (typeof c !== "string" || typeof t !== "string" || typeof a !== "string" || !c || !t || !a) return undefined;
    return { channel: c, thread: t, action: a };
  } catch {
    return undefined;
  }
}
