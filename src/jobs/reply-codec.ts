import { proposalPost, sectionPost } from "../agent/posts.js";
import type { Action, Post, ProposalPart, Reply } from "../agent/types.js";
import { plan } from "../planner/index.js";
import type { Proposal } from "../planner/proposal.js";
import type { Requirements } from "../planner/requirements.js";

/**
 * How a reply waits in Redis until it is posted. A proposal with its document is about 240 KB
 * of JSON, while the planner is deterministic and every proposal and section post is built from
 * its proposal alone (src/agent/posts.ts); so those posts are kept as the requirements and
 * version they were planned from, and rebuilt only by the rare retry that finds them.
 */

interface PlanRef {
  version: number;
  requirements: Requirements;
}

/** Text and file posts, and a section post without its proposal, are kept whole. */
type SavedPost =
  | Exclude<Post, { kind: "proposal" }>
  | (PlanRef & { kind: "proposal-ref"; changes?: string[]; note?: string; actions?: Action[] })
  | (PlanRef & { kind: "section-ref"; part: ProposalPart; actions?: Action[] });

const refOf = (proposal: Proposal): PlanRef => ({ version: proposal.version, requirements: proposal.requirements });

function save(post: Post): SavedPost {
  switch (post.kind) {
    case "proposal": {
      const { proposal, document: _rebuilt, brief: _brief, parts: _parts, kind: _kind, ...rest } = post;
      return { kind: "proposal-ref", ...refOf(proposal), ...rest };
    }
    case "section": {
      if (!post.proposal) return post;
      return { kind: "section-ref", part: post.part, ...refOf(post.proposal), ...(post.actions ? { actions: post.actions } : {}) };
    }
    default:
      return post;
  }
}

export function encodeReply(reply: Reply): string {
  return JSON.stringify({ posts: reply.posts.map(save) });
}

export function decodeReply(text: string): Reply {
  const saved = JSON.parse(text) as { posts: SavedPost[] };
  const planned = new Map<number, Proposal>();
  const replan = ({ version, requirements }: PlanRef): Proposal => {
    const hit = planned.get(version);
    if (hit) return hit;
    const proposal = plan(requirements, { version });
    planned.set(version, proposal);
    return proposal;
  };
  const posts = saved.posts.map((post): Post => {
    switch (post.kind) {
      case "proposal-ref": {
        const { kind: _kind, version, requirements, changes, ...rest } = post;
        return { ...proposalPost(replan({ version, requirements }), changes), ...rest };
      }
      case "section-ref":
        return { ...sectionPost(replan(post), post.part), ...(post.actions ? { actions: post.actions } : {}) };
      default:
        return post;
    }
  });
  return { posts };
}
