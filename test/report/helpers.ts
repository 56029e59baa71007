import { marked, type Tokens } from "marked";

/** Splits a GFM table row on its unescaped pipes (a pipe after an odd run of backslashes is text). */
export function tableCells(line: string): string[] {
  const cells: string[] = [];
  let current = "";
  let slashes = 0;
  for (const char of line.trim().replace(/^\|/, "")) {
    if (char === "|" && slashes % 2 === 0) {
      cells.push(current.trim());
      current = "";
    } else {
      current += char;
    }
    slashes = char === "\\" ? slashes + 1 : 0;
  }
  if (current.trim() !== "") cells.push(current.trim());
  return cells;
}

/** The Markdown's lines outside fenced code blocks, and the code blocks' contents by language. */
export function splitFences(markdown: string): { prose: string[]; code: { language: string; body: string }[]; unclosed: boolean } {
  const prose: string[] = [];
  const code: { language: string; body: string }[] = [];
  let open: { fence: string; language: string; lines: string[] } | undefined;
  for (const line of markdown.split("\n")) {
    if (open === undefined) {
      const start = /^(`{3,})([^`]*)$/.exec(line);
      if (start) open = { fence: start[1] ?? "", language: start[2] ?? "", lines: [] };
      else prose.push(line);
    } else if (/^`{3,}$/.test(line) && line.length >= open.fence.length) {
      code.push({ language: open.language, body: open.lines.join("\n") });
      open = undefined;
    } else {
      open.lines.push(line);
    }
  }
  return { prose, code, unclosed: open !== undefined };
}

/** Every table in the prose, as rows of cells, grouped by consecutive pipe lines. */
export function tables(markdown: string): string[][][] {
  const found: string[][][] = [];
  let current: string[][] = [];
  for (const line of [...splitFences(markdown).prose, ""]) {
    if (line.startsWith("|")) {
      current.push(tableCells(line));
    } else if (current.length > 0) {
      found.push(current);
      current = [];
    }
  }
  return found;
}

/** Tables as a real GFM parser sees them. */
export function parsedTables(markdown: string): Tokens.Table[] {
  const result: Tokens.Table[] = [];
  marked.walkTokens(marked.lexer(markdown), (token) => {
    if (token.type === "table") result.push(token as Tokens.Table);
  });
  return result;
}
