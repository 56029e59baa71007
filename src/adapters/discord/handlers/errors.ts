import { DiscordAPIError } from "discord.js";

/**
 * One line about a failure for the log. Only the name, code and message: a DiscordAPIError's
 * URL holds interaction tokens, and request bodies hold users' words.
 */
export function describe(error: unknown): string {
  if (error instanceof DiscordAPIError) return `Discord API error ${error.status} (code ${error.code}): ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

export const SOMETHING_WENT_WRONG = "Something went wrong on my side while answering that. Please try again in a moment.";

/** A message that could not be queued: Discord does not deliver it again, so the user is asked to. */
export const NOT_TAKEN = "I couldn't take that message just now. Please send it again in a moment.";
