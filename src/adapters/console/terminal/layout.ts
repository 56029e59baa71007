import stringWidth from "string-width";
import wrapAnsi from "wrap-ansi";

/** Text fitted to a width in terminal columns, styling kept intact across the breaks. */

export const widthOf = (text: string): number => stringWidth(text);

/** Word-wrapped lines no wider than `width`; a word longer than the line is broken. */
export function wrap(text: string, width: number): string[] {
  return wrapAnsi(text, Math.max(1, width), { hard: true, trim: true }).split("\n");
}

/** Wrapped with a first-line lead ("- ", "3. ") and the rest indented under the text. */
export function hanging(lead: string, text: string, width: number): string[] {
  const indent = " ".repeat(widthOf(lead));
  return wrap(text, width - indent.length).map((line, i) => `${i === 0 ? lead : indent}${line}`);
}

export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - widthOf(text)));
}

export function padStart(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - widthOf(text))) + text;
}
