import { createHash, randomUUID } from "node:crypto";
import type { Turn } from "../agent/types.js";
import { threadKeyString } from "../state/keys.js";

/**
 * The job id of a turn, derived from the platform's event id so that a platform retry of the
 * same event maps to the same job and cannot be queued twice. BullMQ refuses ids containing ":"
 * and ids that are whole numbers (Discord ids are numeric snowflakes), so the id is the platform
 * name, a dot and the event id percent-encoded (":" becomes "%3A").
 * A turn without an event id cannot be deduplicated; it gets a fresh random id.
 */
export function jobIdFor(turn: Turn): string {
  const event = turn.eventId ? encodeURIComponent(turn.eventId) : `local-${randomUUID()}`;
  return `${turn.key.platform}.${event}`;
}

/**
 * Which partition serves a thread: every turn of one thread lands in the same partition, whose
 * jobs run one at a time, so a thread's turns run in the order they were accepted.
 */
export function partitionOf(turn: Turn, partitions: number): number {
  const digest = createHash("sha1").update(threadKeyString(turn.key)).digest();
  return digest.readUInt32BE(0) % partitions;
}
