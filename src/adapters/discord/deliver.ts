import { createMaterialBuilder } from "../../agent/material.js";
import type { Reply } from "../../agent/types.js";
import { renderPost, type OutboundMessage } from "./render/posts.js";

/**
 * Every post of a reply, in order, as the Discord messages to send. A generator, so the first
 * message can go out while the pictures of a later post are still being drawn.
 */
export async function* messagesOf(reply: Reply, threadId: string, log: (line: string) => void): AsyncGenerator<OutboundMessage> {
  const material = createMaterialBuilder({ log });
  for (const post of reply.posts) yield* renderPost(await material.post(post), { threadId });
}
