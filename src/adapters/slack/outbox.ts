import { randomUUID } from "node:crypto";
import type { webApi } from "@slack/bolt";
import type { Outbound, ThreadRef, UploadFile } from "./blocks/posts.js";
import type { SlackMessage } from "./blocks/document.js";

/**
 * Puts a reply into a Slack thread, in order. Each message carries a marker in its metadata; when
 * a post fails in a way that leaves its fate unknown (a timeout, a 5xx), the thread is checked for
 * the marker before trying again, so a retried post never appears twice. A message Slack refuses
 * outright is logged and the rest of the reply still goes out.
 */

export interface Outbox {
  deliver(thread: ThreadRef, items: readonly Outbound[]): Promise<void>;
}

export interface OutboxOptions {
  client: webApi.WebClient;
  log: (line: string) => void;
  /** Attempts per message when its outcome is unknown (default 3). */
  attempts?: number;
  /** Pause between such attempts (default 1 s, doubled each time). */
  retryDelayMs?: number;
}

export const MARKER_EVENT = "archie_post";

const AMBIGUOUS = new Set(["slack_webapi_request_error", "slack_webapi_http_error"]);

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

function describe(error: unknown): string {
  const data = typeof error === "object" && error !== null && "data" in error ? (error as { data?: { error?: unknown } }).data : undefined;
  const detail = typeof data?.error === "string" ? ` (${data.error})` : "";
  return `${error instanceof Error ? error.message : String(error)}${detail}`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createOutbox(options: OutboxOptions): Outbox {
  const { client, log } = options;
  const attempts = options.attempts ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 1000;

  async function alreadyPosted(thread: ThreadRef, marker: string): Promise<boolean> {
    const replies = await client.conversations.replies({ channel: thread.channel, ts: thread.thread, include_all_metadata: true, limit: 200 });
    // The response types declare event_payload as an empty object; it holds what was posted.
    return (replies.messages ?? []).some(
      (m) => m.metadata?.event_type === MARKER_EVENT && (m.metadata.event_payload as Record<string, unknown> | undefined)?.marker === marker,
    );
  }

  async function post(thread: ThreadRef, message: SlackMessage): Promise<void> {
    const marker = randomUUID();
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
        if (!AMBIGUOUS.has(errorCode(error) ?? "") || attempt >= attempts) throw error;
        log(`posting to the thread failed (${describe(error)}); checking before retrying`);
        await sleep(retryDelayMs * 2 ** (attempt - 1));
        if (await alreadyPosted(thread, marker).catch(() => false)) return;
      }
    }
  }

  async function upload(thread: ThreadRef, comment: string, files: readonly UploadFile[]): Promise<void> {
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
  }

  return {
    async deliver(thread, items) {
      for (const item of items) {
        try {
          if (item.kind === "message") await post(thread, item.message);
          else await upload(thread, item.comment, item.files);
        } catch (error) {
          log(`could not ${item.kind === "message" ? "post a message" : `upload ${item.files.map((f) => f.filename).join(", ")}`}: ${describe(error)}`);
        }
      }
    },
  };
}
