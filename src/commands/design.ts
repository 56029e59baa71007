import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { plan } from "../planner/index.js";
import { checkRequestText, detectArchetype, parseRequirements } from "../planner/parse/index.js";
import { proposalSchema, type Proposal } from "../planner/proposal.js";
import { buildDocument, renderMarkdown, withArtifacts } from "../report/index.js";
import { UsageError } from "./errors.js";

export interface DesignOptions {
  json: boolean;
  outDir?: string;
}

export interface DesignResult {
  /** What goes to stdout: the Markdown, or the JSON Proposal and nothing else. */
  stdout: string;
  /** Notes for the person (assumed currency, values left out, files written): stderr. */
  notes: string[];
}

/** One shot: no questions, missing facts filled with stated assumptions. */
export async function designCommand(request: string, options: DesignOptions): Promise<DesignResult> {
  const checked = checkRequestText(request);
  if (!checked.ok) throw new UsageError(checked.message);
  // The one-shot request answers "what are you building?", so its opening words can name the product.
  const parsed = parseRequirements(checked.text, { expecting: "domain" });
  const archetype = parsed.requirements.archetype ?? detectArchetype(checked.text);
  const requirements = archetype && archetype !== "generic" ? { ...parsed.requirements, archetype } : parsed.requirements;
  const proposal = withArtifacts(plan(requirements));
  const notes = parsed.problems.map((p) => `note: ${p}`);
  if (options.outDir) notes.push(...(await writeOut(proposal, options.outDir)));
  const stdout = options.json ? JSON.stringify(proposalSchema.parse(proposal), null, 2) : renderMarkdown(buildDocument(proposal));
  return { stdout, notes };
}

/** Writes the artefacts and the pictures; a picture that fails is reported, never fatal. */
async function writeOut(proposal: Proposal, dir: string): Promise<string[]> {
  const target = resolve(dir);
  await mkdir(target, { recursive: true });
  const written: string[] = [];
  for (const a of proposal.artifacts) {
    await writeFile(join(target, a.filename), a.content);
    written.push(a.filename);
  }
  const notes: string[] = [];
  // Loaded only here: the renderers (Graphviz WebAssembly, vega) take a moment to load.
  const { renderPictures } = await import("../report/pictures/index.js");
  const pictures = await renderPictures(proposal);
  if (pictures.ok) {
    for (const p of pictures.pictures) {
      await writeFile(join(target, p.filename), p.data);
      written.push(p.filename);
    }
  } else notes.push(`note: pictures were not drawn (${pictures.error}); the proposal and artefacts are complete`);
  notes.push(`wrote ${written.length} files to ${target}: ${written.join(", ")}`);
  return notes;
}
