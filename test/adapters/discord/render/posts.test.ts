import { describe, expect, it } from "vitest";
import { MAX_FILES, renderPost } from "../../../../src/adapters/discord/render/posts.js";
import { PROPOSAL_ACTIONS, actionsFor } from "../../../../src/agent/actions.js";
import type { Picture } from "../../../../src/report/pictures/index.js";
import { proposalPost, sectionPost } from "../../../../src/agent/posts.js";
import type { Post, PostMaterial } from "../../../../src/agent/types.js";
import { reportProposal } from "../../../fixtures/report-proposal.js";

const THREAD = "1234567890123456789";
const png = (filename: string): Picture => ({ filename, mediaType: "image/png", data: new Uint8Array([137, 80, 78, 71]), width: 1, height: 1 });
const pictures = [png("diagram.png"), png("cost-scale.png")];
const bare = (post: Post): PostMaterial => ({ post, pictures: [], files: [] });

describe("renderPost", () => {
  it("a question: its text with the quick answers as buttons under the last message", () => {
    const messages = renderPost(bare({ kind: "text", text: "1. How much traffic?", actions: actionsFor(["traffic"]) }), { threadId: THREAD });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.content).toBe("1. How much traffic?");
    expect(messages[0]!.components[0]!.components.map((b) => b.label)).toEqual(["50k DAU", "Use assumptions and go"]);
  });

  it("never lets echoed text ping", () => {
    const [message] = renderPost(bare({ kind: "text", text: "Got it: @everyone's favourite app, @here" }), { threadId: THREAD });
    expect(message!.content).not.toMatch(/@(everyone|here)/);
  });

  it("a proposal: its brief with the diagram first, the whole proposal and buttons on the last, all within 2000 characters", () => {
    const proposal = reportProposal();
    const post = { ...proposalPost(proposal, ["Budget: €5,000 → €4,000 a month"]), note: "Tell me the real growth.", actions: PROPOSAL_ACTIONS };
    const files = post.document.files.filter((f) => f.filename.endsWith(".md"));
    const messages = renderPost({ post, pictures, files }, { threadId: THREAD });
    for (const m of messages) expect(m.content.length).toBeLessThanOrEqual(2000);
    const [first] = messages;
    const last = messages.at(-1)!;
    expect(first!.content.startsWith(`**What changed in v${proposal.version}**`)).toBe(true);
    expect(first!.content).toContain(post.brief.shape);
    expect(first!.files[0]?.name).toBe("diagram.png");
    expect(last.files.map((f) => f.name).slice(-2)).toEqual([`proposal-v${proposal.version}.md`, "cost-scale.png"]);
    expect(new TextDecoder().decode(last.files.at(-2)!.data)).toBe(files[0]!.content);
    expect(last.components[0]!.components.map((b) => b.label)).toEqual(PROPOSAL_ACTIONS.map((a) => a.label));
    expect(last.content).toContain("> Tell me the real growth.");
    const all = messages.map((m) => m.content).join("\n");
    expect(all).not.toMatch(/^\|/m);
    expect(all).toContain(post.brief.cost);
    expect(all).not.toContain("### Components");
  });

  it("a proposal without pictures still posts, with no image", () => {
    const proposal = reportProposal();
    const messages = renderPost(bare(proposalPost(proposal)), { threadId: THREAD });
    expect(messages.flatMap((m) => m.files.map((f) => f.name))).not.toContain("diagram.png");
  });

  it("a roadmap: the cost/scale chart on its first message", () => {
    const proposal = reportProposal();
    const post = { ...sectionPost(proposal, "roadmap"), actions: PROPOSAL_ACTIONS };
    const messages = renderPost({ post, pictures: pictures.filter((p) => p.filename === "cost-scale.png"), files: [] }, { threadId: THREAD });
    expect(messages[0]!.files.map((f) => f.name)).toEqual(["cost-scale.png"]);
    expect(messages.flatMap((m) => m.files)).toHaveLength(1);
    expect(messages.at(-1)!.components).toHaveLength(1);
  });

  it("files: at most ten attachments a message", () => {
    const files = Array.from({ length: 23 }, (_, i) => ({ filename: `k6-${i}.js`, mediaType: "text/javascript", content: `// ${i}` }));
    const messages = renderPost({ post: { kind: "files", version: 2, files }, pictures: [], files }, { threadId: THREAD });
    expect(messages[0]!.content.startsWith("**Files for v2**")).toBe(true);
    for (const m of messages) expect(m.files.length).toBeLessThanOrEqual(MAX_FILES);
    expect(messages.flatMap((m) => m.files.map((f) => f.name))).toEqual(files.map((f) => f.filename));
  });
});
