import type { types } from "@slack/bolt";
import { escapeMrkdwn, truncate } from "../text.js";
import { mrkdwnSection } from "./document.js";

/** The messages of the /design command: the thread's root and the private help. */

const ROOT_REQUEST_MAX = 500;

/** "Architecture design: <request> — requested by <@user>": the request can never ping anyone. */
export function rootMessage(request: string, user: string): { text: string; blocks: types.KnownBlock[] } {
  const safe = escapeMrkdwn(truncate(request.replace(/\s+/g, " ").trim(), ROOT_REQUEST_MAX));
  const requester = /^[UW][A-Z0-9]+$/.test(user) ? `<@${user}>` : "someone";
  const text = `Architecture design: ${safe} — requested by ${requester}`;
  return { text, blocks: [mrkdwnSection(`:building_construction: *Architecture design:* ${safe}\n_requested by ${requester} — I'll reply in this thread._`)] };
}

export const HELP_TEXT = [
  "*Archie designs production architectures.*",
  "• `/design <what you are building, traffic, budget>` starts a thread here, e.g. `/design food-delivery app, 50k DAU, $5k/month`",
  "• `/design` on its own opens a short form.",
  "• Mention me (`@Archie …`) in a channel, or message me directly.",
  "• In the thread, reply without mentioning me: answer my questions, say `go` to use stated assumptions, refine (`budget is $2k`, `EU only`, `use MySQL`), `show the roadmap`, `export`, or `start over`.",
].join("\n");

export function helpMessage(): { response_type: "ephemeral"; text: string; blocks: types.KnownBlock[] } {
  return { response_type: "ephemeral", text: "How to use Archie", blocks: [mrkdwnSection(HELP_TEXT)] };
}
