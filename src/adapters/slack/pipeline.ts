import type { webApi } from "@slack/bolt";
import type { ConversationService } from "../../agent/conversation.js";
import type { Post } from "../../agent/types.js";
import type { PicturesResult } from "../../report/pictures/index.js";
import type { ConversationStore, ThreadKey } from "../../state/types.js";
import { postOutbound, type ThreadRef } from "./blocks/posts.js";
import { keepFollowing } from "./membership.js";
import type { Outbox } from "./outbox.js";

/**
 * The one path every entry point takes once it has a thread and the user's words: show the
 * working reaction, run the turn through the core, post the reply, remove the reaction.
 */

export interface SlackTurn {
  key: ThreadKey;
  thread: ThreadRef;
  user: string;
  text: string;
  action?: string;
  /** The message to put the working reaction on (the user's message, or the button's message). */
  reactTo?: { channel: string; ts: string };
}

export interface PipelineOptions {
  service: ConversationService;
  store: ConversationStore;
  outbox: Outbox;
  client: webApi.WebClient;
  pictures: (proposal: Extract<Post, { kind: "proposal" }>["proposal"]) => Promise<PicturesResult>;
  log: (line: string) => void;
}

export const WORKING_REACTION = "hourglass_flowing_sand";

export type Pipeline = (turn: SlackTurn) => Promise<void>;

export function createPipeline(options: PipelineOptions): Pipeline {
  const { service, store, outbox, client, log } = options;

  async function react(add: boolean, target: { channel: string; ts: string }): Promise<void> {
    const args = { channel: target.channel, timestamp: target.ts, name: WORKING_REACTION };
    try {
      if (add) await client.reactions.add(args);
      else await client.reactions.remove(args);
    } catch (error) {
      // The reaction is a courtesy: a missing scope or a deleted message must not stop the reply.
      log(`could not ${add ? "add" : "remove"} the working reaction: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function picturesFor(post: Post): Promise<NonNullable<Extract<PicturesResult, { ok: true }>["pictures"]>> {
    if (post.kind !== "proposal") return [];
    const result = await options.pictures(post.proposal);
    if (result.ok) return result.pictures;
    log(`posting v${post.proposal.version} without pictures: ${result.error}`);
    return [];
  }

  return async (turn) => {
    if (turn.reactTo) await react(true, turn.reactTo);
    try {
      const reply = await service.handleTurn({ key: turn.key, user: turn.user, text: turn.text, ...(turn.action ? { action: turn.action } : {}) });
      for (const post of reply.posts) {
        await outbox.deliver(turn.thread, postOutbound(post, turn.thread, await picturesFor(post)));
      }
      if (reply.posts.length) await keepFollowing(store, turn.key).catch((error: unknown) => log(`could not record the thread: ${String(error)}`));
    } finally {
      if (turn.reactTo) await react(false, turn.reactTo);
    }
  };
}
