import { createHash } from "node:crypto";
import { Routes, type RawFile, type REST } from "discord.js";
import type { Turn } from "../../agent/types.js";
import type { DeliveryContext, ReplySink } from "../../jobs/types.js";
import { keepFollowing } from "../../state/membership.js";
import type { ConversationStore } from "../../state/types.js";
import { messagesOf } from "./deliver.js";
import { describe } from "./handlers/errors.js";
import { CARD_FLAGS } from "./render/card.js";
import { textMessage, type OutboundMessage } from "./render/posts.js";
import { readTarget } from "./target.js";

/** Discord's message nonce is at most 25 characters. */
const NONCE_LENGTH = 25;

/**
 * The nonce of one message of one delivery: the same for every attempt at the same job, so with
 * `enforce_nonce` Discord returns the message it already created instead of posting it again
 * (for a few minutes, which covers a job's retries).
 */
export function nonceFor(deliveryId: string, part: number | "failure"): string {
  return createHash("sha256").update(`${deliveryId}#${part}`).digest("base64url").slice(0, NONCE_LENGTH);
}

/**
 * The JSON part of a message; nothing Archie posts may ping anyone, whatever text it echoes. A
 * card is its components alone, under the IS_COMPONENTS_V2 flag (Discord refuses `content` with it).
 */
function bodyOf(message: OutboundMessage, nonce: string | undefined): Record<string, unknown> {
  return {
    ...(message.kind === "card" ? { flags: CARD_FLAGS } : { content: message.content }),
    components: message.components,
    allowed_mentions: { parse: [] },
    ...(message.files.length ? { attachments: message.files.map((file, id) => ({ id, filename: file.name })) } : {}),
    ...(nonce ? { nonce, enforce_nonce: true } : {}),
  };
}

const filesOf = (message: OutboundMessage): RawFile[] => message.files.map((file) => ({ name: file.name, data: Buffer.from(file.data) }));

export interface DiscordSinkOptions {
  applicationId: string;
  log: (line: string) => void;
  /**
   * The conversation store: a thread Archie replied in stays followed (state/membership.ts), even
   * when the turn left no state there ("start over" cleared it). Without one, only the state the
   * conversation saves does that.
   */
  store?: ConversationStore;
}

/** A turn in a thread, not in a DM or a channel answered in place: its key names the thread apart from its channel (keys.ts). */
const inThread = (turn: Turn) => turn.key.thread !== turn.key.channel;

/**
 * Posts replies over Discord's REST API alone, so it runs in a worker with no gateway
 * connection. The REST client queues requests by Discord's rate-limit buckets and waits out a
 * 429's Retry-After itself; a refusal it gives up on throws, and the job is retried. After
 * posting in a thread it keeps the thread followed, so replies there need no mention, whichever
 * gateway process takes them.
 */
export function createDiscordSink(rest: REST, options: DiscordSinkOptions): ReplySink {
  const { store } = options;
  /**
   * A refused request becomes an error carrying Discord's status, code and message only: the
   * REST client's own error holds the URL (with a follow-up's interaction token) and the body
   * (the user's words), and the worker logs what it throws.
   */
  async function post(context: DeliveryContext, message: OutboundMessage, part: number | "failure"): Promise<void> {
    try {
      await send(context, message, part);
    } catch (error) {
      throw new Error(describe(error));
    }
  }

  async function send(context: DeliveryContext, message: OutboundMessage, part: number | "failure"): Promise<void> {
    const target = readTarget(context.target);
    const files = filesOf(message);
    if (target.followUpToken) {
      // Interaction follow-ups take no nonce; the delivery log is their only guard against a repeat.
      await rest.post(Routes.webhook(options.applicationId, target.followUpToken), { body: bodyOf(message, undefined), files, auth: false });
      return;
    }
    await rest.post(Routes.channelMessages(target.channelId), { body: bodyOf(message, nonceFor(context.deliveryId, part)), files });
  }

  /** Posted is posted: a store that cannot record the thread costs a mention later, not a retry of the reply. */
  async function follow(turn: Turn): Promise<void> {
    if (!store || !inThread(turn)) return;
    await keepFollowing(store, turn.key).catch((error: unknown) => options.log(`could not record thread ${turn.key.thread} as followed: ${describe(error)}`));
  }

  return {
    async deliver(turn, reply, context) {
      let part = 0;
      for await (const message of messagesOf(reply, turn.key.thread, options.log)) {
        await post(context, message, part);
        part += 1;
      }
      if (part > 0) await follow(turn);
    },
    async notifyFailure(turn, message, context) {
      await post(context, textMessage(message), "failure");
      await follow(turn);
    },
  };
}
