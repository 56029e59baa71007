import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsole } from "../../../src/adapters/console/console.js";
import type { PicturesResult } from "../../../src/report/pictures/index.js";

const OFFLINE = { model: { provider: "offline" as const }, turns: "inline" as const };

/** A stand-in for the picture renderer: the console's handling of pictures, not the drawing, is tested here. */
const draw = async (): Promise<PicturesResult> => ({
  ok: true,
  pictures: ["diagram.png", "cost-scale.png"].map((filename) => ({ filename, mediaType: "image/png" as const, data: new Uint8Array([137, 80, 78, 71]) })),
});

async function converse(lines: string[]): Promise<{ printed: string; outDir: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  const outDir = mkdtempSync(join(tmpdir(), "archie-console-"));
  const running = runConsole(OFFLINE, { input, output }, { outDir, draw });
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await running;
  return { printed, outDir };
}

describe("console thread", () => {
  it("answers a design with its brief, writes the files to the folder it names, and shows parts on request", async () => {
    const { printed, outDir } = await converse(["Design a food-delivery app with 50k DAU, budget $5k/month, go", "show costs", "roadmap"]);
    const at = (text: string) => printed.indexOf(text);
    const brief = printed.slice(0, at("Costs — "));
    const costs = printed.slice(at("Costs — "), at("Roadmap — "));
    const roadmap = printed.slice(at("Roadmap — "));
    expect(brief).toMatch(/First limits/);
    expect(brief).toMatch(/Assumed/);
    expect(brief).toMatch(/Monthly cost: \$[\d,]+\/month, (within|over) the \$5,000\/month budget/);
    expect(brief).not.toMatch(/Roadmap: 10x|## /);
    expect(brief).toMatch(/Next: “show the roadmap” · “show costs” · “show components” · “export” · “start over”/);
    const folder = /Full proposal and files: (\S+)/.exec(brief)?.[1];
    expect(folder).toBeDefined();
    const dir = join(outDir, "food-delivery-app-v1");
    expect(readFileSync(join(dir, "proposal-v1.md"), "utf8")).toMatch(/^# /);
    for (const name of ["k6-10x.js", "ecs-autoscaling-10x.json", "diagram.png"]) expect(existsSync(join(dir, name)), name).toBe(true);
    expect(costs).toMatch(/Costs — /);
    expect(costs).toMatch(/Levers/);
    expect(roadmap).toMatch(/Roadmap: 10x/);
    // Not a terminal: no styling, and no Markdown marker shows as typed.
    expect(printed).not.toContain("\u001b[");
    expect(printed).not.toMatch(/\*\*|\\[~_*`]|(^|\s)_[^_\s][^_\n]*_(?![\p{L}\p{N}])/mu);
  });

  it("fits every line to the width of a pipe", async () => {
    const { printed } = await converse(["Design a food-delivery app with 50k DAU, budget $5k/month, go", "all"]);
    const widest = Math.max(...printed.split("\n").map((line) => Array.from(line).length));
    expect(widest).toBeLessThanOrEqual(100);
  });
});
