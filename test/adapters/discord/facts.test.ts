import { describe, expect, it } from "vitest";
import { renderPost } from "../../../src/adapters/discord/render/posts.js";
import { proposalPost, sectionPost } from "../../../src/agent/posts.js";
import { buildDocument, formatCount, formatMonthly, formatRps, renderMarkdown } from "../../../src/report/index.js";
import { reportProposal } from "../../fixtures/report-proposal.js";
import { tables } from "../../report/helpers.js";
import { textsIn } from "../../support/fake-discord/components.js";

/**
 * The same Proposal rendered for Discord and as the Markdown report must tell the reader the
 * same key facts: each component's count, the total cost, the peak RPS and the budget verdict.
 */

const proposal = reportProposal();
const document = buildDocument(proposal);
const markdown = renderMarkdown(document);
/** The parts a reader asks for after the first reply (components, costs, bottlenecks with capacity), then that reply. */
const discord = [...(["components", "costs", "bottlenecks"] as const).map((part) => sectionPost(proposal, part)), proposalPost(proposal)]
  .flatMap((post) => renderPost({ post, pictures: [], files: [] }, { threadId: "1" }))
  .map((m) => (m.kind === "card" ? textsIn(m.components).join("\n\n") : m.content))
  .join("\n");

/** A "- **Label:** value" fact line's value, from either rendering. */
function fact(text: string, label: string): string | undefined {
  return new RegExp(`^- \\*\\*${label}:\\*\\* (.+)$`, "m").exec(text)?.[1];
}

/** Component name → count as the Markdown report's components table prints it. */
function markdownCounts(): Map<string, string> {
  const table = tables(markdown).find((t) => t[0]?.[0] === "Component");
  if (!table) throw new Error("no components table in the Markdown report");
  return new Map(table.slice(2).map((row) => [row[0] ?? "", row[3] ?? ""]));
}

/** Component name → count as the Discord code-block table prints it (the Count column by position). */
function discordCounts(): Map<string, string> {
  const block = discord.split("### Components")[1]?.split("```")[1];
  if (!block) throw new Error("no components block in the Discord rendering");
  const [header = "", , ...rows] = block.trim().split("\n");
  const start = header.indexOf("Count");
  const end = start + "Count".length;
  return new Map(rows.map((row) => [row.slice(0, header.indexOf("Type")).trim(), row.slice(start, end).trim()]));
}

describe("Discord rendering carries the Markdown report's key facts", () => {
  it("every component with the same count", () => {
    const expected = markdownCounts();
    expect(expected.size).toBe(proposal.components.length);
    for (const c of proposal.components) expect(expected.get(c.name)).toBe(formatCount(c.count));
    expect(discordCounts()).toEqual(expected);
  });

  it("the same total cost, peak RPS and budget verdict", () => {
    const total = formatMonthly(proposal.cost.monthly, proposal.cost.currency);
    expect(fact(markdown, "Total")).toBe(total);
    expect(fact(discord, "Total")).toBe(total);

    const peak = formatRps(proposal.capacity.peakRps);
    expect(fact(markdown, "Peak traffic")).toBe(peak);
    expect(fact(discord, "Peak traffic")).toBe(peak);

    const verdict = fact(markdown, "Verdict");
    expect(verdict).toMatch(/budget/);
    expect(fact(discord, "Verdict")).toBe(verdict);
    expect(discord).toContain(`${total}, ${verdict}`);
  });
});
