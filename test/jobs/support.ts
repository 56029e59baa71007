import { Redis } from "ioredis";
import type { ConversationService } from "../../src/agent/conversation.js";
import type { Reply, Turn } from "../../src/agent/types.js";
import type { DeliveryContext, ReplySink } from "../../src/jobs/types.js";
import type { ThreadKey } from "../../src/state/types.js";

export const threadKey = (thread: string, workspace = "T1"): ThreadKey => ({ platform: "slack", workspace, channel: "C1", thread });

export const turnOf = (thread: string, text: string, eventId?: string): Turn => ({ key: threadKey(thread), user: "U1", text, ...(eventId ? { eventId } : {}) });

/** A conversation that answers with the message itself, after `delayMs` (or a delay per turn); with `hang`, "hang" is never answered. */
export function echoService(delayMs: number | (() => number) = 0, options: { hang?: boolean } = {}): ConversationService & { calls: Turn[] } {
  const calls: Turn[] = [];
  return {
    calls,
    async handleTurn(turn) {
      calls.push(turn);
      if (options.hang && turn.text === "hang") await new Promise(() => undefined);
      const delay = typeof delayMs === "number" ? delayMs : delayMs();
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      return { posts: [{ kind: "text", text: `re: ${turn.text}` }] };
    },
  };
}

export interface Delivered {
  thread: string;
  text: string;
  deliveryId: string;
}

/** A sink that records in memory; `failDeliveries` makes every delivery throw. */
export function recordingSink(options: { failDeliveries?: boolean } = {}): ReplySink & { delivered: Delivered[]; failures: { thread: string; message: string; deliveryId: string }[] } {
  const delivered: Delivered[] = [];
  const failures: { thread: string; message: string; deliveryId: string }[] = [];
  return {
    delivered,
    failures,
    async deliver(turn: Turn, reply: Reply, context: DeliveryContext) {
      if (options.failDeliveries) throw new Error("platform said 500");
      for (const post of reply.posts) delivered.push({ thread: turn.key.thread, text: post.kind === "text" ? post.text : post.kind, deliveryId: context.deliveryId });
    },
    async notifyFailure(turn: Turn, message: string, context: DeliveryContext) {
      failures.push({ thread: turn.key.thread, message, deliveryId: context.deliveryId });
    },
  };
}

/** A sink that records in a Redis list, so deliveries from several processes can be counted together. */
export function redisListSink(url: string, listKey: string): ReplySink & { close(): Promise<void> } {
  const client = new Redis(url);
  return {
    async deliver(turn, reply, context) {
      for (const post of reply.posts) {
        await client.rpush(listKey, JSON.stringify({ thread: turn.key.thread, text: post.kind === "text" ? post.text : post.kind, deliveryId: context.deliveryId }));
      }
    },
    async notifyFailure(turn, message, context) {
      await client.rpush(`${listKey}:failures`, JSON.stringify({ thread: turn.key.thread, message, deliveryId: context.deliveryId }));
    },
    async close() {
      client.disconnect();
    },
  };
}

export async function readList(client: Redis, listKey: string): Promise<Delivered[]> {
  return (await client.lrange(listKey, 0, -1)).map((line) => JSON.parse(line) as Delivered);
}

/** Polls until `done` holds or `timeoutMs` passes; then fails with `what`. */
export async function waitFor(what: string, done: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** BullMQ prefixes may not contain ":"; a random one per test keeps tests apart. */
export function jobPrefix(): string {
  return `archie-test-jobs-${Math.random().toString(36).slice(2, 10)}`;
}

export async function deleteKeys(client: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    if (keys.length > 0) await client.del(...keys);
    cursor = next;
  } while (cursor !== "0");
}
