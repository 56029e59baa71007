import { mkdir, writeFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import type { PostMaterial } from "../../../agent/types.js";
import { kubernetesName } from "../../../report/artifacts/names.js";
import type { WrittenFiles } from "./render.js";

/**
 * The console's files: each proposal version gets a folder (`<base>/<design>-v<N>/`) holding the
 * whole proposal, its artefacts and pictures, so the reply can name one place to look.
 */

export interface OutputFolder {
  /** Writes what a post attaches; undefined when it attaches nothing. */
  write(material: PostMaterial): Promise<WrittenFiles | undefined>;
}

/** A path as the person would type it: relative to where they are when it is below, else absolute. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? `.${sep}${rel}${sep}` : `${path}${sep}`;
}

export function createOutputFolder(base: string): OutputFolder {
  const folders = new Map<number, string>();

  function folderFor(version: number, design?: string): string {
    const known = folders.get(version);
    if (known) return known;
    const dir = resolve(base, `${design ? kubernetesName(design) : "design"}-v${version}`);
    folders.set(version, dir);
    return dir;
  }

  return {
    async write({ post, pictures, files }) {
      const proposal = post.kind === "proposal" || post.kind === "section" ? post.proposal : undefined;
      // A proposal writes everything it ships; later posts add their own files beside it.
      const artefacts = post.kind === "proposal" ? post.document.files : files;
      if (artefacts.length === 0 && pictures.length === 0) return undefined;
      const version = post.kind === "proposal" ? post.proposal.version : post.kind === "text" ? 0 : post.version;
      const dir = folderFor(version, proposal?.requirements.domain ?? proposal?.title);
      await mkdir(dir, { recursive: true });
      for (const file of artefacts) await writeFile(join(dir, file.filename), file.content);
      for (const p of pictures) await writeFile(join(dir, p.filename), p.data);
      return { dir: shown(dir), files: [...artefacts.map((f) => f.filename), ...pictures.map((p) => p.filename)] };
    },
  };
}
