import { actionText } from "../../../agent/actions.js";
import type { Action, PostMaterial, SurfaceRenderer } from "../../../agent/types.js";
import { briefSections } from "../../../report/index.js";
import { headingLines, sectionLines, type Terminal } from "./document.js";
import { renderInline } from "./inline.js";
import { hanging, wrap } from "./layout.js";

/**
 * The terminal's surface: a post's material as lines for the screen. The brief comes first and
 * alone; a part comes when asked; files and pictures are named where they were written.
 */

/** Where a post's files and pictures went, as the person should type the path. */
export interface WrittenFiles {
  dir: string;
  files: string[];
}

export interface TerminalTarget extends Terminal {
  written?: WrittenFiles;
}

/** What to type next: each button as the words it stands for. */
function actionLines(actions: readonly Action[] | undefined, terminal: Terminal): string[] {
  if (!actions?.length) return [];
  const words = actions.map((a) => `“${actionText(a.id) ?? a.label}”`).join(" · ");
  return ["", ...hanging("", terminal.style.dim(`Next: ${words}`), terminal.width)];
}

function textLines(text: string, terminal: Terminal): string[] {
  return text.split("\n").flatMap((line) => {
    const item = /^(\d+\.|[-•]) (.*)$/.exec(line);
    const styled = (t: string) => renderInline(t, terminal.style);
    return item ? hanging(`${item[1]} `, styled(item[2] ?? ""), terminal.width) : wrap(styled(line), terminal.width);
  });
}

const picture = (written: WrittenFiles | undefined, name: string) => written?.files.find((f) => f === name);

function writtenLines(written: WrittenFiles | undefined, terminal: Terminal, lead: string): string[] {
  if (!written) return [];
  const diagram = picture(written, "diagram.png");
  const { style, width } = terminal;
  return [
    "",
    ...(diagram ? hanging("", `${style.bold("Diagram:")} ${written.dir}${diagram}`, width) : []),
    ...hanging("", `${style.bold(`${lead}:`)} ${written.dir} ${style.dim(`(${written.files.join(", ")})`)}`, width),
  ];
}

function proposalLines({ post }: PostMaterial, target: TerminalTarget): string[] {
  if (post.kind !== "proposal") return [];
  const changes = post.changes?.length
    ? [...headingLines(`What changed in v${post.proposal.version}`, target), ...post.changes.flatMap((c) => hanging("• ", renderInline(c, target.style), target.width)), ""]
    : [];
  const [brief] = briefSections(post.brief);
  const body = brief ? sectionLines({ ...brief, title: `${post.brief.title} (v${post.brief.version})` }, target) : [];
  const note = post.note ? ["", ...wrap(target.style.italic(post.note), target.width)] : [];
  return [...changes, ...body, ...note, ...writtenLines(target.written, target, "Full proposal and files"), ...actionLines(post.actions, target)];
}

function render(material: PostMaterial, target: TerminalTarget): string[] {
  const { post } = material;
  switch (post.kind) {
    case "text":
      return [...textLines(post.text, target), ...actionLines(post.actions, target)];
    case "proposal":
      return proposalLines(material, target);
    case "section": {
      const sections = post.document.sections.flatMap((s, i) => [...(i === 0 ? [] : [""]), ...sectionLines(s, target)]);
      const title = headingLines(post.document.title, target);
      return [...title, "", ...sections, ...writtenLines(target.written, target, "Written to"), ...actionLines(post.actions, target)];
    }
    case "files":
      return target.written
        ? writtenLines(target.written, target, `Files for v${post.version}`).slice(1)
        : textLines(`Files for v${post.version}: ${post.files.map((f) => f.filename).join(", ")}`, target);
  }
}

export const terminalRenderer: SurfaceRenderer<TerminalTarget, string> = { render };
