/**
 * Discord code blocks are ``` fences only (no longer fences), so three backticks inside the
 * code would end the block early: a zero-width space between them keeps the block whole and
 * the code readable.
 */
export function fenceSafe(code: string): string {
  return code.replace(/`(?=``)/g, "`\u200b");
}

export function codeBlock(language: string, code: string): string {
  const info = language.replace(/[^A-Za-z0-9_+-]/g, "");
  const body = fenceSafe(code.replace(/\r\n?/g, "\n").replace(/\n+$/, ""));
  return `\`\`\`${info}\n${body}\n\`\`\``;
}
