import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { postOutbound } from "../../../src/adapters/slack/blocks/posts.js";
import { CANVAS_MARKDOWN_MAX } from "../../../src/adapters/slack/canvas.js";
import { checkMessage, LIMITS } from "../../../src/adapters/slack/blocks/limits.js";
import { PROPOSAL_ACTIONS, sectionActions } from "../../../src/agent/actions.js";
import { filesPost, proposalPost, sectionPost } from "../../../src/agent/posts.js";
import type { PostMaterial } from "../../../src/agent/types.js";
import { plan } from "../../../src/planner/index.js";
import { PROPOSAL_PARTS } from "../../../src/report/parts.js";
import { requirementsArb } from "../../planner/arbitraries.js";

/**
 * For any proposal the planner's generators can produce, nothing Archie sends Slack breaks Block
 * Kit's limits: the summary with its buttons, a revision's changes, every part on request, the
 * canvas's Markdown and the export. Pictures are left out: they are uploads, not blocks.
 */

const RUNS = { numRuns: Number(process.env.ARCHIE_PROPERTY_RUNS ?? 60) };
const thread = { channel: "C0CHAN001", thread: "1760000000.000001" };

function outbound(material: PostMaterial) {
  return postOutbound(material, thread);
}

describe("Slack messages for generated proposals", () => {
  it("every message of every reply keeps Block Kit's limits, and the canvas fits", () => {
    fc.assert(
      fc.property(requirementsArb, fc.array(fc.string({ maxLength: 300 }), { maxLength: 30 }), (input, changes) => {
        const proposal = plan(input);
        const first = { ...proposalPost(proposal, changes.length ? changes : undefined), actions: PROPOSAL_ACTIONS };
        const materials: PostMaterial[] = [{ post: first, pictures: [], files: first.document.files.filter((f) => f.filename.endsWith(".md")) }];
        for (const part of PROPOSAL_PARTS) {
          const post = { ...sectionPost(proposal, part), actions: sectionActions(part) };
          materials.push({ post, pictures: [], files: post.document.files });
        }
        const files = filesPost(proposal);
        materials.push({ post: files, pictures: [], files: files.files });
        for (const material of materials) {
          for (const item of outbound(material)) {
            if (item.kind === "message") expect(checkMessage(item.message), `${material.post.kind} message`).toEqual([]);
            if (item.kind === "canvas") expect(item.canvas.markdown.length).toBeLessThanOrEqual(CANVAS_MARKDOWN_MAX);
            if (item.kind === "upload") expect(item.comment.length).toBeLessThanOrEqual(LIMITS.messageText);
          }
        }
      }),
      RUNS,
    );
  }, 120_000);
});
