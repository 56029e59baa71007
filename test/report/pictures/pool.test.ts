import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { afterAll, describe, expect, it } from "vitest";
import type { Proposal } from "../../../src/planner/proposal.js";
import { createPictureCache } from "../../../src/report/pictures/cache.js";
import { createPictureRenderer } from "../../../src/report/pictures/index.js";
import { createRenderPool } from "../../../src/report/pictures/pool.js";
import { makeProposalFixture } from "../../fixtures/proposal.js";

/** Proposals that differ in title, so each one's diagram and chart are drawn afresh. */
const distinct = (count: number, tag: string): Proposal[] => Array.from({ length: count }, (_, i) => ({ ...makeProposalFixture(), title: `Storefront ${tag} ${i}` }));

const renderers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(renderers.map((r) => r.close()));
});

function renderer(options: Parameters<typeof createPictureRenderer>[0] = {}) {
  const created = createPictureRenderer(options);
  renderers.push(created);
  return created;
}

describe("pictures off the event loop", () => {
  it("draws a burst of proposals without holding up the event loop", async () => {
    const pictures = renderer();
    // Threads start and load Graphviz and Vega before the measurement.
    expect((await pictures.render(distinct(1, "warm-up")[0]!)).ok).toBe(true);
    const resolutionMs = 5;
    const delay = monitorEventLoopDelay({ resolution: resolutionMs });
    const started = performance.now();
    const before = performance.eventLoopUtilization();
    delay.enable();
    const results = await Promise.all(distinct(6, "burst").map((p) => pictures.render(p)));
    delay.disable();
    const busy = performance.eventLoopUtilization(before).utilization;
    const elapsedMs = performance.now() - started;
    expect(results.every((r) => r.ok)).toBe(true);
    expect(pictures.stats().misses).toBe(14);
    // Drawn on this thread, the burst holds the loop the whole time: utilisation 1 and the
    // delay timer barely fires. Off it, the loop idles and turns throughout (on a shared,
    // loaded machine it is still scheduled about half the time, hence the loose bounds).
    expect(busy).toBeLessThan(0.5);
    expect(delay.count).toBeGreaterThan(elapsedMs / resolutionMs / 10);
    expect(delay.percentile(50) / 1e6).toBeLessThan(50);
  }, 120_000);

  it("serves a picture it has drawn from the cache, byte for byte, without drawing it again", async () => {
    let drawn = 0;
    const pool = createRenderPool();
    const pictures = renderer({
      cache: createPictureCache(),
      pool: () => ({ draw: (drawing) => ((drawn += 1), pool.draw(drawing)), close: () => pool.close() }),
    });
    const proposal = distinct(1, "cached")[0]!;
    const first = await pictures.render(proposal);
    const again = await pictures.render(structuredClone(proposal));
    if (!first.ok || !again.ok) throw new Error("the pictures were not drawn");
    expect(drawn).toBe(2);
    expect(again.pictures.map((p) => Buffer.from(p.data).toString("base64"))).toEqual(first.pictures.map((p) => Buffer.from(p.data).toString("base64")));
    // A revision whose budget changed but whose components did not redraws the chart only.
    const revised: Proposal = { ...structuredClone(proposal), cost: { ...proposal.cost, budget: (proposal.cost.budget ?? 5_000) + 500 } };
    expect((await pictures.render(revised)).ok).toBe(true);
    expect(drawn).toBe(3);
    expect(pictures.stats()).toMatchObject({ hits: 3, misses: 3 });
  }, 120_000);

  it("survives a render thread that dies, failing only that proposal's pictures", async () => {
    const pictures = renderer({ cache: createPictureCache(), pool: () => createRenderPool({ module: new URL("./fixtures/failing-thread.ts", import.meta.url), threads: 1 }) });
    for (const fatal of ["exit", "throw"]) {
      const dying = await pictures.render({ ...makeProposalFixture(), title: fatal });
      expect(dying).toEqual({ ok: false, error: expect.stringMatching(/^could not draw the pictures: /) });
      const next = await pictures.render(distinct(1, `after-${fatal}`)[0]!);
      expect(next.ok).toBe(true);
    }
  }, 120_000);
});
