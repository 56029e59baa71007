import { AIMessage, HumanMessage, mapChatMessagesToStoredMessages, type StoredMessage } from "@langchain/core/messages";
import type { Post } from "./types.js";

/**
 * The thread's message memory: the user's words and Archie's short replies (tool traffic is
 * not kept; the requirements and proposals live in their own fields). Bounded so a long thread
 * costs the same per turn as a short one.
 */

/** One line per post, so a hosted model knows what the thread already shows. */
export function describePosts(posts: readonly Post[]): string {
  return posts
    .map((post) => {
      switch (post.kind) {
        case "proposal":
          return `[Posted proposal v${post.proposal.version}: ${post.proposal.title}${post.changes?.length ? `; changed: ${post.changes.join("; ")}` : ""}]${post.note ? ` ${post.note}` : ""}`;
        case "section":
          return `[Posted the ${post.part === "full" ? "full proposal" : post.part} of v${post.version}]`;
        case "files":
          return `[Attached files of v${post.version}: ${post.files.map((f) => f.filename).join(", ")}]`;
        case "text":
          return post.text;
      }
    })
    .join("\n");
}

export interface Appended {
  messages: StoredMessage[];
  dropped: number;
}

/** Appends one exchange and keeps the newest `max` messages, starting at a user message. */
export function appendExchange(messages: readonly StoredMessage[], userText: string, reply: string, max: number): Appended {
  return keepLast([...messages, ...mapChatMessagesToStoredMessages([new HumanMessage(userText), new AIMessage(reply)])], max);
}

/** The newest `max` messages, starting at a user message so the context reads as a dialogue. */
export function keepLast(messages: readonly StoredMessage[], max: number): Appended {
  let start = Math.max(0, messages.length - max);
  while (start < messages.length && messages[start]?.type !== "human") start += 1;
  return { messages: messages.slice(start), dropped: start };
}
