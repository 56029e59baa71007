import type { Client } from "discord.js";
import type { Turn } from "../../agent/types.js";
import type { EnqueueResult, ReplyTarget, TurnQueue } from "../../jobs/types.js";
import type { Metrics } from "../../observability/metrics.js";
import type { ConversationStore } from "../../state/types.js";
import { describe } from "./handlers/errors.js";

/** What every handler needs; built once by startDiscord. */
export interface DiscordApp {
  client: Client;
  /** Where turns go: answered in this process (TURNS=inline) or by workers (TURNS=queue). */
  queue: TurnQueue;
  store: ConversationStore;
  /**
   * Threads Archie was mentioned in (besides those it started), or found in the store to hold a
   * conversation for: replies there need no mention and no store lookup. Only this process's
   * memory; the store is what survives a restart (handlers/message.ts).
   */
  joined: Set<string>;
  metrics?: Metrics;
  log(line: string): void;
}

export interface Typable {
  sendTyping(): Promise<unknown>;
}

/** What kind of event a turn came from, for the events metric. */
export type EventKind = "mention" | "message" | "dm" | "command" | "button";

/**
 * Hands one turn to the queue. Once it is accepted, "typing…" shows where the reply will appear
 * (Discord shows it for about ten seconds, or until the reply arrives). Rejects when the queue
 * could not take the turn; the caller tells the user.
 */
export async function intake(app: DiscordApp, kind: EventKind, turn: Turn, target: ReplyTarget, typing?: Typable): Promise<EnqueueResult> {
  app.metrics?.eventReceived("discord", kind);
  const result = await app.queue.enqueue(turn, target);
  if (result.accepted && typing) {
    typing.sendTyping().catch((error: unknown) => app.log(`typing indicator failed: ${describe(error)}`));
  }
  return result;
}

/** Bounded: the oldest thread is forgotten first (it then needs a mention again). */
export function remember(set: Set<string>, id: string, max = 10_000): void {
  set.delete(id);
  set.add(id);
  if (set.size > max) set.delete(set.values().next().value!);
}
