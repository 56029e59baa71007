import { describe, expect, it } from "vitest";
import { buttonRows } from "../../../../src/adapters/discord/render/buttons.js";
import { cardMessages, type CardMessage, type CardPiece } from "../../../../src/adapters/discord/render/card.js";
import { buttonsIn, checkMessage, IS_COMPONENTS_V2, referencesIn, textsIn, walk } from "../../../support/fake-discord/components.js";

const file = (name: string) => ({ name, data: new TextEncoder().encode(name) });
const problems = (card: CardMessage) => checkMessage({ flags: IS_COMPONENTS_V2, components: card.components }, card.files.map((f) => f.name));
const text = (markdown: string): CardPiece => ({ kind: "text", markdown });
const paragraphs = (count: number, size: number) => Array.from({ length: count }, (_, i) => `${i}:`.padEnd(size, "x")).join("\n\n");
const rows = buttonRows(Array.from({ length: 7 }, (_, i) => ({ id: `a${i}`, label: `Action ${i}` })), "1300000000000000001");

describe("cardMessages", () => {
  it("one card: a container of text, gallery and the proposal file, the artefacts after it, the buttons last", () => {
    const [card, ...rest] = cardMessages(
      [text("## Shop"), { kind: "gallery", images: [file("diagram.png")] }, { kind: "separator" }, { kind: "file", file: file("proposal-v1.md"), inside: true }, { kind: "file", file: file("k6-2x.js") }],
      rows,
    );
    expect(rest).toEqual([]);
    expect(problems(card!)).toEqual([]);
    expect(card!.components.map((c) => c.type)).toEqual([17, 13, 1, 1]);
    expect(walk([card!.components[0]]).map((c) => c.type)).toEqual([17, 10, 12, 14, 13]);
    expect(referencesIn(card!.components)).toEqual(["diagram.png", "proposal-v1.md", "k6-2x.js"]);
    expect(card!.files.map((f) => f.name)).toEqual(["diagram.png", "proposal-v1.md", "k6-2x.js"]);
    expect(buttonsIn(card!.components).map((b) => b.label)).toEqual(Array.from({ length: 7 }, (_, i) => `Action ${i}`));
  });

  it("text past 4,000 characters goes on in the next card, whole and in order", () => {
    const long = paragraphs(30, 390);
    const cards = cardMessages([text("## Head"), text(long)], rows);
    expect(cards.length).toBeGreaterThan(2);
    for (const card of cards) expect(problems(card)).toEqual([]);
    expect(cards.flatMap((c) => textsIn(c.components)).join("\n\n")).toBe(`## Head\n\n${long}`);
    expect(cards.slice(0, -1).every((c) => buttonsIn(c.components).length === 0)).toBe(true);
    expect(buttonsIn(cards.at(-1)!.components)).toHaveLength(7);
  });

  it("a code block longer than a card is closed and reopened, never cut open", () => {
    const code = Array.from({ length: 300 }, (_, i) => `line ${i} of the manifest`).join("\n");
    const cards = cardMessages([text(`\`\`\`yaml\n${code}\n\`\`\``)]);
    expect(cards.length).toBeGreaterThan(1);
    for (const t of cards.flatMap((c) => textsIn(c.components))) expect(t).toMatch(/^```yaml\n[\s\S]*\n```$/);
  });

  it("more files than a message can attach, or than fit at its top, go on in further cards; each card attaches what it shows", () => {
    const files = Array.from({ length: 23 }, (_, i): CardPiece => ({ kind: "file", file: file(`f${i}.js`) }));
    const cards = cardMessages([text("Files"), ...files], rows);
    for (const card of cards) {
      expect(problems(card)).toEqual([]);
      expect(referencesIn(card.components)).toEqual(card.files.map((f) => f.name));
    }
    expect(cards.flatMap((c) => c.files.map((f) => f.name))).toEqual(Array.from({ length: 23 }, (_, i) => `f${i}.js`));
  });

  it("more than 40 components: the rest in the next card; a separator never opens one", () => {
    const pieces = Array.from({ length: 30 }, (_, i): CardPiece[] => [text(`part ${i}`), { kind: "separator" }]).flat();
    const cards = cardMessages(pieces);
    expect(cards.length).toBeGreaterThan(1);
    for (const card of cards) {
      expect(problems(card)).toEqual([]);
      const [first] = walk(card.components).filter((c) => c.type !== 17);
      expect(first?.type).toBe(10);
    }
    expect(cards.flatMap((c) => textsIn(c.components))).toEqual(Array.from({ length: 30 }, (_, i) => `part ${i}`));
  });

  it("text never pings", () => {
    const [card] = cardMessages([text("for @everyone and @here")]);
    expect(textsIn(card!.components)).toEqual(["for @\u200beveryone and @\u200bhere"]);
  });
});
