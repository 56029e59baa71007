import type { Artifact } from "../../planner/proposal.js";
import { renderMarkdown } from "../../report/index.js";
import type { Action, Post, Reply } from "../../agent/types.js";

/**
 * Posts as Markdown for transcripts (`archie replay`), which other tooling reads and which must
 * be byte-for-byte stable: a proposal prints whole here, not as its brief.
 */

const FENCES: Record<string, string> = { js: "javascript", ts: "typescript", yaml: "yaml", yml: "yaml", md: "markdown", json: "json" };

function fenceFor(content: string): string {
  let fence = "```";
  while (content.includes(fence)) fence += "`";
  return fence;
}

function renderFile(file: Artifact): string {
  const language = FENCES[file.filename.split(".").pop() ?? ""] ?? "";
  const fence = fenceFor(file.content);
  return `#### ${file.filename}\n\n${fence}${language}\n${file.content.trimEnd()}\n${fence}`;
}

function renderActions(actions: readonly Action[] | undefined): string {
  return actions?.length ? `\n\n_Options: ${actions.map((a) => a.label).join(" · ")}_` : "";
}

export function renderPost(post: Post): string {
  switch (post.kind) {
    case "text":
      return post.text + renderActions(post.actions);
    case "proposal": {
      const changes = post.changes?.length ? `**What changed in v${post.proposal.version}**\n\n${post.changes.map((c) => `- ${c}`).join("\n")}\n\n` : "";
      const note = post.note ? `\n\n> ${post.note.split("\n").join("\n> ")}` : "";
      return `${changes}${renderMarkdown(post.document).trimEnd()}${note}${renderActions(post.actions)}`;
    }
    case "section":
      return renderMarkdown(post.document).trimEnd() + renderActions(post.actions);
    case "files":
      return [`**Files for v${post.version}**`, post.files.map((f) => `- ${f.filename}`).join("\n"), ...post.files.map(renderFile)].join("\n\n");
  }
}

export function renderReply(reply: Reply): string {
  return reply.posts.map(renderPost).join("\n\n");
}
