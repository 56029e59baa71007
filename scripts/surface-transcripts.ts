import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createConsoleScreen, createStyle } from "../src/adapters/console/index.js";
import { CARD_FLAGS } from "../src/adapters/discord/render/card.js";
import { renderPost } from "../src/adapters/discord/render/posts.js";
import { postOutbound } from "../src/adapters/slack/blocks/posts.js";
import { createConversation } from "../src/agent/conversation.js";
import { createMaterialBuilder, type DrawPictures } from "../src/agent/material.js";
import type { Reply } from "../src/agent/types.js";
import type { PicturesResult } from "../src/report/pictures/index.js";
import { renderPictures } from "../src/report/pictures/index.js";
import { createMemoryStore } from "../src/state/index.js";

/**
 * What each surface shows for one conversation, regenerated from the renderers themselves
 * (`npx tsx scripts/surface-transcripts.ts`): the console as its plain-text transcript (also
 * placed in the README), Slack as Block Kit and uploads, Discord as its messages, in docs/surfaces/.
 */

/** The README's example request (scripts/readme-example.ts), then a part and a revision. */
const TURNS = ["food-delivery app for 50k DAU in the EU, growing 20%/mo, budget €4k/month, GDPR", "show costs", "budget is really €3k"];
const WIDTH = 100;
const docs = fileURLToPath(new URL("../docs/surfaces/", import.meta.url));
const readme = fileURLToPath(new URL("../README.md", import.meta.url));

const drawn = new Map<number, Promise<PicturesResult>>();
const draw: DrawPictures = (proposal) => {
  const hit = drawn.get(proposal.version) ?? renderPictures(proposal);
  drawn.set(proposal.version, hit);
  return hit;
};
const log = (line: string) => process.stderr.write(`${line}\n`);

const service = createConversation({ store: createMemoryStore() });
const replies: Reply[] = [];
for (const text of TURNS) replies.push(await service.handleTurn({ key: { platform: "console", workspace: "docs", channel: "c", thread: "t" }, user: "u", text }));

// The console names its folder relative to where it runs; a scratch directory keeps the repository clean.
const cwd = process.cwd();
process.chdir(await mkdtemp(join(tmpdir(), "archie-transcript-")));
const screen = createConsoleScreen({ width: () => WIDTH, style: createStyle(false), outDir: "archie-out", draw, log });
const consoleTurns: string[] = [];
for (const [i, reply] of replies.entries()) consoleTurns.push(`you> ${TURNS[i]}\n${await screen.render(reply)}`);
process.chdir(cwd);
const consoleText = consoleTurns.join("\n");

const names = (files: readonly { filename?: string; name?: string }[]) => files.map((f) => f.filename ?? f.name);
const slack = [];
const discord = [];
for (const [i, reply] of replies.entries()) {
  const material = await createMaterialBuilder({ draw, log }).reply(reply.posts);
  const thread = { channel: "C0CHANNEL", thread: "1710000000.000100" };
  slack.push({
    you: TURNS[i],
    archie: material.posts
      .flatMap((m) => postOutbound(m, thread))
      .map((o) => (o.kind === "message" ? o.message : o.kind === "canvas" ? { canvas: o.canvas.title, orFile: o.canvas.fallback.filename } : { upload: o.comment, files: names(o.files) })),
  });
  discord.push({
    you: TURNS[i],
    // As the sink sends them: a card is its components under the IS_COMPONENTS_V2 flag, plain text its content.
    archie: material.posts
      .flatMap((m) => renderPost(m, { threadId: "1200000000000000001" }))
      .map((m) => (m.kind === "card" ? { flags: CARD_FLAGS, files: names(m.files), components: m.components } : { content: m.content, files: names(m.files), components: m.components })),
  });
}

await writeFile(join(docs, "console.txt"), consoleText);
await writeFile(join(docs, "slack.json"), `${JSON.stringify(slack, null, 2)}\n`);
await writeFile(join(docs, "discord.json"), `${JSON.stringify(discord, null, 2)}\n`);

// The README shows the console's first reply between its markers.
const START = "<!-- console-transcript:start -->";
const END = "<!-- console-transcript:end -->";
const text = await readFile(readme, "utf8");
const from = text.indexOf(START);
const to = text.indexOf(END);
if (from === -1 || to < from) throw new Error(`README.md has no ${START} … ${END} markers`);
const first = consoleTurns[0]?.trimEnd() ?? "";
await writeFile(readme, `${text.slice(0, from + START.length)}\n\`\`\`text\n${first}\n\`\`\`\n${text.slice(to)}`);
process.stderr.write(`wrote docs/surfaces/console.txt, slack.json, discord.json and the README's console transcript\n`);
