import { createHash } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import subsetFont from "subset-font";

const require = createRequire(import.meta.url);

/**
 * The fonts travel in node_modules so text renders the same on a fresh server with no system
 * fonts; skipping the system font scan also keeps each render fast.
 */
const FULL_FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`));

export const FONT_FAMILY = "DejaVu Sans";

function range(from: number, to: number): string {
  return String.fromCodePoint(...Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

/**
 * What Archie's pictures write: Latin text, punctuation, currency signs, arrows and a few
 * mathematical signs. resvg shapes text against the font it picks for each run, and its cost
 * grows with the font's size, so the few hundred glyphs these need (about 60 kB against 750 kB)
 * are shaped against a subset; any other character falls back to the full font listed after it.
 */
export const SUBSET_CHARACTERS = [
  range(0x20, 0x7e), // ASCII
  range(0xa0, 0x17f), // Latin-1 and Latin Extended-A
  range(0x2010, 0x206f), // dashes, quotes, bullets, ellipsis, per mille
  range(0x20a0, 0x20bf), // currency signs
  range(0x2190, 0x21ff), // arrows
  "×÷−±≈≠≤≥∞√✓✗",
].join("");

let subsetFiles: Promise<string[]> | undefined;

/** Writes what `make` returns to `path` unless it is there; the rename makes concurrent writers harmless. */
async function writeOnce(path: string, make: () => Promise<Uint8Array>): Promise<void> {
  if (await stat(path).then(() => true, () => false)) return;
  const data = await make();
  const partial = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await writeFile(partial, data);
  await rename(partial, path);
}

async function writeSubsets(): Promise<string[]> {
  const fonts = await Promise.all(FULL_FONT_FILES.map((file) => readFile(file)));
  // Named by content, so a new font release or character list never reuses a stale subset.
  const hash = createHash("sha256");
  for (const font of fonts) hash.update(font);
  hash.update(SUBSET_CHARACTERS);
  const dir = join(tmpdir(), `archie-fonts-${hash.digest("hex").slice(0, 16)}`);
  await mkdir(dir, { recursive: true });
  return Promise.all(
    fonts.map(async (font, i) => {
      const path = join(dir, `subset-${String(i)}.ttf`);
      await writeOnce(path, () => subsetFont(font, SUBSET_CHARACTERS, { targetFormat: "truetype" }));
      return path;
    }),
  );
}

/**
 * The font files to hand resvg, subsets first: made once per machine (in the temporary
 * directory, shared by every thread and process) and found there after. If subsetting fails,
 * pictures are drawn with the full fonts alone, only slower.
 */
export async function fontFiles(): Promise<string[]> {
  subsetFiles ??= writeSubsets().catch(() => []);
  return [...(await subsetFiles), ...FULL_FONT_FILES];
}
