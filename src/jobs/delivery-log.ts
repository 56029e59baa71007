import type { RedisConnection } from "../state/redis-connection.js";

/**
 * What became of each job, in Redis beside the queue:
 * - `started`: set when a run of the job first begins. A run that finds it knows the job ran
 *   before — a failed attempt, a worker that died mid-job (BullMQ does not count that as an
 *   attempt), a job re-added for the same event — so part of its reply may already be on the
 *   platform, and the sink must look before posting.
 * - `delivered`: set right after the platform accepted the whole reply; a retry that finds it stops.
 * - `notified`: set when the user was told the job failed, so they are told once.
 *
 * The reply itself is not kept here: the conversation store commits it together with the
 * thread's new state (see ConversationStore.commit), so a retry finds it wherever the first run
 * stopped. The window that remains: a worker that dies after the platform accepted a post but
 * before `delivered` is written posts nothing twice either, because the retry reads the thread's
 * markers first (or the platform deduplicates on `deliveryId`, as Discord's nonce does).
 */
export interface DeliveryLog {
  /** Records that a run of the job begins; says whether it ran before and whether its reply was delivered. */
  begin(jobId: string): Promise<{ delivered: boolean; ranBefore: boolean }>;
  /** Whether the job's reply was posted. */
  delivered(jobId: string): Promise<boolean>;
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
  const key = (jobId: string, what: "started" | "delivered" | "notified") => `${options.prefix}:delivery:${jobId}:${what}`;
  const client = connection.client;
  return {
    async begin(jobId) {
      const replies = await connection.roundTrip(() => client.multi().exists(key(jobId, "delivered")).set(key(jobId, "started"), "1", "EX", ttl, "NX").exec());
      const [delivered, started] = (replies ?? []).map(([error, value]) => {
        if (error) throw error;
        return value;
      });
      return { delivered: delivered === 1, ranBefore: started !== "OK" };
    },
    async delivered(jobId) {
      return (await connection.roundTrip(() => client.exists(key(jobId, "delivered")))) === 1;
    },
    async markDelivered(jobId) {
      await connection.roundTrip(() => client.set(key(jobId, "delivered"), "1", "EX", ttl));
    },
    async claimFailureNotice(jobId) {
      const set = await connection.roundTrip(() => client.set(key(jobId, "notified"), "1", "EX", ttl, "NX"));
      return set === "OK";
    },
  };
}
