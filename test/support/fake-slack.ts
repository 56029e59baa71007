import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { checkMessage, checkView } from "../../src/adapters/slack/blocks/limits.js";
import { FakeSocketServer, type FakeSocketMode } from "./fake-slack-socket.js";

/**
 * A small Slack Web API on 127.0.0.1 for the real Bolt app: the methods Archie calls, each call
 * recorded; messages kept per thread (with their metadata, as conversations.replies returns
 * them); every Block Kit payload held to Slack's limits; faults injectable per method. Socket
 * Mode too: apps.connections.open (app-level token only) hands out a WebSocket on the same port.
 * The AI-app methods (assistant.threads.*) keep each thread's status, title and prompts; canvases
 * are kept with their Markdown and who they are shared with, and a free plan refuses standalone
 * canvases and allows one canvas tab per conversation, as Slack does.
 */

export const BOT_USER = "UARCHIE01";
export const BOT_ID = "BARCHIE01";
export const TEAM = "T0TEAM001";

export interface Call {
  method: string;
  args: Record<string, unknown>;
  at: number;
  authorization?: string;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  user: string;
}

export type Fault =
  /** Answer 429 with this Retry-After (seconds) without doing anything. */
  | { status: 429; retryAfter: number }
  /** Do the work, then answer 500 as if the response were lost on the way. */
  | { status: 500; afterWork: true }
  /** Answer 500 without doing anything. */
  | { status: 500; afterWork: false }
  /** Answer ok: false with this error. */
  | { error: string }
  /** Do the work and answer normally, this many milliseconds late (a slow API). */
  | { delayMs: number };

export interface StoredCanvas {
  id: string;
  title?: string;
  markdown: string;
  /** The conversation whose tab it is (conversations.canvases.create), if any. */
  tabOf?: string;
  /** Conversations given read access (canvases.access.set). */
  sharedWith: string[];
}

/** One thread's AI-app chrome as the client would show it now. */
export interface AssistantThread {
  /** Every status set, in order ("" is a clear). */
  statuses: string[];
  title?: string;
  prompts?: { title?: string; prompts: { title: string; message: string }[] };
}

/** The workspace's web address, as auth.test names it. */
export const WORKSPACE_URL = "https://archie-test.slack.com/";

export interface FakeSlack {
  /** The Web API base URL, for clientOptions.slackApiUrl. */
  apiUrl: string;
  url: string;
  calls: Call[];
  /** Every limit violation seen in a payload, with the method that carried it. */
  violations: string[];
  messages: StoredMessage[];
  uploads: { filename: string; bytes: number; channel?: string; thread?: string; comment?: string }[];
  responses: { path: string; body: Record<string, unknown> }[];
  canvases: StoredCanvas[];
  /** AI-app threads by `channel:thread_ts`. */
  assistantThreads: Map<string, AssistantThread>;
  /** A free workspace: no standalone canvases, one canvas tab per conversation. */
  freePlan: boolean;
  called(method: string): Call[];
  /** Makes the next call of `method` fail this way. */
  failNext(method: string, fault: Fault): void;
  /** The Socket Mode connections opened through apps.connections.open, and the envelopes sent over them. */
  socket: FakeSocketMode;
  close(): Promise<void>;
}

const JSON_FIELDS = new Set(["blocks", "metadata", "view", "files", "attachments", "prompts", "loading_messages", "document_content", "channel_ids"]);

/** Slack shows at most four suggested prompts. */
const MAX_PROMPTS = 4;
/** conversations.canvases.create documents 1 MiB of Markdown. */
const CANVAS_MARKDOWN_MAX = 1_048_576;

function parseForm(body: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return args;
}

/** Slack's answer to a token of the wrong kind: the app-level token (xapp-) opens sockets and does nothing else. */
function tokenProblem(method: string, authorization: string | undefined): string | undefined {
  const appToken = /^Bearer xapp-/.test(authorization ?? "");
  if (method === "apps.connections.open") return authorization ? (appToken ? undefined : "not_allowed_token_type") : "not_authed";
  return appToken ? "not_allowed_token_type" : undefined;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: Call[] = [];
  const violations: string[] = [];
  const messages: StoredMessage[] = [];
  const uploads: FakeSlack["uploads"] = [];
  const responses: FakeSlack["responses"] = [];
  const canvases: StoredCanvas[] = [];
  const assistantThreads = new Map<string, AssistantThread>();
  const plan = { free: false };
  const faults = new Map<string, Fault[]>();
  const pendingFiles = new Map<string, { filename: string; bytes: number }>();
  let clock = 1_700_000_000;
  let counter = 0;
  const nextTs = () => `${clock++}.${String(++counter).padStart(6, "0")}`;
  let base = "";
  const socket = new FakeSocketServer();

  function check(method: string, args: Record<string, unknown>): void {
    const sent = JSON.stringify(args);
    for (const ping of ["<!channel", "<!here", "<!everyone", "<!subteam"]) if (sent.includes(ping)) violations.push(`${method}: posts a ping (${ping})`);
    if (Array.isArray(args.blocks) || typeof args.text === "string") {
      for (const problem of checkMessage({ text: typeof args.text === "string" ? args.text : undefined, blocks: (args.blocks as never) ?? [] })) violations.push(`${method}: ${problem}`);
    }
    if (args.view && typeof args.view === "object") {
      for (const problem of checkView(args.view as never)) violations.push(`${method}: ${problem}`);
    }
    if (method.startsWith("assistant.threads.")) {
      if (typeof args.channel_id !== "string" || typeof args.thread_ts !== "string") violations.push(`${method}: needs channel_id and thread_ts`);
    }
    if (method === "assistant.threads.setStatus" && typeof args.status !== "string") violations.push(`${method}: needs a status (empty clears it)`);
    if (method === "assistant.threads.setTitle" && (typeof args.title !== "string" || args.title.length === 0)) violations.push(`${method}: needs a title`);
    if (method === "assistant.threads.setSuggestedPrompts") {
      const prompts = Array.isArray(args.prompts) ? (args.prompts as { title?: unknown; message?: unknown }[]) : [];
      if (prompts.length === 0 || prompts.length > MAX_PROMPTS) violations.push(`${method}: ${prompts.length} prompts outside 1..${MAX_PROMPTS}`);
      for (const prompt of prompts) if (typeof prompt.title !== "string" || !prompt.title || typeof prompt.message !== "string" || !prompt.message) violations.push(`${method}: a prompt needs a title and a message`);
    }
    if (method === "canvases.create" || method === "conversations.canvases.create") {
      const content = args.document_content as { type?: unknown; markdown?: unknown } | undefined;
      if (content?.type !== "markdown" || typeof content.markdown !== "string") violations.push(`${method}: document_content must be {type: "markdown", markdown}`);
      else if (content.markdown.length > CANVAS_MARKDOWN_MAX) violations.push(`${method}: markdown ${content.markdown.length} > ${CANVAS_MARKDOWN_MAX}`);
    }
  }

  const assistantThread = (args: Record<string, unknown>): AssistantThread => {
    const key = `${String(args.channel_id)}:${String(args.thread_ts)}`;
    const thread = assistantThreads.get(key) ?? { statuses: [] };
    assistantThreads.set(key, thread);
    return thread;
  };

  function newCanvas(args: Record<string, unknown>, tabOf?: string): StoredCanvas {
    const content = args.document_content as { markdown?: string } | undefined;
    const canvas: StoredCanvas = {
      id: `F${String(++counter).padStart(8, "0")}`,
      ...(typeof args.title === "string" ? { title: args.title } : {}),
      markdown: content?.markdown ?? "",
      ...(tabOf ? { tabOf } : {}),
      sharedWith: tabOf ? [tabOf] : [],
    };
    canvases.push(canvas);
    return canvas;
  }

  function work(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "apps.connections.open":
        return { url: socket.issueUrl(base) };
      case "auth.test":
        return { user_id: BOT_USER, bot_id: BOT_ID, team_id: TEAM, user: "archie", team: "Test", url: WORKSPACE_URL };
      case "assistant.threads.setStatus":
        assistantThread(args).statuses.push(String(args.status));
        return {};
      case "assistant.threads.setTitle":
        assistantThread(args).title = String(args.title);
        return {};
      case "assistant.threads.setSuggestedPrompts":
        assistantThread(args).prompts = { ...(typeof args.title === "string" ? { title: args.title } : {}), prompts: args.prompts as { title: string; message: string }[] };
        return {};
      case "canvases.create":
        if (plan.free && !args.channel_id) return { __error: "free_teams_cannot_create_non_tabbed_canvases" };
        return { canvas_id: newCanvas(args, typeof args.channel_id === "string" ? args.channel_id : undefined).id };
      case "conversations.canvases.create": {
        const channel = String(args.channel_id);
        if (canvases.some((c) => c.tabOf === channel)) return { __error: plan.free ? "free_team_canvas_tab_already_exists" : "channel_canvas_already_exists" };
        return { canvas_id: newCanvas(args, channel).id };
      }
      case "canvases.access.set": {
        const canvas = canvases.find((c) => c.id === args.canvas_id);
        if (!canvas) return { __error: "canvas_not_found" };
        const ids = Array.isArray(args.channel_ids) ? (args.channel_ids as string[]) : [];
        canvas.sharedWith.push(...ids.filter((id) => !canvas.sharedWith.includes(id)));
        return {};
      }
      case "chat.postMessage": {
        const ts = nextTs();
        const message: StoredMessage = {
          channel: String(args.channel),
          ts,
          ...(args.thread_ts ? { thread_ts: String(args.thread_ts) } : {}),
          text: String(args.text ?? ""),
          ...(Array.isArray(args.blocks) ? { blocks: args.blocks } : {}),
          ...(args.metadata ? { metadata: args.metadata as StoredMessage["metadata"] } : {}),
          user: BOT_USER,
        };
        messages.push(message);
        return { channel: message.channel, ts, message };
      }
      case "conversations.replies": {
        const thread = String(args.ts);
        const found = messages.filter((m) => m.channel === args.channel && (m.ts === thread || m.thread_ts === thread));
        return { messages: found, has_more: false };
      }
      case "files.getUploadURLExternal": {
        const id = `F${String(++counter).padStart(8, "0")}`;
        pendingFiles.set(id, { filename: String(args.filename), bytes: Number(args.length) });
        return { upload_url: `${base}/upload/${id}`, file_id: id };
      }
      case "files.completeUploadExternal": {
        const files = (args.files as { id: string; title?: string }[]) ?? [];
        for (const file of files) {
          const pending = pendingFiles.get(file.id);
          uploads.push({
            filename: pending?.filename ?? "?",
            bytes: pending?.bytes ?? 0,
            ...(args.channel_id ? { channel: String(args.channel_id) } : {}),
            ...(args.thread_ts ? { thread: String(args.thread_ts) } : {}),
            ...(args.initial_comment ? { comment: String(args.initial_comment) } : {}),
          });
        }
        return { files: files.map((f) => ({ id: f.id, title: f.title ?? "" })) };
      }
      case "reactions.add":
      case "reactions.remove":
      case "chat.postEphemeral":
      case "chat.update":
        return {};
      case "views.open":
        return { view: { id: "V0001", ...(args.view as object) } };
      default:
        return { __unknown: true };
    }
  }

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    if (path.startsWith("/upload/")) {
      calls.push({ method: "upload", args: { file: path.slice("/upload/".length), bytes: body.length }, at: Date.now() });
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("OK");
      return;
    }
    if (path.startsWith("/respond/")) {
      const parsed = JSON.parse(body.toString("utf8") || "{}") as Record<string, unknown>;
      responses.push({ path, body: parsed });
      check("response_url", parsed);
      send(res, 200, { ok: true });
      return;
    }
    if (!path.startsWith("/api/")) return send(res, 404, { ok: false, error: "unknown_path" });
    const method = path.slice("/api/".length);
    const type = req.headers["content-type"] ?? "";
    const args = type.includes("json") ? (JSON.parse(body.toString("utf8")) as Record<string, unknown>) : parseForm(body.toString("utf8"));
    calls.push({ method, args, at: Date.now(), ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    check(method, args);
    const refused = tokenProblem(method, req.headers.authorization);
    if (refused) return send(res, 200, { ok: false, error: refused });
    const fault = faults.get(method)?.shift();
    if (fault && "status" in fault && fault.status === 429) return send(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": String(fault.retryAfter) });
    if (fault && "error" in fault) return send(res, 200, { ok: false, error: fault.error });
    if (fault && "afterWork" in fault && !fault.afterWork) return send(res, 500, { ok: false, error: "internal_error" });
    if (fault && "delayMs" in fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    const result = work(method, args);
    if (result.__unknown) return send(res, 200, { ok: false, error: "unknown_method" });
    if (typeof result.__error === "string") return send(res, 200, { ok: false, error: result.__error });
    if (fault && "afterWork" in fault && fault.afterWork) return send(res, 500, { ok: false, error: "internal_error" });
    send(res, 200, { ok: true, ...result });
  });
  server.on("upgrade", (req, duplex, head) => socket.upgrade(req, duplex, head));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    url: base,
    calls,
    violations,
    messages,
    uploads,
    responses,
    canvases,
    assistantThreads,
    get freePlan() {
      return plan.free;
    },
    set freePlan(free: boolean) {
      plan.free = free;
    },
    called: (method) => calls.filter((c) => c.method === method),
    failNext(method, fault) {
      faults.set(method, [...(faults.get(method) ?? []), fault]);
    },
    socket,
    close: () =>
      new Promise<void>((resolve) => {
        socket.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
