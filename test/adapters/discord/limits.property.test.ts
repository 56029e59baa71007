import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderSection } from "../../../src/adapters/discord/render/markdown.js";
import { renderPost, type OutboundMessage } from "../../../src/adapters/discord/render/posts.js";
import { neutraliseMentions } from "../../../src/adapters/discord/render/safe.js";
import { PROPOSAL_ACTIONS, sectionActions } from "../../../src/agent/actions.js";
import { createMaterialBuilder } from "../../../src/agent/material.js";
import { filesPost, proposalPost, sectionPost } from "../../../src/agent/posts.js";
import { plan } from "../../../src/planner/index.js";
import type { Picture } from "../../../src/report/pictures/index.js";
import { PROPOSAL_PARTS } from "../../../src/report/index.js";
import { requirementsArb } from "../../planner/arbitraries.js";
import { buttonsIn, checkMessage, IS_COMPONENTS_V2, referencesIn, textsIn } from "../../support/fake-discord/components.js";

/**
 * For any proposal the planner can make (the planner's own generators), with any title, note and
 * list of changes: every Discord message Archie would send for it (the first reply, each part
 * asked for, the export) is one Discord accepts (the fake's checks), shows every file it
 * attaches, and together the messages of a part hold every line of its sections.
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

/** The pictures the material builder asks for, without drawing them (the limits do not depend on their pixels). */
const draw = () => Promise.resolve({ ok: true as const, pictures });

describe("no Discord message exceeds Discord's limits, for any generated proposal", () => {
  it("the first reply, every part asked for, and the files", async () => {
    await fc.assert(
      fc.asyncProperty(requirementsArb, extrasArb, async (requirements, extras) => {
        const planned = plan(requirements);
        const proposal = { ...planned, title: extras.title || planned.title };
        const material = createMaterialBuilder({ draw });
        const first = { ...proposalPost(proposal, extras.changes.length ? extras.changes : undefined), actions: PROPOSAL_ACTIONS, ...(extras.note ? { note: extras.note } : {}) };
        const reply = renderPost(await material.post(first), { threadId: THREAD });
        expectAccepted(reply);
        // The first reply is one card, whatever the proposal.
        expect(reply.map((m) => m.kind)).toEqual(["card"]);
        expect(reply[0]!.files.map((f) => f.name)).toEqual(["diagram.png", "cost-scale.png", `proposal-v${proposal.version}.md`]);

        for (const part of PROPOSAL_PARTS) {
          const post = { ...sectionPost(proposal, part), actions: sectionActions(part) };
          const messages = renderPost(await material.post(post), { threadId: THREAD });
          expectAccepted(messages);
          if (part !== "full") expectWhole(messages, post.document.sections.map(renderSection));
          expect(buttonsIn(messages.at(-1)!.components).map((b) => b.label)).toEqual(sectionActions(part).map((a) => a.label));
        }

        expectAccepted(renderPost(await material.post(filesPost(proposal)), { threadId: THREAD }));
      }),
      RUNS,
    );
  });
});
