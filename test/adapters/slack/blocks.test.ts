import { describe, expect, it } from "vitest";
import { parseButtonValue, actionsBlock } from "../../../src/adapters/slack/blocks/buttons.js";
import { packSections } from "../../../src/adapters/slack/blocks/document.js";
import { checkMessage, checkView, LIMITS } from "../../../src/adapters/slack/blocks/limits.js";
import { designModal, readDesignSubmission } from "../../../src/adapters/slack/blocks/modal.js";
import { postOutbound } from "../../../src/adapters/slack/blocks/posts.js";
import { PROPOSAL_ACTIONS } from "../../../src/agent/actions.js";
import { proposalPost, sectionPost } from "../../../src/agent/posts.js";
import { PROPOSAL_PARTS } from "../../../src/report/index.js";
import type { Section } from "../../../src/report/document.js";
import { reportProposal } from "../../fixtures/report-proposal.js";

const thread = { channel: "C0CHAN001", thread: "1710000000.000001" };

describe("Slack Block Kit builders", () => {
  it("renders a proposal as what changed, then its brief with buttons, then the whole proposal as a file", () => {
    const proposal = reportProposal();
    const post = { ...proposalPost(proposal, ["Budget: €3,000 → €2,000 a month"]), actions: PROPOSAL_ACTIONS };
    const files = post.document.files.filter((f) => f.filename.endsWith(".md"));
    const out = postOutbound({ post, pictures: [], files }, thread);
    const messages = out.flatMap((o) => (o.kind === "message" ? [o.message] : []));
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(checkMessage(m)).toEqual([]);
    expect(messages[0]?.text).toBe("What changed in v" + proposal.version);
    const brief = JSON.stringify(messages[1]?.blocks);
    expect(brief).toContain("Show roadmap");
    expect(brief).toContain(post.brief.traffic);
    expect(out.at(-1)).toMatchObject({ kind: "upload", files: [{ filename: `proposal-v${proposal.version}.md` }] });
  });

  it("renders each part on request within Slack's limits; the full proposal as its file", () => {
    const proposal = reportProposal();
    for (const part of PROPOSAL_PARTS) {
      const post = sectionPost(proposal, part);
      const out = postOutbound({ post, pictures: [], files: post.document.files }, thread);
      const messages = out.flatMap((o) => (o.kind === "message" ? [o.message] : []));
      for (const m of messages) expect(checkMessage(m)).toEqual([]);
      const titles = messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === "header" ? [b.text.text] : [])));
      if (part === "full") expect(out.at(-1)).toMatchObject({ kind: "upload", files: [{ filename: `proposal-v${proposal.version}.md` }] });
      else expect(titles.slice(1)).toEqual(post.document.sections.map((s) => s.title));
    }
  });

  it("splits oversize content: long paragraphs, 150-row tables and huge code stay within limits", () => {
    const rows = Array.from({ length: 150 }, (_, i) => [`row ${i}`, String(i * 1000), "x".repeat(40)]);
    const sections: Section[] = [
      { id: "a", title: "T".repeat(400), blocks: [{ kind: "paragraph", text: "word ".repeat(2000) }] },
      { id: "b", title: "Big table", blocks: [{ kind: "table", columns: ["name", "value", "note"], rows, numeric: [false, true, false] }] },
      { id: "c", title: "Two tables", blocks: [
        { kind: "table", columns: ["a", "b"], rows: [["1", "2"]], numeric: [false, true] },
        { kind: "table", columns: ["c", "d"], rows: [["3", "4"]], numeric: [false, true] },
      ] },
      { id: "d", title: "Code", blocks: [{ kind: "code", language: "yaml", code: "key: value\n".repeat(3000) }] },
      { id: "e", title: "List", blocks: [{ kind: "list", ordered: true, items: Array.from({ length: 400 }, (_, i) => `item **${i}** with \`code\``) }] },
    ];
    const messages = packSections(sections);
    for (const m of messages) expect(checkMessage(m)).toEqual([]);
    const text = JSON.stringify(messages);
    expect(text).toContain("row 149");
    expect(text).toContain("item *399* with `code`");
    expect(messages.flatMap((m) => m.blocks).filter((b) => b.type === "header").every((b) => b.type === "header" && b.text.text.length <= LIMITS.headerText)).toBe(true);
  });

  it("uses a native table where it can, right-aligning numbers", () => {
    const [message] = packSections([{ id: "t", title: "Cost", blocks: [{ kind: "table", columns: ["Item", "Monthly"], rows: [["**App** servers", "$1,200"]], numeric: [false, true] }] }]);
    const table = message?.blocks.find((b) => b.type === "table");
    expect(table).toMatchObject({ type: "table", column_settings: [{ align: "left" }, { align: "right" }] });
    expect(JSON.stringify(table)).toContain('"text":"App servers"');
  });

  it("buttons carry their thread and action, and read back; anything else reads as nothing", () => {
    const block = actionsBlock([{ id: "answer:$5k/month", label: "$5k/month" }, { id: "go", label: "Use assumptions and go" }], thread);
    expect(checkMessage({ text: "x", blocks: block ? [block] : [] })).toEqual([]);
    const values = (block?.elements ?? []).map((e) => ("value" in e ? e.value : undefined));
    expect(parseButtonValue(values[0])).toEqual({ channel: thread.channel, thread: thread.thread, action: "answer:$5k/month" });
    expect(parseButtonValue("not json")).toBeUndefined();
    expect(parseButtonValue(JSON.stringify({ c: "C1" }))).toBeUndefined();
  });

  it("the form keeps the modal limits and reads a submission into one request", () => {
    const view = designModal("C0CHAN001");
    expect(checkView(view)).toEqual([]);
    const values = { what: { value: { value: "a booking site &lt;EU&gt;" } }, traffic: { value: { value: "20k DAU" } }, budget: { value: { value: "$3k" } }, notes: { value: { value: null } } };
    expect(readDesignSubmission({ private_metadata: view.private_metadata, state: { values } })).toEqual({ ok: true, channel: "C0CHAN001", request: "a booking site <EU>. Traffic: 20k DAU. Budget: $3k." });
    expect(readDesignSubmission({ private_metadata: "garbage", state: { values } })).toMatchObject({ ok: false });
  });

  it("the limit checker catches what Slack refuses", () => {
    const long = { type: "section" as const, text: { type: "mrkdwn" as const, text: "x".repeat(3001) } };
    expect(checkMessage({ text: "x", blocks: [long] })).toEqual([expect.stringContaining("section text 3001")]);
    const tables = [0, 1].map(() => ({ type: "table" as const, rows: [[{ type: "raw_text" as const, text: "a" }]] }));
    expect(checkMessage({ text: "x", blocks: tables })).toEqual([expect.stringContaining("2 table blocks")]);
    const many = Array.from({ length: 51 }, () => ({ type: "divider" as const }));
    expect(checkMessage({ blocks: many })).toEqual([expect.stringContaining("51 blocks")]);
    expect(checkMessage({ blocks: [{ type: "header", text: { type: "plain_text", text: "h".repeat(151) } }] })).toHaveLength(1);
  });
});
