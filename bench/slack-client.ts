import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { BOT_USER } from "../test/support/fake-slack.js";
import { eventEnvelope, sign } from "../test/support/slack-requests.js";

/**
 * The Events API client of bench/slack.ts, in a process of its own as Slack is: a request's
 * time is not stretched by work the app starts after acknowledging (the ⏳ reaction call, a turn).
 * Reads one command per stdin line, `{"url", "count", "ratePerSecond"}`, sends that many signed
 * app_mention events at that fixed rate without waiting for answers (an open workload), and
 * writes one line: the acknowledgement times in ms, or `{"error"}`. Ends when stdin closes.
 */

const REQUEST_TIMEOUT_MS = 5000;
let sequence = 0;

async function signedMention(url: string): Promise<number> {
  sequence += 1;
  const ts = `1720000000.${String(sequence).padStart(6, "0")}`;
  const body = eventEnvelope({ type: "app_mention", user: "U0BENCH01", text: `<@${BOT_USER}> design a food delivery app`, ts, channel: "C0BENCH01", event_ts: ts }, `EvBENCH${sequence}`);
  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-slack-request-timestamp": String(timestamp), "x-slack-signature": sign(body, timestamp) },
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`the receiver answered ${response.status}`);
  return performance.now() - started;
}

async function steady(url: string, count: number, ratePerSecond: number): Promise<number[]> {
  const interval = 1000 / ratePerSecond;
  const start = performance.now();
  const pending: Promise<number>[] = [];
  for (let i = 0; i < count; i += 1) {
    const wait = start + i * interval - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(signedMention(url));
  }
  return Promise.all(pending);
}

for await (const line of createInterface({ input: process.stdin })) {
  const { url, count, ratePerSecond } = JSON.parse(line) as { url: string; count: number; ratePerSecond: number };
  try {
    process.stdout.write(`${JSON.stringify(await steady(url, count, ratePerSecond))}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
  }
}
