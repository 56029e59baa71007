import { describe, expect, it } from "vitest";
import { PROPOSAL_ACTIONS } from "../../src/agent/actions.js";
import { createMaterialBuilder } from "../../src/agent/material.js";
import type { Post, Reply, SectionPost } from "../../src/agent/types.js";
import type { PicturesResult } from "../../src/report/pictures/index.js";
import { proposalPost, texts, thread } from "../support/thread.js";

/** A proposal's first reply is its brief; each part comes on request, by words or by button, in the same thread. */

const sectionOf = (reply: Reply): SectionPost | undefined => reply.posts.find((p): p is SectionPost => p.kind === "section");
const ids = (post: { document: { sections: { id: string }[] } } | undefined) => post?.document.sections.map((s) => s.id);

async function designed() {
  const t = thread();
  const reply = await t.say("Design a food-delivery app with 50k DAU, budget $5k/month, go");
  return { t, first: proposalPost(reply) };
}

describe("a proposal at three depths", () => {
  it("answers a design with the brief, offering the parts as buttons", async () => {
    const { first } = await designed();
    expect(first?.brief.traffic).toMatch(/RPS at peak/);
    expect(first?.parts).toEqual(["roadmap", "costs", "components", "bottlenecks", "assumptions", "full"]);
    expect(first?.actions).toEqual(PROPOSAL_ACTIONS);
  });

  it.each([
    ["show costs", "costs", ["cost"]],
    ["components", "components", ["components", "stack"]],
    ["what breaks first?", "bottlenecks", ["capacity", "bottlenecks"]],
    ["what did you assume?", "assumptions", ["requirements"]],
    ["roadmap", "roadmap", ["roadmap-2x", "roadmap-10x", "roadmap-100x"]],
  ])("%s → the %s part", async (words, part, sections) => {
    const { t } = await designed();
    const section = sectionOf(await t.say(words));
    expect(section).toMatchObject({ kind: "section", part, version: 1 });
    expect(ids(section)).toEqual(sections);
    // Under a part: the other parts and the files, never the one just shown.
    expect(section?.actions?.map((a) => a.id)).not.toContain(part === "roadmap" ? "show_roadmap" : `show:${part}`);
  });

  it("a button asks for a part like its words do", async () => {
    const { t } = await designed();
    const pressed = sectionOf(await t.say("", { action: "show:costs" }));
    const typed = sectionOf(await t.say("show costs"));
    expect(pressed?.document).toEqual(typed?.document);
  });

  it("the whole proposal is one request away, with its Markdown file", async () => {
    const { t, first } = await designed();
    const full = sectionOf(await t.say("", { action: "show:full" }));
    expect(ids(full)).toEqual(ids(first));
    expect(full?.document.files.map((f) => f.filename)).toEqual(["proposal-v1.md"]);
  });

  it("before a design there is no part to show", async () => {
    const reply = await thread().say("show costs");
    expect(sectionOf(reply)).toBeUndefined();
    expect(texts(reply)[0]).toMatch(/no proposal in this thread yet/);
  });

  it("a revision says what changed first", async () => {
    const { t } = await designed();
    const revised = proposalPost(await t.say("budget is really $3k"));
    expect(revised?.changes?.[0]).toMatch(/Budget/);
    expect(revised?.brief.version).toBe(2);
  });
});

describe("a reply's material", () => {
  it("decides each post's pictures and files once, drawing a proposal's pictures once", async () => {
    const { t, first } = await designed();
    const costs = sectionOf(await t.say("show costs"));
    const full = sectionOf(await t.say("all"));
    const bottlenecks = sectionOf(await t.say("bottlenecks"));
    let draws = 0;
    const draw = async (): Promise<PicturesResult> => {
      draws += 1;
      return { ok: true, pictures: ["diagram.png", "diagram.svg", "cost-scale.png", "cost-scale.svg"].map((filename) => ({ filename, mediaType: filename.endsWith(".png") ? "image/png" as const : "image/svg+xml" as const, data: new Uint8Array(1) })) };
    };
    const posts: Post[] = [first!, costs!, full!, bottlenecks!, { kind: "text", text: "hi" }];
    const material = await createMaterialBuilder({ draw }).reply(posts);
    const names = material.posts.map((m) => m.pictures.map((p) => p.filename));
    expect(names).toEqual([
      ["diagram.png", "diagram.svg", "cost-scale.png", "cost-scale.svg"],
      ["cost-scale.png", "cost-scale.svg"],
      ["diagram.png", "diagram.svg", "cost-scale.png", "cost-scale.svg"],
      [],
      [],
    ]);
    expect(material.posts.map((m) => m.files.map((f) => f.filename))).toEqual([["proposal-v1.md"], [], ["proposal-v1.md"], [], []]);
    expect(draws).toBe(1);
  });

  it("posts without pictures when drawing fails, and says why", async () => {
    const { first } = await designed();
    const lines: string[] = [];
    const material = await createMaterialBuilder({ draw: async () => ({ ok: false, error: "no fonts" }), log: (l) => lines.push(l) }).post(first!);
    expect(material.pictures).toEqual([]);
    expect(lines).toEqual(["posting v1 without pictures: no fonts"]);
  });
});
