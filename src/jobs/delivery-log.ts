import type { Reply } from "../agent/types.js";
import type { RedisConnection } from "../state/redis-connection.js";
import { decodeReply, encodeReply } from "./reply-codec.js";

/**
 * What became of each job's reply, in Redis beside the queue, so a job retried after its worker
 * died neither runs the conversation again nor posts twice:
 * - `reply`: the reply, saved before it is posted (compactly, see reply-codec.ts); a retry posts
 *   it instead of conversing again.
 * - `delivered`: set right after the platform accepted the post; a retry that finds it stops.
 * - `notified`: set when the user was told the job failed, so they are told once.
 *
 * The window that remains: a worker that dies after the platform accepted the post but before
 * `delivered` is written (one round trip on loopback) posts the reply again on retry, unless the
 * sink passes `deliveryId` to a platform idempotency key (Discord's nonce). A worker that dies
 * after the conversation saved its state but before `reply` is written runs the turn again on
 * retry: the user still gets one reply, and the thread's history holds that message twice.
 */
export interface DeliveryLog {
  status(jobId: string): Promise<{ delivered: boolean; reply: Reply | undefined }>;
  /** Whether the job's reply was posted, without reading a reply still waiting. */
  delivered(jobId: string): Promise<boolean>;
  saveReply(jobId: string, reply: Reply): Promise<void>;
  markDelivered(jobId: string): Promise<void>;
  /** True for the first caller only: that one tells the user. */
  claimFailureNotice(jobId: string): Promise<boolean>;
}

export interface DeliveryLogOptions {
  prefix: string;
  /** How long the records are kept; longer than any retry of a job takes. Default one day. */
  ttlSeconds?: number;
}

export function createDeliveryLog(connection: RedisConnection, options: DeliveryLogOptions): DeliveryLog {
  const ttl = options.ttlSeconds ?? 24 * 60 * 60;
  const key = (jobId: string, what: "reply" | "delivered" | "notified") => `${options.prefix}:delivery:${jobId}:${what}`;
  const client = connection.client;
  return {
    async status(jobId) {
      const [delivered, reply] = await connection.roundTrip(() => client.mget(key(jobId, "delivered"), key(jobId, "reply")));
      return { delivered: delivered !== null && delivered !== undefined, reply: reply ? decodeReply(reply) : undefined };
    },
    async delivered(jobId) {
      return (await connection.roundTrip(() => client.exists(key(jobId, "delivered")))) === 1;
    },
    async saveReply(jobId, reply) {
      await connection.roundTrip(() => client.set(key(jobId, "reply"), encodeReply(reply), "EX", ttl));
    },
    async markDelivered(jobId) {
      // The reply is no longer needed once delivered; dropping it in the same round trip keeps memory flat.
      await connection.roundTrip(() => client.multi().set(key(jobId, "delivered"), "1", "EX", ttl).del(key(jobId, "reply")).exec());
    },
    async claimFailureNotice(jobId) {
      const set = await connection.roundTrip(() => client.set(key(jobId, "notified"), "1", "EX", ttl, "NX"));
      return set === "OK";
    },
  };
}
