import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import type { Picture } from "./picture.js";
import { encodePng } from "./png-encode.js";

const require = createRequire(import.meta.url);

/**
 * The fonts travel in node_modules so text renders the same on a fresh server with no system
 * fonts; skipping the system font scan also keeps each render fast.
 */
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`));

export const FONT_FAMILY = "DejaVu Sans";

/**
 * Rasterises SVG to a PNG `width` pixels wide. The background is opaque white, so the pixels
 * resvg hands back need no un-premultiplying before they are encoded.
 */
export function svgToPng(svg: string, filename: string, width: number): Picture {
  const resvg = new Resvg(svg, {
    background: "white",
    fitTo: { mode: "width", value: Math.round(width) },
    font: {
      fontFiles: FONT_FILES,
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  });
  const image = resvg.render();
  return {
    filename,
    mediaType: "image/png",
    data: encodePng(image.pixels, image.width, image.height),
    width: image.width,
    height: image.height,
  };
}

/** The SVG's own width in CSS pixels, as the rasteriser reads it (Graphviz writes points). */
export function svgWidth(svg: string): number {
  return new Resvg(svg, { font: { loadSystemFonts: false } }).width;
}

/**
 * Chat clients show images about 1000–1400 px wide and scale anything else, so a picture is
 * drawn at 2x its natural size (sharp on high-density screens) and held to 1000–1200 px: text
 * stays legible and drawing time, which grows with the pixel count, stays low.
 */
const MIN_WIDTH = 1000;
const MAX_WIDTH = 1200;
const ZOOM = 2;

/** The PNG width for an SVG of the given natural width. */
export function pngWidth(naturalWidth: number): number {
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, naturalWidth * ZOOM));
}
