import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Registry } from "prom-client";

/** What /readyz reports: ready when every check passes (Redis reachable, the platform reachable…). */
export interface Readiness {
  ok: boolean;
  checks: Record<string, boolean>;
}

export type ReadyCheck = () => Promise<Readiness>;

export type OpsHandler = (req: IncomingMessage, res: ServerResponse) => void;

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { "content-type": contentType, "cache-control": "no-store" });
  res.end(body);
}

/** GET /healthz: the process is alive and its event loop answers. */
export const healthzHandler: OpsHandler = (_req, res) => send(res, 200, "application/json", JSON.stringify({ ok: true }));

/**
 * GET /readyz: 200 when every check passes, else 503 naming the failing checks. A check that
 * throws or takes longer than `timeoutMs` counts as failing, so a hung Redis cannot hang the probe.
 */
export function readyzHandler(ready: ReadyCheck, timeoutMs = 2_000): OpsHandler {
  return (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<Readiness>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, checks: { "ready-check-in-time": false } }), timeoutMs);
    });
    Promise.race([ready(), deadline])
      .catch((): Readiness => ({ ok: false, checks: { "ready-check": false } }))
      .then((result) => {
        clearTimeout(timer);
        const ok = result.ok && Object.values(result.checks).every(Boolean);
        const failing = Object.entries(result.checks).filter(([, passed]) => !passed).map(([name]) => name);
        send(res, ok ? 200 : 503, "application/json", JSON.stringify({ ok, checks: result.checks, ...(ok ? {} : { failing }) }));
      }, () => send(res, 500, "text/plain", "readiness check failed"));
  };
}

/** GET /metrics: the registry in Prometheus' text format. */
export function metricsHandler(registry: Registry): OpsHandler {
  return (_req, res) => {
    registry.metrics().then(
      (text) => send(res, 200, registry.contentType, text),
      () => send(res, 500, "text/plain", "metrics unavailable"),
    );
  };
}

/** The three handlers by path, for a process that already serves HTTP (Slack's receiver) to mount. */
export function opsRoutes(options: { ready: ReadyCheck; registry: Registry; readyTimeoutMs?: number }): Record<"/healthz" | "/readyz" | "/metrics", OpsHandler> {
  return { "/healthz": healthzHandler, "/readyz": readyzHandler(options.ready, options.readyTimeoutMs), "/metrics": metricsHandler(options.registry) };
}

export interface OpsServer {
  readonly port: number;
  close(): Promise<void>;
}

export interface OpsServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Default 0.0.0.0, so the platform's probes reach it; tests pass 127.0.0.1. */
  host?: string;
  ready: ReadyCheck;
  registry: Registry;
  /** A readiness check slower than this counts as failing (default 2 s). */
  readyTimeoutMs?: number;
}

/** A tiny HTTP server for probes and scraping: GET /healthz, /readyz and /metrics; anything else is 404. */
export function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const routes: Record<string, OpsHandler> = opsRoutes(options);
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const route = routes[path];
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "text/plain", "method not allowed");
    if (!route) return send(res, 404, "text/plain", "not found");
    route(req, res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => {
      server.off("error", reject);
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : options.port;
      resolve({
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
