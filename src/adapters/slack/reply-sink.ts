import { webApi } from "@slack/bolt";
import { createMaterialBuilder, type DrawPictures } from "../../agent/material.js";
import type { Reply, Turn } from "../../agent/types.js";
import type { DeliveryContext, ReplySink } from "../../jobs/types.js";
import type { Metrics } from "../../observability/metrics.js";
import { keepFollowing } from "../../state/membership.js";
import type { ConversationStore } from "../../state/types.js";
import { postOutbound, type Outbound, type ThreadRef } from "./blocks/posts.js";
import { createOutbox } from "./outbox.js";
import { createWorkingReactions, type WorkingReactions } from "./reaction.js";
import { fromReplyTarget } from "./target.js";

/**
 * Slack's half of the worker: renders a Reply to Block Kit (with its pictures), posts it in the
 * thread the target names, keeps the thread followed, and takes the ⏳ reaction the intake put
 * on the user's message off again.
 */

export interface SlackSinkOptions {
  client: webApi.WebClient;
  /** The conversation store: a thread Archie replied in stays followed (see state/membership.ts). */
  store: ConversationStore;
  pictures: DrawPictures;
  log: (line: string) => void;
  metrics?: Metrics;
  /** The intake's, when it runs in this process: a reply then waits for its ⏳ to be on. */
  reactions?: WorkingReactions;
  /** Retry pause of the outbox after an ambiguous failure (tests shorten it). */
  retryDelayMs?: number;
}

/** The Web API method a request URL names (…/api/chat.postMessage → chat.postMessage). */
const methodOf = (url: string) => url.split("/").pop() ?? "unknown";

export function createSlackSink(options: SlackSinkOptions): ReplySink {
  const { client, store, log, metrics } = options;
  const reactions = options.reactions ?? createWorkingReactions(client, log);
  // The client waits out 429s itself (client-options.ts); each one still counts.
  client.on(webApi.WebClientEvent.RATE_LIMITED, (_seconds: number, request: { url: string }) => metrics?.platformApiError("slack", methodOf(request.url), 429));
  const outbox = createOutbox({
    client,
    log,
    onApiError: (method, status) => metrics?.platformApiError("slack", method, status),
    ...(options.retryDelayMs !== undefined ? { retryDelayMs: options.retryDelayMs } : {}),
  });

  async function render(reply: Reply, thread: ThreadRef): Promise<Outbound[]> {
    const material = await createMaterialBuilder({ draw: options.pictures, log }).reply(reply.posts);
    return material.posts.flatMap((post) => postOutbound(post, thread));
  }

  async function finish(turn: Turn, context: DeliveryContext, posted: boolean): Promise<void> {
    const target = fromReplyTarget(context.target);
    if (posted) await keepFollowing(store, turn.key).catch((error: unknown) => log(`could not record the thread: ${String(error)}`));
    if (target.reactTs) await reactions.remove({ channel: target.channel, ts: target.reactTs });
  }

  return {
    async deliver(turn, reply, context) {
      const target = fromReplyTarget(context.target);
      const thread = { channel: target.channel, thread: target.thread };
      if (target.reactTs) await reactions.settled({ channel: target.channel, ts: target.reactTs });
      await outbox.deliver(thread, await render(reply, thread), { deliveryId: context.deliveryId, resume: context.attempt > 1 });
      await finish(turn, context, reply.posts.length > 0);
    },
    async notifyFailure(turn, message, context) {
      const target = fromReplyTarget(context.target);
      const thread = { channel: target.channel, thread: target.thread };
      await outbox.deliver(thread, postOutbound({ post: { kind: "text", text: message }, pictures: [], files: [] }, thread), { deliveryId: `${context.deliveryId}.failed`, resume: false });
      await finish(turn, context, true);
    },
  };
}
