/** One rendered image, ready to attach to a message or write to a file. */
export interface Picture {
  filename: string;
  mediaType: "image/png" | "image/svg+xml";
  data: Uint8Array;
  /** Pixel size for PNGs; absent for SVGs, which scale. */
  width?: number;
  height?: number;
}

/** An image in both forms: SVG for the web and files, PNG for chat platforms that will not show SVG. */
export interface RenderedPicture {
  svg: string;
  png: Picture;
}

/** Wraps SVG text as a Picture so both forms can be posted or written the same way. */
export function svgPicture(filename: string, svg: string): Picture {
  return { filename, mediaType: "image/svg+xml", data: new TextEncoder().encode(svg) };
}
