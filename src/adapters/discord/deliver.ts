import { AttachmentBuilder, type MessageCreateOptions } from "discord.js";
import type { Post, Reply } from "../../agent/types.js";
import { renderPictures, type Picture } from "../../report/pictures/index.js";
import { renderPost, type OutboundMessage } from "./render/posts.js";

/** Sends one rendered message somewhere: a channel, or an interaction's follow-ups. */
export type SendMessage = (payload: MessageCreateOptions) => Promise<unknown>;

export function toPayload(message: OutboundMessage): MessageCreateOptions {
  return {
    content: message.content,
    files: message.files.map((file) => new AttachmentBuilder(Buffer.from(file.data), { name: file.name })),
    components: message.components,
    allowedMentions: { parse: [] },
  };
}

/** The PNGs of a post's proposal; none when drawing fails, so the post goes out without them. */
async function picturesFor(post: Post, log: (line: string) => void): Promise<Picture[]> {
  const proposal = post.kind === "proposal" ? post.proposal : post.kind === "roadmap" ? post.proposal : undefined;
  if (!proposal) return [];
  const result = await renderPictures(proposal);
  if (result.ok) return result.pictures.filter((p) => p.mediaType === "image/png");
  log(`posting without pictures: ${result.error}`);
  return [];
}

/** Every post of a reply, in order, each as one or more messages. */
export async function deliver(reply: Reply, threadId: string, send: SendMessage, log: (line: string) => void): Promise<number> {
  let sent = 0;
  for (const post of reply.posts) {
    const pictures = await picturesFor(post, log);
    for (const message of renderPost(post, { threadId, pictures })) {
      await send(toPayload(message));
      sent += 1;
    }
  }
  return sent;
}
