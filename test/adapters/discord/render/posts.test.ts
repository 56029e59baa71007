import { describe, expect, it } from "vitest";
import { MAX_FILES, renderPost, type OutboundMessage, type TextMessage } from "../../../../src/adapters/discord/render/posts.js";
import { PROPOSAL_ACTIONS, actionsFor } from "../../../../src/agent/actions.js";
import type { Picture } from "../../../../src/report/pictures/index.js";
import { buildDocument } from "../../../../src/report/index.js";
import { reportProposal } from "../../../fixtures/report-proposal.js";
import { buttonsIn, checkMessage, IS_COMPONENTS_V2, referencesIn, textsIn } from "../../../support/fake-discord/components.js";

const THREAD = "1234567890123456789";
const png = (filename: string): Picture => ({ filename, mediaType: "image/png", data: new Uint8Array([137, 80, 78, 71]), width: 1, height: 1 });
const pictures = [png("diagram.png"), png("cost-scale.png")];

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
    const messages = renderPost({ kind: "text", text: "1. How much traffic?", actions: actionsFor(["traffic"]) }, { threadId: THREAD });
    expect(messages).toHaveLength(1);
    expect(plain(messages[0]).content).toBe("1. How much traffic?");
    expect(plain(messages[0]).components[0]!.components.map((b) => b.label)).toEqual(["50k DAU", "Use assumptions and go"]);
  });

  it("never lets echoed text ping", () => {
    const [message] = renderPost({ kind: "text", text: "Got it: @everyone's favourite app, @here" }, { threadId: THREAD });
    expect(plain(message).content).not.toMatch(/@(everyone|here)/);
  });

  it("a proposal: one card with what changed, the summary, bottlenecks, diagram and every file; then components and cost, with the buttons", () => {
    const proposal = reportProposal();
    const document = buildDocument(proposal);
    const messages = renderPost({ kind: "proposal", proposal, document, changes: ["Budget: €5,000 → €4,000 a month"], note: "Tell me the real growth, @everyone.", actions: PROPOSAL_ACTIONS }, { threadId: THREAD, pictures });
    for (const m of messages) expect(problems(m)).toEqual([]);
    expect(messages.map((m) => m.kind)).toEqual(["card", "card"]);
    const [summary, details] = messages;
    const first = texts(summary!);
    expect(first.startsWith(`**What changed in v${proposal.version}**\n- Budget: €5,000 → €4,000 a month`)).toBe(true);
    expect(first).toContain(document.summary.slice(0, 40));
    expect(first).toContain("### Bottlenecks");
    expect(first).toContain("> Tell me the real growth, @\u200beveryone.");
    expect(summary!.files.map((f) => f.name)).toEqual(["diagram.png", ...document.files.map((f) => f.filename)]);
    expect(referencesIn(summary!.components)).toEqual(summary!.files.map((f) => f.name));
    expect(new TextDecoder().decode(summary!.files[1]!.data)).toBe(document.files[0]!.content);
    expect(texts(details!)).toMatch(/^### Components[\s\S]*### Cost/);
    expect(buttonsIn(details!.components).map((b) => b.label)).toEqual(["Show roadmap", "Export", "Start over"]);
    expect(buttonsIn(summary!.components)).toEqual([]);
    const all = messages.map(texts).join("\n");
    expect(all).not.toMatch(/^\|/m);
    expect(all).not.toContain("### Security");
  });

  it("a proposal without pictures still posts, with no image", () => {
    const proposal = reportProposal();
    const messages = renderPost({ kind: "proposal", proposal, document: buildDocument(proposal) }, { threadId: THREAD });
    expect(messages.flatMap((m) => m.files.map((f) => f.name))).not.toContain("diagram.png");
    for (const m of messages) expect(problems(m)).toEqual([]);
  });

  it("a roadmap: cards with the cost/scale chart on the first, every phase whole, the buttons on the last", () => {
    const proposal = reportProposal();
    const document = buildDocument(proposal);
    const roadmap = { ...document, sections: document.sections.filter((s) => s.id.startsWith("roadmap")), files: [] };
    const messages = renderPost({ kind: "roadmap", version: 1, document: roadmap, actions: PROPOSAL_ACTIONS }, { threadId: THREAD, pictures });
    for (const m of messages) expect(problems(m)).toEqual([]);
    expect(messages[0]!.files.map((f) => f.name)).toEqual(["cost-scale.png"]);
    expect(messages.flatMap((m) => m.files)).toHaveLength(1);
    expect(buttonsIn(messages.at(-1)!.components)).toHaveLength(3);
    const all = messages.map(texts).join("\n\n");
    for (const section of roadmap.sections) expect(all).toContain(`### ${section.title}`);
  });

  it("files: at most ten attachments a message", () => {
    const files = Array.from({ length: 23 }, (_, i) => ({ filename: `k6-${i}.js`, mediaType: "text/javascript", content: `// ${i}` }));
    const messages = renderPost({ kind: "files", version: 2, files }, { threadId: THREAD });
    expect(plain(messages[0]).content.startsWith("**Files for v2**")).toBe(true);
    for (const m of messages) expect(m.files.length).toBeLessThanOrEqual(MAX_FILES);
    expect(messages.flatMap((m) => m.files.map((f) => f.name))).toEqual(files.map((f) => f.filename));
  });
});
