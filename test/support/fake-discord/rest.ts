import type { IncomingMessage } from "node:http";

/** One request the fake REST API received, decoded. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The JSON body, or a multipart request's payload_json. */
  body: Record<string, unknown> | undefined;
  files: { field: string; name: string; size: number; type: string; text: string }[];
  authorization: string | undefined;
  status: number;
  /** performance.now() when the answer was sent. */
  at: number;
}

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON or multipart/form-data (payload_json plus files[n]), as discord.js sends them. */
export async function decodeRequest(req: IncomingMessage): Promise<Omit<RecordedRequest, "status" | "at">> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const raw = await readBody(req);
  const type = req.headers["content-type"] ?? "";
  let body: Record<string, unknown> | undefined;
  const files: RecordedRequest["files"] = [];
  if (type.startsWith("multipart/form-data")) {
    const form = await new Request("http://127.0.0.1/", { method: "POST", headers: { "content-type": type }, body: new Blob([new Uint8Array(raw)]) }).formData();
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") {
        if (field === "payload_json") body = JSON.parse(value) as Record<string, unknown>;
      } else {
        files.push({ field, name: value.name, size: value.size, type: value.type, text: await value.text() });
      }
    }
  } else if (raw.length > 0) {
    body = JSON.parse(raw.toString("utf8")) as Record<string, unknown>;
  }
  return { method: req.method ?? "GET", path: decodeURIComponent(url.pathname), query: url.searchParams, body, files, authorization: req.headers.authorization };
}

/** A 429 as Discord sends it: Retry-After and the X-RateLimit-* headers, and retry_after in the body. */
export function tooManyRequests(retryAfterSeconds: number): Answer {
  return {
    status: 429,
    headers: {
      "Retry-After": String(retryAfterSeconds),
      "X-RateLimit-Limit": "5",
      "X-RateLimit-Remaining": "0",
      "X-RateLimit-Reset": String(Date.now() / 1000 + retryAfterSeconds),
      "X-RateLimit-Reset-After": String(retryAfterSeconds),
      "X-RateLimit-Bucket": "fake-bucket-messages",
      "X-RateLimit-Scope": "user",
    },
    body: { message: "You are being rate limited.", retry_after: retryAfterSeconds, global: false },
  };
}
