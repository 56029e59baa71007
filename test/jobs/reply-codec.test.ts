import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/agent/types.js";
import { decodeReply, encodeReply } from "../../src/jobs/reply-codec.js";
import { thread } from "../support/thread.js";

/** A saved reply must post exactly what the conversation answered, however it is kept. */
describe("saved replies", () => {
  it("rebuild every post of a whole conversation exactly, keeping proposals as their requirements", async () => {
    const t = thread();
    const script = [
      "We're building a food-delivery app for one city",
      "budget is about €3k a month",
      "50k DAU",
      "what if traffic is 10x",
      "show the roadmap",
      "show costs",
      "full proposal",
      "use MySQL",
      "export",
      "why PostgreSQL?",
    ];
    const kinds = new Set<string>();
    for (const text of script) {
      const reply = await t.say(text);
      for (const post of reply.posts) kinds.add(post.kind);
      const saved = encodeReply(reply);
      expect(decodeReply(saved)).toEqual(reply);
      if (reply.posts.some((post) => post.kind === "proposal" || post.kind === "section")) {
        // Only the requirements travel: a fraction of the proposal and its document.
        expect(saved.length).toBeLessThan(JSON.stringify(reply).length / 20);
      }
    }
    expect([...kinds].sort()).toEqual(["files", "proposal", "section", "text"]);
  });

  it("reads a reply kept whole (text, or a section without its proposal) as it was", () => {
    const reply: Reply = {
      posts: [
        { kind: "text", text: "saved answer", actions: [{ id: "go", label: "Go" }] },
        { kind: "section", part: "roadmap", version: 2, document: { title: "Roadmap", summary: "2x", sections: [], files: [] } },
      ],
    };
    expect(decodeReply(JSON.stringify(reply))).toEqual(reply);
    expect(decodeReply(encodeReply(reply))).toEqual(reply);
  });
});
