import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { designCommand } from "../src/commands/design.js";

/** The README's example, written by the same command users run: `archie design "<EXAMPLE>" --out docs/example`. */
export const README_EXAMPLE = "food-delivery app for 50k DAU in the EU, growing 20%/mo, budget €4k/month, GDPR";

const dir = fileURLToPath(new URL("../docs/example/", import.meta.url));
await mkdir(dir, { recursive: true });
const result = await designCommand(README_EXAMPLE, { json: false, outDir: dir });
for (const note of result.notes) process.stderr.write(`${note}\n`);
