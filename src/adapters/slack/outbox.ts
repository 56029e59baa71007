import type { webApi } from "@slack/bolt";
import type { CanvasRequest, Outbound, ThreadRef, UploadFile } from "./blocks/posts.js";
import type { SlackMessage } from "./blocks/document.js";

/**
 * Puts a reply into a Slack thread, in order. Each message carries a marker in its metadata that
 * names the reply and the message's place in it. When a post fails in a way that leaves its fate
 * unknown (a timeout, a 5xx), the thread is checked for the marker before trying again; when the
 * whole reply is tried again (a job retry), the thread is read once and what is already there is
 * skipped. So a retried post never appears twice. A message Slack refuses outright is logged and
 * the rest of the reply still goes out; when Slack cannot be reached at all, deliver throws so
 * the caller can retry later.
 */

export interface DeliverOptions {
  /** Names this reply, the same on every attempt at it. */
  deliveryId: string;
  /** True on a second or later attempt at the same reply: items already in the thread are skipped. */
  resume: boolean;
}

export interface Outbox {
  deliver(thread: ThreadRef, items: readonly Outbound[], options: DeliverOptions): Promise<void>;
}

export interface OutboxOptions {
  client: webApi.WebClient;
  log: (line: string) => void;
  /** Attempts per message when its outcome is unknown (default 3). */
  attempts?: number;
  /** Pause between such attempts (default 1 s, doubled each time). */
  retryDelayMs?: number;
  /** Told about every failed Web API call (HTTP status, or "network"). */
  onApiError?: (method: string, status: number | string) => void;
  /** Turns a canvas item into its link message or its fallback upload (canvas.ts). */
  publishCanvas: (thread: ThreadRef, request: CanvasRequest) => Promise<Exclude<Outbound, { kind: "canvas" }>>;
}

export const MARKER_EVENT = "archie_post";

const AMBIGUOUS = new Set(["slack_webapi_request_error", "slack_webapi_http_error"]);
/** Failures that say nothing about the message itself: Slack was away or busy. */
const UNAVAILABLE = new Set([...AMBIGUOUS, "slack_webapi_rate_limited_error"]);
/** conversations.replies pages read when resuming; a thread longer than this is not searched further back. */
const MAX_PAGES = 10;

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

function statusOf(error: unknown): number | string {
  const code = errorCode(error);
  if (code === "slack_webapi_rate_limited_error") return 429;
  if (typeof error === "object" && error !== null && "statusCode" in error && typeof error.statusCode === "number") return error.statusCode;
  return code === "slack_webapi_request_error" ? "network" : "refused";
}

function describe(error: unknown): string {
  const data = typeof error === "object" && error !== null && "data" in error ? (error as { data?: { error?: unknown } }).data : undefined;
  const detail = typeof data?.error === "string" ? ` (${data.error})` : "";
  return `${error instanceof Error ? error.message : String(error)}${detail}`;
}

/** Slack could not be reached, or a post's fate could not be checked: the whole reply should be tried again later. */
class SlackUnavailableError extends Error {
  override name = "SlackUnavailableError";
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const markerOf = (deliveryId: string, index: number) => `${deliveryId}#${index}`;

export function createOutbox(options: OutboxOptions): Outbox {
  const { client, log } = options;
  const attempts = options.attempts ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const apiError = (method: string, error: unknown) => {
    const status = statusOf(error);
    if (status !== "refused") options.onApiError?.(method, status);
  };

  /** The markers of Archie's messages in the thread. */
  async function markersIn(thread: ThreadRef): Promise<Set<string>> {
    const markers = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const replies = await client.conversations.replies({ channel: thread.channel, ts: thread.thread, include_all_metadata: true, limit: 200, ...(cursor ? { cursor } : {}) });
      for (const m of replies.messages ?? []) {
        // The response types declare event_payload as an empty object; it holds what was posted.
        const marker = m.metadata?.event_type === MARKER_EVENT ? (m.metadata.event_payload as Record<string, unknown> | undefined)?.marker : undefined;
        if (typeof marker === "string") markers.add(marker);
      }
      cursor = replies.response_metadata?.next_cursor;
      if (!replies.has_more || !cursor) break;
    }
    return markers;
  }

  async function post(thread: ThreadRef, message: SlackMessage, marker: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.chat.postMessage({
          channel: thread.channel,
          thread_ts: thread.thread,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
          metadata: { event_type: MARKER_EVENT, event_payload: { marker } },
        });
        return;
      } catch (error) {
        apiError("chat.postMessage", error);
        if (!AMBIGUOUS.has(errorCode(error) ?? "") || attempt >= attempts) throw error;
        log(`posting to the thread failed (${describe(error)}); checking before retrying`);
        await sleep(retryDelayMs * 2 ** (attempt - 1));
        let present: Set<string>;
        try {
          present = await markersIn(thread);
        } catch (checkError) {
          // Posting again unchecked could post twice; the caller's retry resumes from the thread instead.
          throw new SlackUnavailableError(`could not check the thread before posting again: ${describe(checkError)}`);
        }
        if (present.has(marker)) return;
      }
    }
  }

  async function upload(thread: ThreadRef, comment: string, files: readonly UploadFile[]): Promise<void> {
    try {
      await client.filesUploadV2({
        channel_id: thread.channel,
        thread_ts: thread.thread,
        initial_comment: comment,
        file_uploads: files.map((f) => ({
          file: typeof f.data === "string" ? Buffer.from(f.data, "utf8") : Buffer.from(f.data),
          filename: f.filename,
          title: f.title,
          ...(f.altText ? { alt_text: f.altText } : {}),
        })),
      });
    } catch (error) {
      apiError("files.uploadV2", error);
      throw error;
    }
  }

  /**
   * Where a repeated attempt picks up: after the last item whose marker is in the thread. Items
   * go out in order, so everything before it went out too (an upload carries no marker; one that
   * was the very last thing done before the failure goes out again).
   */
  async function resumeAt(thread: ThreadRef, items: readonly Outbound[], deliveryId: string): Promise<number> {
    const markers = await markersIn(thread);
    for (let i = items.length - 1; i >= 0; i -= 1) if (markers.has(markerOf(deliveryId, i))) return i + 1;
    return 0;
  }

  return {
    async deliver(thread, items, { deliveryId, resume }) {
      const start = resume ? await resumeAt(thread, items, deliveryId) : 0;
      for (const [i, entry] of items.entries()) {
        if (i < start) continue;
        // Publishing never throws: a refused canvas becomes its fallback upload.
        const item = entry.kind === "canvas" ? await options.publishCanvas(thread, entry.canvas) : entry;
        try {
          if (item.kind === "message") await post(thread, item.message, markerOf(deliveryId, i));
          else await upload(thread, item.comment, item.files);
        } catch (error) {
          const what = item.kind === "message" ? "post a message" : `upload ${item.files.map((f) => f.filename).join(", ")}`;
          if (error instanceof SlackUnavailableError) throw error;
          if (UNAVAILABLE.has(errorCode(error) ?? "")) throw new SlackUnavailableError(`could not ${what}: ${describe(error)}`);
          log(`could not ${what}: ${describe(error)}`);
        }
      }
    },
  };
}
