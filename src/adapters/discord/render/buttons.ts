import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId } from "discord.js";
import type { Action } from "../../../agent/types.js";

/**
 * The core's actions as Discord buttons. A button's custom id carries the thread it acts in
 * and the action id, so a click is a Turn in that thread even after a restart.
 */

export const MAX_CUSTOM_ID = 100;
export const MAX_BUTTONS_PER_ROW = 5;
export const MAX_ROWS = 5;
const MAX_LABEL = 80;
const PREFIX = "archie";

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/** `archie:<thread id>:<action id>`, or undefined when it would pass Discord's 100-character limit. */
export function encodeCustomId(threadId: string, actionId: string): string | undefined {
  const id = `${PREFIX}:${threadId}:${actionId}`;
  return id.length <= MAX_CUSTOM_ID ? id : undefined;
}

/** The thread and action of one of Archie's custom ids; undefined for anything else. */
export function decodeCustomId(customId: string): { threadId: string; action: string } | undefined {
  const match = /^archie:(\d{1,21}):(.+)$/s.exec(customId);
  if (!match) return undefined;
  return { threadId: match[1]!, action: match[2]! };
}

function styleFor(actionId: string): ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger {
  if (actionId === "go") return ButtonStyle.Primary;
  if (actionId === "start_over") return ButtonStyle.Danger;
  return ButtonStyle.Secondary;
}

function label(text: string): string {
  const line = text.replace(/\s+/g, " ").trim() || "Choose";
  return line.length <= MAX_LABEL ? line : `${line.slice(0, MAX_LABEL - 1)}…`;
}

/**
 * Rows of at most five buttons, at most five rows. Actions whose id cannot fit in a custom id,
 * repeats, and any past the 25th are left out: Discord would refuse the whole message.
 */
export function buttonRows(actions: readonly Action[], threadId: string): ButtonRow[] {
  const seen = new Set<string>();
  const buttons: APIButtonComponentWithCustomId[] = [];
  for (const action of actions) {
    const customId = encodeCustomId(threadId, action.id);
    if (!customId || seen.has(customId) || buttons.length === MAX_BUTTONS_PER_ROW * MAX_ROWS) continue;
    seen.add(customId);
    buttons.push({ type: ComponentType.Button, style: styleFor(action.id), label: label(action.label), custom_id: customId });
  }
  const rows: ButtonRow[] = [];
  for (let i = 0; i < buttons.length; i += MAX_BUTTONS_PER_ROW) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + MAX_BUTTONS_PER_ROW) });
  }
  return rows;
}
