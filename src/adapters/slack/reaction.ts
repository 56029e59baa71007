import type { webApi } from "@slack/bolt";

/**
 * The ⏳ reaction on the user's message while a turn is in hand: put on at intake, right after
 * the acknowledgement, and taken off by the sink once the reply is out. It is a courtesy: a
 * missing scope, a deleted message or a reaction already there or gone must never stop a reply,
 * so failures are only logged.
 */

export const WORKING_REACTION = "hourglass_flowing_sand";

export interface ReactionTarget {
  channel: string;
  ts: string;
}

export interface WorkingReactions {
  /** Puts the reaction on, after the current acknowledgement is written; resolves when Slack answered. */
  add(target: ReactionTarget): Promise<void>;
  /** Resolves once an add this process started for the target is done, so a reply in the same process never overtakes it. */
  settled(target: ReactionTarget): Promise<void>;
  /** Takes the reaction off, after any add still on its way (else the ⏳ would be left behind). */
  remove(target: ReactionTarget): Promise<void>;
}

const quiet = new Set(["already_reacted", "no_reaction"]);
const keyOf = (target: ReactionTarget) => `${target.channel}:${target.ts}`;

export function createWorkingReactions(client: webApi.WebClient, log: (line: string) => void): WorkingReactions {
  const adding = new Map<string, Promise<void>>();

  async function call(add: boolean, target: ReactionTarget): Promise<void> {
    const args = { channel: target.channel, timestamp: target.ts, name: WORKING_REACTION };
    try {
      if (add) await client.reactions.add(args);
      else await client.reactions.remove(args);
    } catch (error) {
      const code = typeof error === "object" && error !== null && "data" in error ? (error as { data?: { error?: string } }).data?.error : undefined;
      if (code && quiet.has(code)) return;
      log(`could not ${add ? "add" : "remove"} the working reaction: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const settled = (target: ReactionTarget) => adding.get(keyOf(target)) ?? Promise.resolve();

  return {
    add(target) {
      const key = keyOf(target);
      const done = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => call(true, target))
        .finally(() => {
          if (adding.get(key) === done) adding.delete(key);
        });
      adding.set(key, done);
      return done;
    },
    settled,
    async remove(target) {
      await settled(target);
      await call(false, target);
    },
  };
}
