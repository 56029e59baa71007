import { PNG } from "pngjs";

export interface ImageStats {
  width: number;
  height: number;
  /** Fraction of pixels that differ visibly from the white background. */
  inked: number;
}

/** Decodes a PNG for real, so a test sees what a chat client would show. */
export function pngStats(data: Uint8Array): ImageStats {
  const png = PNG.sync.read(Buffer.from(data));
  let inked = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const r = png.data[i] ?? 255;
    const g = png.data[i + 1] ?? 255;
    const b = png.data[i + 2] ?? 255;
    if (r < 245 || g < 245 || b < 245) inked += 1;
  }
  return { width: png.width, height: png.height, inked: inked / (png.width * png.height) };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * The text content of every <text> element, entities decoded: what a viewer reads. Graphviz and
 * Vega escape differently (Graphviz writes "-" as "&#45;"), so tests compare decoded text.
 */
export function svgTexts(svg: string): string[] {
  return Array.from(svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g), (m) => decodeEntities(m[1] ?? ""));
}

/** Graphviz's node groups by node name (their <title>), to inspect how one component is drawn. */
export function svgNodeGroups(svg: string): Map<string, string> {
  const groups = new Map<string, string>();
  for (const group of svg.split('<g id="node').slice(1)) {
    const title = /<title>([^<]*)<\/title>/.exec(group)?.[1];
    if (title !== undefined) groups.set(decodeEntities(title), group.slice(0, group.indexOf("</g>")));
  }
  return groups;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (entity: string, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X")) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return ENTITIES[body] ?? entity;
  });
}
