import type { Proposal } from "../planner/proposal.js";
import type { Picture, PicturesResult } from "../report/pictures/index.js";
import { isProposalMarkdown } from "./posts.js";
import type { Post, PostMaterial, ProposalPart, ReplyMaterial } from "./types.js";

/**
 * What every surface shows with a post, decided once: which pictures it gets (drawn once per
 * proposal however many posts need them) and which files it attaches. Surfaces only lay out
 * what this hands them.
 */

export type DrawPictures = (proposal: Proposal) => Promise<PicturesResult>;

export interface MaterialOptions {
  /** Draws a proposal's pictures; the report's renderer unless a process shares a pool or cache. */
  draw?: DrawPictures;
  /** Told why a post goes out without its pictures. */
  log?: (line: string) => void;
}

const DIAGRAM = "diagram";
const CHART = "cost-scale";

/** The pictures each part shows: the diagram with the design, the cost/scale chart with money and growth. */
const PART_PICTURES: Record<ProposalPart, readonly string[]> = {
  roadmap: [CHART],
  costs: [CHART],
  components: [DIAGRAM],
  bottlenecks: [],
  assumptions: [],
  full: [DIAGRAM, CHART],
};

/** Picture names (without extension) a post shows, most important first. */
export function picturesWanted(post: Post): readonly string[] {
  switch (post.kind) {
    case "proposal":
      return [DIAGRAM, CHART];
    case "section":
      return post.proposal ? PART_PICTURES[post.part] : [];
    default:
      return [];
  }
}

function proposalOf(post: Post): Proposal | undefined {
  return post.kind === "proposal" ? post.proposal : post.kind === "section" ? post.proposal : undefined;
}

function filesOf(post: Post): PostMaterial["files"] {
  switch (post.kind) {
    case "proposal":
    case "section":
      return post.document.files.filter(isProposalMarkdown);
    case "files":
      return post.files;
    default:
      return [];
  }
}

const stem = (picture: Picture) => picture.filename.replace(/\.[^.]+$/, "");

async function defaultDraw(proposal: Proposal): Promise<PicturesResult> {
  // Loaded on first use: the renderers (Graphviz WebAssembly, vega) take a moment to load.
  const { renderPictures } = await import("../report/pictures/index.js");
  return renderPictures(proposal);
}

export interface MaterialBuilder {
  post(post: Post): Promise<PostMaterial>;
  reply(posts: readonly Post[]): Promise<ReplyMaterial>;
}

/** A builder for one reply (or one delivery): pictures drawn for a proposal version are reused by its later posts. */
export function createMaterialBuilder(options: MaterialOptions = {}): MaterialBuilder {
  const draw = options.draw ?? defaultDraw;
  const drawn = new Map<string, Promise<Picture[]>>();

  function picturesOf(proposal: Proposal): Promise<Picture[]> {
    const key = `${proposal.version}:${proposal.title}`;
    let pictures = drawn.get(key);
    if (!pictures) {
      pictures = draw(proposal).then((result) => {
        if (result.ok) return result.pictures;
        options.log?.(`posting v${proposal.version} without pictures: ${result.error}`);
        return [];
      });
      drawn.set(key, pictures);
    }
    return pictures;
  }

  async function post(p: Post): Promise<PostMaterial> {
    const wanted = picturesWanted(p);
    const proposal = proposalOf(p);
    const all = wanted.length > 0 && proposal ? await picturesOf(proposal) : [];
    const pictures = wanted.flatMap((name) => all.filter((picture) => stem(picture) === name));
    return { post: p, pictures, files: filesOf(p) };
  }

  return {
    post,
    async reply(posts) {
      const materials: PostMaterial[] = [];
      for (const p of posts) materials.push(await post(p));
      return { posts: materials };
    },
  };
}
