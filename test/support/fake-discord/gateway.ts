import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";

/**
 * The gateway half of the fake: JSON text frames, HELLO (op 10) → IDENTIFY (op 2) → READY,
 * heartbeats (op 1 → op 11), RESUME (op 6) → missed events replayed → RESUMED. One shard,
 * one session at a time, as a single-server bot sees it.
 */

export interface GatewayEvent {
  op: number;
  t: string | null;
  s: number | null;
  d: unknown;
}

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  /** Close with 4014 when IDENTIFY asks for the Message Content intent, as Discord does when it is not enabled. */
  disallowMessageContent: boolean;
  /** READY and GUILD_CREATE payloads for a new session. */
  onIdentify(sessionId: string): { ready: unknown; guilds: unknown[] };
}

const MESSAGE_CONTENT = 1 << 15;

interface Session {
  id: string;
  seq: number;
  log: GatewayEvent[];
}

export class FakeGateway {
  readonly identifies: { intents: number }[] = [];
  readonly resumes: { sessionId: string; seq: number }[] = [];
  heartbeats = 0;
  private readonly wss = new WebSocketServer({ noServer: true });
  private socket: WebSocket | undefined;
  private session: Session | undefined;
  private readyWaiters: (() => void)[] = [];

  constructor(private readonly options: GatewayOptions) {}

  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
  }

  private send(ws: WebSocket, event: GatewayEvent): void {
    ws.send(JSON.stringify(event));
  }

  private accept(ws: WebSocket): void {
    this.socket = ws;
    let live = false;
    this.send(ws, { op: 10, t: null, s: null, d: { heartbeat_interval: this.options.heartbeatIntervalMs } });
    ws.on("message", (data) => {
      const payload = JSON.parse(String(data)) as { op: number; d: Record<string, unknown> | number | null };
      const d = (payload.d ?? {}) as Record<string, unknown>;
      switch (payload.op) {
        case 1:
          this.heartbeats += 1;
          this.send(ws, { op: 11, t: null, s: null, d: null });
          break;
        case 2: {
          const intents = Number(d["intents"]);
          this.identifies.push({ intents });
          if (d["token"] !== this.options.token) return ws.close(4004, "Authentication failed.");
          if (this.options.disallowMessageContent && (intents & MESSAGE_CONTENT) !== 0) return ws.close(4014, "Disallowed intent(s).");
          const sessionId = randomUUID().replace(/-/g, "");
          this.session = { id: sessionId, seq: 0, log: [] };
          live = true;
          const { ready, guilds } = this.options.onIdentify(sessionId);
          this.dispatch("READY", ready);
          for (const guild of guilds) this.dispatch("GUILD_CREATE", guild);
          this.notifyReady();
          break;
        }
        case 6: {
          const sessionId = String(d["session_id"]);
          const seq = Number(d["seq"]);
          this.resumes.push({ sessionId, seq });
          if (!this.session || this.session.id !== sessionId) return this.send(ws, { op: 9, t: null, s: null, d: false });
          live = true;
          for (const event of this.session.log.filter((e) => (e.s ?? 0) > seq)) this.send(ws, event);
          this.dispatch("RESUMED", {});
          this.notifyReady();
          break;
        }
      }
    });
    ws.on("close", () => {
      if (this.socket === ws) this.socket = undefined;
      live = false;
    });
    Object.defineProperty(ws, "archieLive", { get: () => live });
  }

  private notifyReady(): void {
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Resolves at the next READY or RESUMED sent. */
  nextReady(): Promise<void> {
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Whether a client has identified: a REST-only client (a worker) never does. */
  get hasSession(): boolean {
    return this.session !== undefined;
  }

  /** Sends an event to the connected session; while disconnected it is kept for a RESUME to replay. */
  dispatch(t: string, d: unknown): void {
    if (!this.session) throw new Error("no gateway session yet");
    this.session.seq += 1;
    const event: GatewayEvent = { op: 0, t, s: this.session.seq, d };
    this.session.log.push(event);
    const ws = this.socket as (WebSocket & { archieLive?: boolean }) | undefined;
    if (ws && ws.readyState === ws.OPEN && ws.archieLive) this.send(ws, event);
  }

  /** Drops the connection as a network fault or Discord restart would (4000: resumable). */
  drop(code = 4000): void {
    this.socket?.close(code, "fake outage");
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}
