import type { Post, Reply } from "../../agent/types.js";
import { renderPictures, type Picture } from "../../report/pictures/index.js";
import { renderPost, type OutboundMessage } from "./render/posts.js";

/** The PNGs of a post's proposal; none when drawing fails, so the post goes out without them. */
async function picturesFor(post: Post, log: (line: string) => void): Promise<Picture[]> {
  const proposal = post.kind === "proposal" ? post.proposal : post.kind === "roadmap" ? post.proposal : undefined;
  if (!proposal) return [];
  const result = await renderPictures(proposal);
  if (result.ok) return result.pictures.filter((p) => p.mediaType === "image/png");
  log(`posting without pictures: ${result.error}`);
  return [];
}

/**
 * Every post of a reply, in order, as the Discord messages to send. A generator, so the first
 * message can go out while the pictures of a later post are still being drawn.
 */
export async function* messagesOf(reply: Reply, threadId: string, log: (line: string) => void): AsyncGenerator<OutboundMessage> {
  for (const post of reply.posts) {
    const pictures = await picturesFor(post, log);
    yield* renderPost(post, { threadId, pictures });
  }
}
