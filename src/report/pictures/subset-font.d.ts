declare module "subset-font" {
  /** Keeps only the glyphs `text` needs; the result is in `targetFormat` (the input's by default). */
  export default function subsetFont(font: Uint8Array, text: string, options?: { targetFormat?: "truetype" | "woff" | "woff2" | "sfnt" }): Promise<Buffer>;
}
