import { createConversation, type ConversationOptions, type ConversationService } from "../../src/agent/conversation.js";
import type { Post, Reply } from "../../src/agent/types.js";
import { createMemoryStore } from "../../src/state/index.js";
import type { ConversationStore, ThreadKey } from "../../src/state/types.js";

/** A test thread: say something, get Archie's posts back, with helpers to read them. */

export const KEY: ThreadKey = { platform: "console", workspace: "test", channel: "c1", thread: "t1" };

export interface TestThread {
  service: ConversationService;
  store: ConversationStore;
  say(text: string, extra?: { eventId?: string; action?: string }): Promise<Reply>;
}

export function thread(options: Partial<ConversationOptions> = {}): TestThread {
  const store = options.store ?? createMemoryStore();
  const service = createConversation({ ...options, store });
  return {
    service,
    store,
    say: (text, extra = {}) => service.handleTurn({ key: KEY, user: "u1", text, ...extra }),
  };
}

export function texts(reply: Reply): string[] {
  return reply.posts.flatMap((post) => (post.kind === "text" ? [post.text] : []));
}

export function proposalPost(reply: Reply): Extract<Post, { kind: "proposal" }> | undefined {
  return reply.posts.find((post): post is Extract<Post, { kind: "proposal" }> => post.kind === "proposal");
}

/** The numbered questions of a reply ("1. How much traffic…"), without their numbers. */
export function questions(reply: Reply): string[] {
  return texts(reply).flatMap((text) => text.split("\n").filter((line) => /^\d\. /.test(line)).map((line) => line.slice(3)));
}
