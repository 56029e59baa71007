import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Drawing } from "./draw.js";
import type { RenderedPicture } from "./picture.js";

export interface PictureCache {
  /** The drawing's picture, drawn by `drawFresh` only when no picture of the same content is held or in progress. */
  get(drawing: Drawing, drawFresh: (drawing: Drawing) => Promise<RenderedPicture>): Promise<RenderedPicture>;
  stats(): { hits: number; misses: number; bytes: number };
}

/** The content a picture is drawn from, as a key: the same graph or chart spec always draws the same bytes. */
export function drawingKey(drawing: Drawing): string {
  return createHash("sha256").update(JSON.stringify(drawing)).digest("base64url");
}

const sizeOf = (picture: RenderedPicture) => picture.png.data.byteLength + picture.svg.length;

/**
 * Pictures by content, least recently used dropped first once `maxBytes` is held (a proposal's
 * four images are ≈ 0.3 MB). A revision that changes the costs but not the components redraws
 * the chart only; a repeated proposal redraws nothing. Drawings in progress are shared, so two
 * turns posting the same picture at once draw it once.
 */
export function createPictureCache(maxBytes = 32 * 1024 * 1024): PictureCache {
  const held = new LRUCache<string, RenderedPicture>({ maxSize: maxBytes, sizeCalculation: (picture) => Math.max(1, sizeOf(picture)) });
  const drawing = new Map<string, Promise<RenderedPicture>>();
  let hits = 0;
  let misses = 0;
  return {
    get(request, drawFresh) {
      const key = drawingKey(request);
      const found = held.get(key) ?? drawing.get(key);
      if (found) {
        hits += 1;
        return Promise.resolve(found);
      }
      misses += 1;
      const drawn = drawFresh(request)
        .then((picture) => {
          held.set(key, picture);
          return picture;
        })
        .finally(() => drawing.delete(key));
      drawing.set(key, drawn);
      return drawn;
    },
    stats: () => ({ hits, misses, bytes: held.calculatedSize }),
  };
}
