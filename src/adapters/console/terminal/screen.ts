import { createMaterialBuilder, type DrawPictures } from "../../../agent/material.js";
import type { Reply } from "../../../agent/types.js";
import { createOutputFolder } from "./folder.js";
import { terminalRenderer } from "./render.js";
import type { Style } from "./style.js";

export interface ConsoleScreenOptions {
  /** The terminal's width now (it may change between replies). */
  width: () => number;
  style: Style;
  /** Where each version's folder of files goes. */
  outDir: string;
  draw?: DrawPictures;
  log: (line: string) => void;
}

export interface ConsoleScreen {
  /** A reply as the text to print, its files and pictures written first so the text can name them. */
  render(reply: Reply): Promise<string>;
}

export function createConsoleScreen(options: ConsoleScreenOptions): ConsoleScreen {
  const folder = createOutputFolder(options.outDir);
  return {
    async render(reply) {
      const material = await createMaterialBuilder({ log: options.log, ...(options.draw ? { draw: options.draw } : {}) }).reply(reply.posts);
      const lines: string[] = [];
      for (const post of material.posts) {
        const written = await folder.write(post);
        lines.push("", ...terminalRenderer.render(post, { width: options.width(), style: options.style, ...(written ? { written } : {}) }));
      }
      return `${lines.join("\n")}\n`;
    },
  };
}
