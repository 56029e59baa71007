import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderSection } from "../../../src/adapters/discord/render/markdown.js";
import { DETAIL_SECTIONS, SUMMARY_SECTIONS } from "../../../src/adapters/discord/render/pieces.js";
import { renderPost, type OutboundMessage } from "../../../src/adapters/discord/render/posts.js";
import { neutraliseMentions } from "../../../src/adapters/discord/render/safe.js";
import { PROPOSAL_ACTIONS, ROADMAP_ACTIONS } from "../../../src/agent/actions.js";
import type { Post } from "../../../src/agent/types.js";
import { plan } from "../../../src/planner/index.js";
import type { Picture } from "../../../src/report/pictures/index.js";
import { buildDocument } from "../../../src/report/index.js";
import { requirementsArb } from "../../planner/arbitraries.js";
import { checkMessage, IS_COMPONENTS_V2, referencesIn, textsIn } from "../../support/fake-discord/components.js";

/**
 * For any proposal the planner can make (the planner's own generators), with any title, note and
 * list of changes: every Discord message Archie would send is one Discord accepts (the fake's
 * checks), shows every file it attaches, and together the messages hold every line of the
 * sections they show.
 */

const RUNS = { numRuns: Number(process.env.ARCHIE_PROPERTY_RUNS ?? 60) };
const THREAD = "1300000000000000042";
const png = (filename: string): Picture => ({ filename, mediaType: "image/png", data: new Uint8Array([137, 80, 78, 71]), width: 1, height: 1 });
const pictures = [png("diagram.png"), png("cost-scale.png")];

const wordsArb = (max: number) => fc.lorem({ maxCount: max, mode: "words" });
const extrasArb = fc.record({
  title: fc.oneof(wordsArb(40), fc.string({ maxLength: 300 }), wordsArb(8).map((w) => `${w} for @everyone`)),
  note: fc.option(wordsArb(120), { nil: undefined }),
  changes: fc.array(wordsArb(30), { maxLength: 12 }),
});

function problemsOf(m: OutboundMessage): string[] {
  const body = m.kind === "card" ? { flags: IS_COMPONENTS_V2, components: m.components } : { content: m.content, components: m.components };
  return checkMessage(body, m.files.map((f) => f.name)).map((p) => `${p.path}: ${p.message}`);
}

const textOf = (m: OutboundMessage) => (m.kind === "card" ? textsIn(m.components).join("\n") : m.content);

function expectAccepted(messages: OutboundMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    expect(problemsOf(m)).toEqual([]);
    // A V2 message shows an attachment only where a component names it.
    if (m.kind === "card") expect(referencesIn(m.components).sort()).toEqual(m.files.map((f) => f.name).sort());
    for (const text of m.kind === "card" ? textsIn(m.components) : [m.content]) {
      expect(text.split("\n").filter((l) => l.startsWith("```")).length % 2).toBe(0);
      expect(text).not.toMatch(/@(everyone|here)\b/);
    }
  }
}

/** Every line of the sections, in order, somewhere in the messages (a split adds fences, never drops a line). */
function expectWhole(messages: OutboundMessage[], sections: string[]): void {
  const shown = messages.flatMap((m) => textOf(m).split("\n"));
  let at = 0;
  for (const line of sections.flatMap((s) => neutraliseMentions(s).split("\n")).filter((l) => l.trim() !== "")) {
    const found = shown.indexOf(line, at);
    expect(found, `line missing or out of order: ${line}`).toBeGreaterThanOrEqual(0);
    at = found + 1;
  }
}

describe("no Discord message exceeds Discord's limits, for any generated proposal", () => {
  it("the proposal, its roadmap and its files", () => {
    fc.assert(
      fc.property(requirementsArb, extrasArb, (requirements, extras) => {
        const planned = plan(requirements);
        const proposal = { ...planned, title: extras.title || planned.title };
        const document = buildDocument(proposal);
        const post: Post = { kind: "proposal", proposal, document, actions: PROPOSAL_ACTIONS, ...(extras.note ? { note: extras.note } : {}), ...(extras.changes.length ? { changes: extras.changes } : {}) };
        const messages = renderPost(post, { threadId: THREAD, pictures });
        expectAccepted(messages);
        expect(messages[0]!.kind).toBe("card");
        expect(messages[0]!.files.map((f) => f.name)).toContain("diagram.png");
        expect(messages.flatMap((m) => m.files.map((f) => f.name)).sort()).toEqual(["diagram.png", ...document.files.map((f) => f.filename)].sort());
        const shownSections = [...SUMMARY_SECTIONS, ...DETAIL_SECTIONS].flatMap((id) => document.sections.filter((s) => s.id === id));
        expectWhole(messages, shownSections.map(renderSection));

        const roadmap = { ...document, sections: document.sections.filter((s) => s.id.startsWith("roadmap")), files: [] };
        const roadmapMessages = renderPost({ kind: "roadmap", version: proposal.version, document: roadmap, proposal, actions: ROADMAP_ACTIONS }, { threadId: THREAD, pictures });
        expectAccepted(roadmapMessages);
        expectWhole(roadmapMessages, roadmap.sections.map(renderSection));

        expectAccepted(renderPost({ kind: "files", version: proposal.version, files: document.files }, { threadId: THREAD }));
      }),
      RUNS,
    );
  });
});
