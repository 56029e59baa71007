import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The boundaries the surfaces rely on, read from the import statements of every source file
 * (static and dynamic): the planner is pure, only adapters talk to a platform SDK, and the
 * core's configuration loads no adapter.
 */

const ROOT = resolve(import.meta.dirname, "..");
const SRC = join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

const FILES = sourceFiles(SRC);
const rel = (path: string) => relative(ROOT, path).split("\\").join("/");

function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles.map((i) => i.fileName);
}

/** A relative specifier as the source file it names ("./x.js" → ".../x.ts"). */
function resolveLocal(from: string, specifier: string): string {
  return resolve(dirname(from), specifier).replace(/\.js$/, ".ts");
}

const isLocal = (specifier: string) => specifier.startsWith(".");
const PLATFORM_SDK = /^(@slack\/|discord\.js$|@discordjs\/)/;

/** Every file `entry` reaches through relative imports, itself included. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of importsOf(file)) if (isLocal(specifier)) visit(resolveLocal(file, specifier));
  };
  visit(entry);
  return seen;
}

describe("boundaries", () => {
  it("finds the source files and their imports", () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(importsOf(join(SRC, "config.ts"))).toContain("zod");
  });

  it("the planner imports nothing but zod and its own files", () => {
    const planner = join(SRC, "planner");
    const offending = FILES.filter((f) => f.startsWith(planner)).flatMap((file) =>
      importsOf(file)
        .filter((s) => (isLocal(s) ? !resolveLocal(file, s).startsWith(`${planner}/`) : s !== "zod"))
        .map((s) => `${rel(file)} imports ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it("nothing outside src/adapters imports a platform SDK", () => {
    const adapters = join(SRC, "adapters");
    const offending = FILES.filter((f) => !f.startsWith(`${adapters}/`)).flatMap((file) =>
      importsOf(file)
        .filter((s) => PLATFORM_SDK.test(s))
        .map((s) => `${rel(file)} imports ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it("src/config.ts reaches no adapter, directly or through what it imports", () => {
    const adapters = join(SRC, "adapters");
    const reached = [...reachable(join(SRC, "config.ts"))].filter((f) => f.startsWith(`${adapters}/`)).map(rel);
    expect(reached).toEqual([]);
  });
});
