import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small OpenAI-compatible chat-completions server on 127.0.0.1, so the real ChatOpenAI
 * client is exercised end to end. Each request takes the next scripted reply.
 */

export interface ChatRequest {
  model: string;
  messages: { role: string; content: unknown; tool_calls?: unknown[]; tool_call_id?: string }[];
  tools?: { type: string; function: { name: string } }[];
}

export type Scripted =
  | { toolCalls: readonly { name: string; arguments: string }[] }
  | { content: string }
  | { status: number; error: string }
  /** Never answers in time: the client's timeout must fire. */
  | { hangMs: number };

export interface FakeOpenAI {
  baseUrl: string;
  requests: ChatRequest[];
  close(): Promise<void>;
}

function completion(reply: Exclude<Scripted, { status: number } | { hangMs: number }>, n: number) {
  const message =
    "toolCalls" in reply
      ? {
          role: "assistant",
          content: null,
          tool_calls: reply.toolCalls.map((call, i) => ({ id: `call_${n}_${i}`, type: "function", function: call })),
        }
      : { role: "assistant", content: reply.content };
  return {
    id: `chatcmpl-${n}`,
    object: "chat.completion",
    created: 1_700_000_000,
    model: "fake",
    choices: [{ index: 0, message, finish_reason: "toolCalls" in reply ? "tool_calls" : "stop" }],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeOpenAI(script: (request: ChatRequest, index: number) => Scripted): Promise<FakeOpenAI> {
  const requests: ChatRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const request = JSON.parse(await body(req)) as ChatRequest;
      const index = requests.push(request) - 1;
      const reply = script(request, index);
      res.setHeader("content-type", "application/json");
      if ("hangMs" in reply) {
        const timer = setTimeout(() => res.end(JSON.stringify(completion({ content: "too late" }, index))), reply.hangMs);
        timers.add(timer);
        return;
      }
      if ("status" in reply) {
        res.statusCode = reply.status;
        res.end(JSON.stringify({ error: { message: reply.error, type: "rate_limit_exceeded" } }));
        return;
      }
      res.end(JSON.stringify(completion(reply, index)));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
