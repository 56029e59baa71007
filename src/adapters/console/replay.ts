import { existsSync, readFileSync } from "node:fs";
import type { Config } from "../../config.js";
import { createMemoryStore } from "../../state/index.js";
import type { ThreadKey } from "../../state/types.js";
import { renderReply } from "./render.js";
import { createConfiguredConversation } from "../../agent/models.js";

/**
 * Transcript mode: user messages separated by a line holding only `---`, fed as one thread.
 * For each message, in order, the output has a line `>>> archie` and then everything Archie
 * posted in reply, as Markdown. State is in memory, so a replay never touches a real thread.
 */

export class TranscriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TranscriptError";
  }
}

const KEY: ThreadKey = { platform: "console", workspace: "local", channel: "replay", thread: "transcript" };

export function splitTranscript(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/^---[ \t]*$/m)
    .map((message) => message.trim())
    .filter((message) => message.length > 0);
}

/** A string with a line break is the transcript itself; otherwise it names a file. */
function transcriptText(source: string): string {
  if (source.includes("\n")) return source;
  if (!existsSync(source)) throw new TranscriptError(`No transcript file at ${source}`);
  return readFileSync(source, "utf8");
}

export async function replayTranscript(source: string, config: Config): Promise<string> {
  const messages = splitTranscript(transcriptText(source));
  if (messages.length === 0) throw new TranscriptError("The transcript has no messages (separate them with a line holding only ---).");
  const store = createMemoryStore();
  const service = createConfiguredConversation(config, { store, log: (line) => process.stderr.write(`${line}\n`) });
  const out: string[] = [];
  try {
    for (const text of messages) {
      const reply = await service.handleTurn({ key: KEY, user: "user", text });
      out.push(">>> archie", renderReply(reply), "");
    }
  } finally {
    await store.close();
  }
  return out.join("\n");
}
