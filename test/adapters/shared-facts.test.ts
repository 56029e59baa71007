import { describe, expect, it } from "vitest";
import { proposalPost, sectionPost } from "../../src/agent/posts.js";
import type { PostMaterial } from "../../src/agent/types.js";
import { renderPost } from "../../src/adapters/discord/render/posts.js";
import { postOutbound } from "../../src/adapters/slack/blocks/posts.js";
import { plan } from "../../src/planner/index.js";
import { formatCount, formatMoney, formatRps } from "../../src/report/index.js";
import { textsIn } from "../support/fake-discord/components.js";

/**
 * The same proposal, rendered for Slack and for Discord, must tell the reader the same facts:
 * each component with its count (the components part), the peak RPS, the monthly total and the
 * budget it is held to (the first reply).
 */

const proposal = plan({ domain: "online store", archetype: "ecommerce", dau: 80_000, budget: { amount: 3_000, currency: "EUR", period: "month" } });
const materials: PostMaterial[] = [proposalPost(proposal), sectionPost(proposal, "components")].map((post) => ({ post, pictures: [], files: [] }));

/** Every line of text Slack would show: section and header text, and native table rows joined by " | ". */
function slackLines(): string[] {
  const lines: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const block = node as { type?: string; rows?: unknown[][]; text?: unknown };
    if (block.type === "table" && Array.isArray(block.rows)) {
      for (const row of block.rows) lines.push(row.map((cell) => cellText(cell)).join(" | "));
      return;
    }
    if (typeof block.text === "string") lines.push(...block.text.split("\n"));
    Object.values(node).forEach(visit);
  };
  for (const item of materials.flatMap((m) => postOutbound(m, { channel: "C1", thread: "1.0" }))) if (item.kind === "message") visit(item.message.blocks);
  return lines;
}

function cellText(cell: unknown): string {
  const parts: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (typeof n !== "object" || n === null) return;
    const t = (n as { text?: unknown }).text;
    if (typeof t === "string") parts.push(t);
    Object.values(n).forEach(walk);
  };
  walk(cell);
  return parts.join("");
}

const discordLines = () =>
  materials
    .flatMap((m) => renderPost(m, { threadId: "1" }))
    .flatMap((m) => (m.kind === "card" ? textsIn(m.components) : [m.content]).join("\n").split("\n"));

/** A line that names the component and then shows its count as a whole token. */
function showsCount(lines: string[], name: string, count: string): boolean {
  const token = new RegExp(`(^|[\\s|│])${count.replace(/[,.]/g, "\\$&")}([\\s|│]|$)`);
  return lines.some((line) => line.includes(name) && token.test(line.slice(line.indexOf(name) + name.length)));
}

describe.each([
  ["Slack", slackLines],
  ["Discord", discordLines],
])("%s rendering of a proposal", (_platform, lines) => {
  const all = lines();
  const text = all.join("\n");

  it("shows every component with its count", () => {
    for (const c of proposal.components) expect(showsCount(all, c.name, formatCount(c.count)), `${c.name} ×${c.count}`).toBe(true);
  });

  it("shows the peak RPS, the monthly total and the budget", () => {
    expect(text).toContain(formatRps(proposal.capacity.peakRps));
    expect(text).toContain(formatMoney(proposal.cost.monthly, "EUR"));
    expect(text).toContain(formatMoney(3_000, "EUR"));
    expect(text).toMatch(proposal.cost.withinBudget ? /within/i : /over/i);
  });
});
