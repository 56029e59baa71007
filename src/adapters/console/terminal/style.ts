/**
 * Terminal styling as SGR escape codes, or nothing at all for pipes and `--plain`: every
 * renderer asks this for a style and never writes an escape itself.
 */

export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  italic(text: string): string;
  dim(text: string): string;
  /** Code spans and code blocks. */
  code(text: string): string;
  heading(text: string): string;
  /** A verdict that needs attention (over budget). */
  warn(text: string): string;
}

const sgr = (open: number, close: number) => (text: string) => (text === "" ? text : `\u001b[${open}m${text}\u001b[${close}m`);
const same = (text: string) => text;

export function createStyle(enabled: boolean): Style {
  if (!enabled) return { enabled, bold: same, italic: same, dim: same, code: same, heading: same, warn: same };
  const bold = sgr(1, 22);
  const underline = sgr(4, 24);
  return {
    enabled,
    bold,
    italic: sgr(3, 23),
    dim: sgr(2, 22),
    code: sgr(36, 39),
    heading: (text) => bold(underline(text)),
    warn: sgr(33, 39),
  };
}
