import { ButtonStyle, ComponentType } from "discord.js";
import { describe, expect, it } from "vitest";
import { buttonRows, decodeCustomId, encodeCustomId, MAX_CUSTOM_ID } from "../../../../src/adapters/discord/render/buttons.js";
import { actionsFor, PROPOSAL_ACTIONS } from "../../../../src/agent/actions.js";

const THREAD = "1234567890123456789";

describe("custom ids", () => {
  it("carry the thread and the action, and decode back", () => {
    const id = encodeCustomId(THREAD, "answer:$5k/month")!;
    expect(decodeCustomId(id)).toEqual({ threadId: THREAD, action: "answer:$5k/month" });
  });

  it("fit Discord's 100-character limit for every action the core offers", () => {
    const actions = [...actionsFor(["domain", "traffic", "budget", "compliance", "concurrency", "videoHours", "spike"]), ...PROPOSAL_ACTIONS];
    for (const action of actions) {
      const id = encodeCustomId("12345678901234567890", action.id);
      expect(id, action.id).toBeDefined();
      expect(id!.length).toBeLessThanOrEqual(MAX_CUSTOM_ID);
    }
  });

  it("refuse an action that would not fit, and ids that are not Archie's", () => {
    expect(encodeCustomId(THREAD, `answer:${"x".repeat(90)}`)).toBeUndefined();
    expect(decodeCustomId("someone-else:1:go")).toBeUndefined();
    expect(decodeCustomId("archie:not-a-thread:go")).toBeUndefined();
    expect(decodeCustomId("archie:123:")).toBeUndefined();
  });
});

describe("buttonRows", () => {
  it("lays the proposal's actions out as buttons in one row", () => {
    const rows = buttonRows(PROPOSAL_ACTIONS, THREAD);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.type).toBe(ComponentType.ActionRow);
    expect(rows[0]!.components.map((b) => b.label)).toEqual(["Show roadmap", "Costs", "Components", "Export", "Start over"]);
    expect(rows[0]!.components.map((b) => b.custom_id)).toEqual(PROPOSAL_ACTIONS.map((a) => `archie:${THREAD}:${a.id}`));
    expect(rows[0]!.components.at(-1)!.style).toBe(ButtonStyle.Danger);
  });

  it("puts at most five in a row and five rows, dropping repeats and ids that do not fit", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ id: `answer:${i}`, label: `Option ${i}` }));
    const rows = buttonRows([...many, { id: "answer:0", label: "again" }, { id: `answer:${"y".repeat(99)}`, label: "long" }], THREAD);
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row.components.length).toBeLessThanOrEqual(5);
    const ids = rows.flatMap((r) => r.components.map((b) => b.custom_id));
    expect(new Set(ids).size).toBe(25);
    expect(ids.every((id) => id.length <= MAX_CUSTOM_ID)).toBe(true);
  });

  it("shows the 'go' action as the primary button and cuts long labels to 80 characters", () => {
    const rows = buttonRows([{ id: "go", label: "Use assumptions and go" }, { id: "answer:x", label: "z".repeat(120) }], THREAD);
    const [go, long] = rows[0]!.components;
    expect(go!.style).toBe(ButtonStyle.Primary);
    expect(long!.label!.length).toBe(80);
  });
});
