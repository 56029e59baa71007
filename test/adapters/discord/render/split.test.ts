import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MESSAGE_LIMIT, splitMessage } from "../../../../src/adapters/discord/render/split.js";

/** Every ``` line toggles a block: an even count means no message leaves a block open. */
const fencesBalanced = (message: string) => message.split("\n").filter((line) => line.startsWith("```")).length % 2 === 0;

/** The code lines of every block in the messages, in order (fence lines removed). */
function codeLines(messages: string[]): string[] {
  const out: string[] = [];
  for (const message of messages) {
    let inside = false;
    for (const line of message.split("\n")) {
      if (line.startsWith("```")) inside = !inside;
      else if (inside) out.push(line);
    }
  }
  return out;
}

describe("splitMessage", () => {
  it("keeps a short message whole", () => {
    expect(splitMessage("hello\n\nworld")).toEqual(["hello\n\nworld"]);
  });

  it("splits 2000+ characters of code into closed, reopened blocks with the language kept", () => {
    const lines = Array.from({ length: 120 }, (_, i) => `export const value${i} = ${i} * 1024; // line ${i}`);
    const text = `Here is the script:\n\n\`\`\`js\n${lines.join("\n")}\n\`\`\`\n\nThat's all.`;
    expect(text.length).toBeGreaterThan(2 * MESSAGE_LIMIT);
    const messages = splitMessage(text);
    expect(messages.length).toBeGreaterThan(2);
    for (const message of messages) {
      expect(message.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(fencesBalanced(message)).toBe(true);
    }
    expect(codeLines(messages)).toEqual(lines);
    expect(messages.filter((m) => m.includes("```js\n")).length).toBe(messages.filter((m) => m.includes("```")).length);
    expect(messages[0]!.startsWith("Here is the script:")).toBe(true);
    expect(messages.at(-1)!.endsWith("That's all.")).toBe(true);
  });

  it("breaks between sections and keeps a heading with what follows it", () => {
    const section = (n: number) => `### Section ${n}\n\n${"word ".repeat(150).trim()}`;
    const messages = splitMessage([1, 2, 3, 4].map(section).join("\n\n"));
    for (const message of messages) {
      expect(message.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(message.startsWith("### Section")).toBe(true);
      expect(message.trimEnd().endsWith("### Section")).toBe(false);
    }
  });

  it("cuts a single enormous line between words, then inside a word only when it must", () => {
    const messages = splitMessage(`${"lorem ".repeat(700)}${"x".repeat(4500)}`);
    for (const message of messages) expect(message.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(messages.join("").replace(/\s/g, "")).toBe(`${"lorem".repeat(700)}${"x".repeat(4500)}`);
  });

  it("closes a block the text left open", () => {
    const [message] = splitMessage("```\nconst a = 1;");
    expect(message).toBe("```\nconst a = 1;\n```");
  });

  it("never exceeds the limit, never leaves a block open and never loses code (property)", () => {
    const line = fc.string({ minLength: 0, maxLength: 300 }).map((s) => s.replace(/[`\r\n]/g, "x"));
    const part = fc.oneof(
      line,
      fc.array(line, { minLength: 1, maxLength: 40 }).map((ls) => `\`\`\`yaml\n${ls.join("\n")}\n\`\`\``),
      fc.constantFrom("", "### Heading", "- item"),
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 30 }), (parts) => {
        const text = parts.join("\n");
        const messages = splitMessage(text);
        for (const message of messages) {
          expect(message.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
          expect(fencesBalanced(message)).toBe(true);
        }
        expect(codeLines(messages).join("\n").replace(/\s/g, "")).toBe(codeLines([text]).join("\n").replace(/\s/g, ""));
      }),
      { numRuns: 200 },
    );
  });
});
