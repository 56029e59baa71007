import type { Client } from "discord.js";
import type { ConversationService } from "../../agent/conversation.js";
import type { Turn } from "../../agent/types.js";
import type { ConversationStore } from "../../state/types.js";
import { deliver, type SendMessage } from "./deliver.js";

/** What every handler needs; built once by startDiscord. */
export interface DiscordApp {
  client: Client;
  service: ConversationService;
  store: ConversationStore;
  /** Threads Archie was mentioned in (besides those it started): replies there need no mention. */
  joined: Set<string>;
  log(line: string): void;
}

/** Discord shows "typing…" for about ten seconds; a long turn renews it. */
const TYPING_EVERY_MS = 8000;

export interface Typable {
  sendTyping(): Promise<unknown>;
}

function keepTyping(channel: Typable, log: (line: string) => void): () => void {
  const type = () => channel.sendTyping().catch((error: unknown) => log(`typing indicator failed: ${error instanceof Error ? error.message : String(error)}`));
  void type();
  const timer = setInterval(type, TYPING_EVERY_MS);
  return () => clearInterval(timer);
}

/** One turn: typing while the core works, then the reply's messages through `send`. */
export async function converse(app: DiscordApp, turn: Turn, channel: Typable | undefined, send: SendMessage): Promise<void> {
  const stop = channel ? keepTyping(channel, app.log) : () => undefined;
  let reply;
  try {
    reply = await app.service.handleTurn(turn);
  } finally {
    stop();
  }
  await deliver(reply, turn.key.thread, send, app.log);
}

/** Bounded: the oldest thread is forgotten first (it then needs a mention again). */
export function remember(set: Set<string>, id: string, max = 10_000): void {
  set.delete(id);
  set.add(id);
  if (set.size > max) set.delete(set.values().next().value!);
}
