import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";

/**
 * The Socket Mode half of the fake Slack. apps.connections.open hands out a ws:// URL carrying a
 * one-use ticket; a connection with a valid ticket is greeted with `hello`, then receives the
 * envelopes a test sends (events_api, slash_commands, interactive) and answers each with
 * `{envelope_id, payload}`, its acknowledgement. Pings are answered by the ws server itself.
 */

export const APP_ID = "A0ARCHIE01";

export type EnvelopeType = "events_api" | "slash_commands" | "interactive";

/** What Slack sends over the socket: the payload is the body the HTTP endpoint would have received. */
export interface Envelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export interface SocketAck {
  envelope_id: string;
  /** The response the app sent with its acknowledgement (Socket Mode always sends an object, often empty). */
  payload?: Record<string, unknown>;
  at: number;
}

export interface SocketConnection {
  ticket: string;
  openedAt: number;
  /** Set when the connection closed, with the close code the app sent (1000 for a normal close). */
  closed?: { code: number; at: number };
}

export interface FakeSocketMode {
  /** Every connection opened with a ticket from apps.connections.open. */
  connections: SocketConnection[];
  /** Every acknowledgement received, in order. */
  acks: SocketAck[];
  /** Messages from the app that were not the acknowledgement of an envelope sent (unparseable, unknown or repeated ids). */
  stray: unknown[];
  /** Sends an envelope to the open connection and resolves with its acknowledgement; rejects after timeoutMs. */
  send(envelope: Omit<Envelope, "envelope_id"> & { envelope_id?: string }, timeoutMs?: number): Promise<SocketAck>;
  /**
   * Sends an envelope the app should leave unacknowledged: resolves with its id once `quietMs`
   * passed without an acknowledgement, rejects as soon as one arrives. A later one is stray.
   */
  sendUnacknowledged(envelope: Omit<Envelope, "envelope_id"> & { envelope_id?: string }, quietMs?: number): Promise<string>;
  /** Resolves once no connection is open any more; rejects after timeoutMs. */
  allClosed(timeoutMs?: number): Promise<void>;
}

/** `promise`, or a rejection naming `what` after `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface Waiter {
  resolve(ack: SocketAck): void;
}

export class FakeSocketServer implements FakeSocketMode {
  readonly connections: SocketConnection[] = [];
  readonly acks: SocketAck[] = [];
  readonly stray: unknown[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly open = new Set<WebSocket>();
  private readonly waiters = new Map<string, Waiter>();
  private closeWaiters: (() => void)[] = [];

  /** apps.connections.open: a URL for one connection, as Slack's wss://wss-primary.slack.com/link/?ticket=… */
  issueUrl(origin: string): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return `${origin.replace(/^http/, "ws")}/link/?ticket=${ticket}&app_id=${APP_ID}`;
  }

  /** For the HTTP server's "upgrade" event: refuses a path or ticket it did not issue. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const ticket = url.searchParams.get("ticket") ?? "";
    if (url.pathname !== "/link/" || !this.tickets.delete(ticket)) {
      socket.end("HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, ticket));
  }

  private accept(ws: WebSocket, ticket: string): void {
    const connection: SocketConnection = { ticket, openedAt: Date.now() };
    this.connections.push(connection);
    this.open.add(ws);
    ws.on("message", (data, isBinary) => this.received(isBinary ? data : String(data)));
    ws.on("close", (code) => {
      connection.closed = { code, at: Date.now() };
      this.open.delete(ws);
      if (this.open.size === 0) for (const resolve of this.closeWaiters.splice(0)) resolve();
    });
    ws.send(
      JSON.stringify({
        type: "hello",
        num_connections: this.open.size,
        debug_info: { host: "fake-slack", build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: APP_ID },
      }),
    );
  }

  private received(data: unknown): void {
    let message: { envelope_id?: unknown; payload?: unknown };
    try {
      message = JSON.parse(String(data)) as typeof message;
    } catch {
      this.stray.push(data);
      return;
    }
    const id = typeof message.envelope_id === "string" ? message.envelope_id : undefined;
    const waiter = id === undefined ? undefined : this.waiters.get(id);
    if (id === undefined || !waiter) {
      this.stray.push(message);
      return;
    }
    this.waiters.delete(id);
    const ack: SocketAck = {
      envelope_id: id,
      ...(message.payload && typeof message.payload === "object" ? { payload: message.payload as Record<string, unknown> } : {}),
      at: Date.now(),
    };
    this.acks.push(ack);
    waiter.resolve(ack);
  }

  send(envelope: Omit<Envelope, "envelope_id"> & { envelope_id?: string }, timeoutMs = 5_000): Promise<SocketAck> {
    const sent = this.deliver(envelope);
    if (!sent) return Promise.reject(new Error(`expected one open Socket Mode connection, found ${this.open.size}`));
    return within(sent.acked, timeoutMs, `the acknowledgement of envelope ${sent.id} (${envelope.type})`).finally(() => this.waiters.delete(sent.id));
  }

  sendUnacknowledged(envelope: Omit<Envelope, "envelope_id"> & { envelope_id?: string }, quietMs = 1_000): Promise<string> {
    const sent = this.deliver(envelope);
    if (!sent) return Promise.reject(new Error(`expected one open Socket Mode connection, found ${this.open.size}`));
    let timer: NodeJS.Timeout | undefined;
    const quiet = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(sent.id), quietMs);
    });
    const acked = sent.acked.then((ack) => {
      throw new Error(`envelope ${sent.id} (${envelope.type}) was acknowledged after ${ack.at - sent.at} ms; expected no acknowledgement within ${quietMs} ms`);
    });
    return Promise.race([quiet, acked]).finally(() => {
      clearTimeout(timer);
      this.waiters.delete(sent.id);
    });
  }

  /** Sends the envelope on the one open connection, its acknowledgement awaited; undefined when there is not exactly one. */
  private deliver(envelope: Omit<Envelope, "envelope_id"> & { envelope_id?: string }): { id: string; at: number; acked: Promise<SocketAck> } | undefined {
    const live = [...this.open];
    if (live.length !== 1) return undefined;
    const full: Envelope = { ...envelope, envelope_id: envelope.envelope_id ?? randomUUID() };
    const acked = new Promise<SocketAck>((resolve) => this.waiters.set(full.envelope_id, { resolve }));
    live[0]!.send(JSON.stringify(full));
    return { id: full.envelope_id, at: Date.now(), acked };
  }

  allClosed(timeoutMs = 5_000): Promise<void> {
    if (this.open.size === 0) return Promise.resolve();
    return within(new Promise<void>((resolve) => this.closeWaiters.push(resolve)), timeoutMs, "the Socket Mode connection to close");
  }

  close(): void {
    for (const ws of this.open) ws.terminate();
    this.wss.close();
  }
}
