import { afterEach, describe, expect, it } from "vitest";
import { createBullQueue } from "../../src/jobs/bull-queue.js";
import { createMetrics, METRIC_NAMES } from "../../src/observability/metrics.js";
import { startOpsServer, type OpsServer } from "../../src/observability/ops-server.js";
import { freePort } from "../support/redis-server.js";
import { REDIS_URL } from "../state/redis-helpers.js";

describe("the ops server", () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function serve(ready: () => Promise<{ ok: boolean; checks: Record<string, boolean> }>, metrics = createMetrics()): Promise<OpsServer> {
    const server = await startOpsServer({ port: 0, host: "127.0.0.1", ready, registry: metrics.registry, readyTimeoutMs: 300 });
    closers.push(() => server.close());
    return server;
  }
  const get = (server: OpsServer, path: string) => fetch(`http://127.0.0.1:${server.port}${path}`);

  it("exposes every Archie metric on /metrics in Prometheus' text format", async () => {
    const metrics = createMetrics();
    metrics.eventReceived("slack", "mention");
    metrics.ackSent("slack", 0.012);
    metrics.platformApiError("discord", "createMessage", 429);
    const server = await serve(async () => ({ ok: true, checks: {} }), metrics);
    const response = await get(server, "/metrics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    for (const name of METRIC_NAMES) expect(text).toContain(`# TYPE ${name} `);
    expect(text).toContain('archie_events_received_total{platform="slack",kind="mention"} 1');
    expect(text).toContain('archie_platform_rate_limited_total{platform="discord",method="createMessage"} 1');
    expect(text).toContain("archie_process_cpu_user_seconds_total");
  });

  it("answers /healthz while alive and 404 elsewhere", async () => {
    const server = await serve(async () => ({ ok: true, checks: {} }));
    expect((await get(server, "/healthz")).status).toBe(200);
    expect((await get(server, "/nope")).status).toBe(404);
  });

  it("turns /readyz to 503, naming the failing check, when Redis is down; 200 when it is up", async () => {
    const up = createBullQueue({ url: REDIS_URL, layout: { prefix: "archie-test-ready", partitions: 1 } });
    const down = createBullQueue({ url: `redis://127.0.0.1:${await freePort()}`, layout: { prefix: "archie-test-ready", partitions: 1 }, connectTimeoutMs: 200, warn: () => undefined });
    closers.push(() => up.close(), () => down.close());
    const healthy = await serve(async () => ({ ok: true, checks: { redis: await up.ping() } }));
    const broken = await serve(async () => ({ ok: true, checks: { redis: await down.ping(), slack: true } }));
    expect((await get(healthy, "/readyz")).status).toBe(200);
    const response = await get(broken, "/readyz");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false, checks: { redis: false, slack: true }, failing: ["redis"] });
  });

  it("counts a readiness check that hangs as failing instead of hanging the probe", async () => {
    const server = await serve(() => new Promise(() => undefined));
    const started = Date.now();
    expect((await get(server, "/readyz")).status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
