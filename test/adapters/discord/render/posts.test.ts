import { describe, expect, it } from "vitest";
import { MAX_FILES, renderPost, type OutboundMessage, type TextMessage } from "../../../../src/adapters/discord/render/posts.js";
import { PROPOSAL_ACTIONS, actionsFor, sectionActions } from "../../../../src/agent/actions.js";
import { proposalPost, sectionPost } from "../../../../src/agent/posts.js";
import type { Post, PostMaterial } from "../../../../src/agent/types.js";
import type { Picture } from "../../../../src/report/pictures/index.js";
import { reportProposal } from "../../../fixtures/report-proposal.js";
import { buttonsIn, checkMessage, IS_COMPONENTS_V2, referencesIn, textsIn } from "../../../support/fake-discord/components.js";

const THREAD = "1234567890123456789";
const png = (filename: string): Picture => ({ filename, mediaType: "image/png", data: new Uint8Array([137, 80, 78, 71]), width: 1, height: 1 });
const svg = (filename: string): Picture => ({ filename, mediaType: "image/svg+xml", data: new TextEncoder().encode("<svg/>"), width: 1, height: 1 });
const pictures = [png("diagram.png"), svg("diagram.svg"), png("cost-scale.png"), svg("cost-scale.svg")];
const bare = (post: Post): PostMaterial => ({ post, pictures: [], files: [] });

function plain(message: OutboundMessage | undefined): TextMessage {
  if (message?.kind !== "text") throw new Error(`expected a plain message, got ${message?.kind}`);
  return message;
}
/** The body the sink sends, checked as the fake Discord checks it. */
const problems = (m: OutboundMessage) =>
  checkMessage(m.kind === "card" ? { flags: IS_COMPONENTS_V2, components: m.components } : { content: m.content, components: m.components }, m.files.map((f) => f.name));
const texts = (m: OutboundMessage) => (m.kind === "card" ? textsIn(m.components).join("\n\n") : m.content);

describe("renderPost", () => {
  it("a question: its text with the quick answers as buttons under the last message", () => {
    const messages = renderPost(bare({ kind: "text", text: "1. How much traffic?", actions: actionsFor(["traffic"]) }), { threadId: THREAD });
    expect(messages).toHaveLength(1);
    expect(plain(messages[0]).content).toBe("1. How much traffic?");
    expect(plain(messages[0]).components[0]!.components.map((b) => b.label)).toEqual(["50k DAU", "Use assumptions and go"]);
  });

  it("never lets echoed text ping", () => {
    const [message] = renderPost(bare({ kind: "text", text: "Got it: @everyone's favourite app, @here" }), { threadId: THREAD });
    expect(plain(message).content).not.toMatch(/@(everyone|here)/);
  });

  it("a proposal: one card with what changed, the brief, the pictures, the whole proposal as a file and the buttons for its parts", () => {
    const proposal = reportProposal();
    const post = { ...proposalPost(proposal, ["Budget: €5,000 → €4,000 a month"]), note: "Tell me the real growth, @everyone.", actions: PROPOSAL_ACTIONS };
    const files = post.document.files.filter((f) => f.filename.endsWith(".md"));
    const messages = renderPost({ post, pictures, files }, { threadId: THREAD });
    expect(messages).toHaveLength(1);
    const [card] = messages;
    expect(card!.kind).toBe("card");
    expect(problems(card!)).toEqual([]);
    const text = texts(card!);
    expect(text.startsWith(`**What changed in v${proposal.version}**\n- Budget: €5,000 → €4,000 a month`)).toBe(true);
    for (const figure of [post.brief.shape, post.brief.traffic, post.brief.cost]) expect(text).toContain(figure);
    for (const b of post.brief.bottlenecks) expect(text).toContain(`${b.title}: ${b.utilisation} used, ${b.headroom} headroom`);
    expect(text).toContain("> Tell me the real growth, @\u200beveryone.");
    expect(text).not.toContain("### Components");
    // PNGs shown in a gallery, the SVGs left out, the whole proposal a file component.
    expect(card!.files.map((f) => f.name)).toEqual(["diagram.png", "cost-scale.png", `proposal-v${proposal.version}.md`]);
    expect(referencesIn(card!.components)).toEqual(card!.files.map((f) => f.name));
    expect(new TextDecoder().decode(card!.files[2]!.data)).toBe(files[0]!.content);
    expect(buttonsIn(card!.components).map((b) => b.label)).toEqual(PROPOSAL_ACTIONS.map((a) => a.label));
  });

  it("a proposal without pictures still posts, with no gallery", () => {
    const messages = renderPost(bare(proposalPost(reportProposal())), { threadId: THREAD });
    expect(messages.flatMap((m) => m.files)).toEqual([]);
    for (const m of messages) expect(problems(m)).toEqual([]);
  });

  it("a part asked for: cards of its sections, whole, with its picture first and the other parts' buttons last", () => {
    const proposal = reportProposal();
    const post = { ...sectionPost(proposal, "roadmap"), actions: sectionActions("roadmap") };
    const messages = renderPost({ post, pictures: pictures.filter((p) => p.filename.startsWith("cost-scale")), files: [] }, { threadId: THREAD });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(problems(m)).toEqual([]);
    expect(messages[0]!.files.map((f) => f.name)).toEqual(["cost-scale.png"]);
    expect(messages.flatMap((m) => m.files)).toHaveLength(1);
    const all = messages.map(texts).join("\n\n");
    for (const section of post.document.sections) expect(all).toContain(`### ${section.title}`);
    expect(buttonsIn(messages.at(-1)!.components).map((b) => b.label)).toEqual(sectionActions("roadmap").map((a) => a.label));
    expect(messages.slice(0, -1).every((m) => buttonsIn(m.components).length === 0)).toBe(true);
  });

  it("the full proposal: its head and the file, not dozens of cards", () => {
    const post = sectionPost(reportProposal(), "full");
    const messages = renderPost({ post, pictures, files: post.document.files }, { threadId: THREAD });
    expect(messages).toHaveLength(1);
    expect(problems(messages[0]!)).toEqual([]);
    expect(messages[0]!.files.map((f) => f.name)).toEqual(["diagram.png", "cost-scale.png", ...post.document.files.map((f) => f.filename)]);
  });

  it("files: at most ten attachments a message", () => {
    const files = Array.from({ length: 23 }, (_, i) => ({ filename: `k6-${i}.js`, mediaType: "text/javascript", content: `// ${i}` }));
    const messages = renderPost({ post: { kind: "files", version: 2, files }, pictures: [], files }, { threadId: THREAD });
    expect(plain(messages[0]).content.startsWith("**Files for v2**")).toBe(true);
    for (const m of messages) expect(m.files.length).toBeLessThanOrEqual(MAX_FILES);
    expect(messages.flatMap((m) => m.files.map((f) => f.name))).toEqual(files.map((f) => f.filename));
  });
});
