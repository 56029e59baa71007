import { Resvg } from "@resvg/resvg-js";
import { FONT_FAMILY, fontFiles } from "./fonts.js";
import type { Picture } from "./picture.js";
import { encodePng } from "./png-encode.js";

export { FONT_FAMILY } from "./fonts.js";

/**
 * Slack and Discord show images at most about 1000 px wide and scale anything wider down, so
 * pictures are drawn at that width: every pixel drawn is a pixel shown, and drawing time grows
 * with the pixel count.
 */
export const PNG_WIDTH = 1000;

/**
 * Rasterises SVG to a PNG `PNG_WIDTH` pixels wide. The background is opaque white, so the pixels
 * resvg hands back need no un-premultiplying before they are encoded.
 */
export async function svgToPng(svg: string, filename: string): Promise<Picture> {
  const resvg = new Resvg(svg, {
    background: "white",
    fitTo: { mode: "width", value: PNG_WIDTH },
    font: {
      fontFiles: await fontFiles(),
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
