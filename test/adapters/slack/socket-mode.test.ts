import { webApi } from "@slack/bolt";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startSlackApp, type RunningSlackApp } from "../../../src/adapters/slack/app.js";
import { slackClientOptions } from "../../../src/adapters/slack/client-options.js";
import { createSlackSink } from "../../../src/adapters/slack/reply-sink.js";
import { createConversation, type ConversationService } from "../../../src/agent/conversation.js";
import { createInProcessQueue, type InProcessQueue } from "../../../src/jobs/in-process.js";
import type { TurnQueue } from "../../../src/jobs/types.js";
import { createMetrics, type Metrics } from "../../../src/observability/metrics.js";
import { createMemoryStore } from "../../../src/state/index.js";
import type { ConversationStore } from "../../../src/state/types.js";
import { BOT_USER, TEAM, startFakeSlack, type FakeSlack } from "../../support/fake-slack.js";
import { within } from "../../support/fake-slack-socket.js";
import { buttonPress, commandBody, designFormSubmission, eventEnvelope } from "../../support/slack-requests.js";

/**
 * Socket Mode end to end: the real Bolt SocketModeReceiver (@slack/socket-mode) asks the fake
 * Slack's apps.connections.open for a WebSocket URL, connects to the fake's socket and receives
 * envelopes over it, acknowledging each; replies go through the fake Web API as over HTTP.
 * Requests anywhere but 127.0.0.1 are refused, so a client that ignored SLACK_API_URL fails here
 * instead of calling slack.com.
 */

const APP_TOKEN = "xapp-1-test-A0ARCHIE01-0000000000000-socketmodetoken";
const BOT_TOKEN = "xoxb-test-token-abcdef";

const realFetch = globalThis.fetch;
const refused: string[] = [];
beforeAll(() => {
  vi.stubGlobal("fetch", (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (url.hostname !== "127.0.0.1") {
      refused.push(url.origin);
      return Promise.reject(new TypeError(`this test does not reach ${url.origin}`));
    }
    return realFetch(input, init);
  });
});
afterAll(() => {
  vi.unstubAllGlobals();
});

let fake: FakeSlack;
let store: ConversationStore;
let metrics: Metrics;
let app: RunningSlackApp | undefined;
const logs: string[] = [];
/** Closed after the app, in reverse order. */
const cleanups: (() => Promise<void>)[] = [];
/** What kept the event loop alive before the fake and the app started (the test runner's own pipes…). */
let handlesBefore: string[] = [];

beforeEach(async () => {
  refused.length = 0;
  logs.length = 0;
  handlesBefore = process.getActiveResourcesInfo();
  fake = await startFakeSlack();
  store = createMemoryStore();
  metrics = createMetrics({ processMetrics: false });
});
afterEach(async () => {
  if (app) await within(app.stop(), 8_000, "the app to stop");
  app = undefined;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await store.close();
  await fake.close();
  expect(refused).toEqual([]);
  expect(fake.violations).toEqual([]);
  expect(fake.socket.stray).toEqual([]);
});

const log = (line: string) => logs.push(line);
const noPictures = async () => ({ ok: false as const, error: "pictures are not drawn in this test" });

/** Starts Archie over Socket Mode: inline with a conversation service, or only queueing into `queue`. */
async function startApp(answering: { service: ConversationService } | { queue: TurnQueue }): Promise<RunningSlackApp> {
  return within(
    startSlackApp({
      slack: { botToken: BOT_TOKEN, connection: { mode: "socket", appToken: APP_TOKEN }, port: 0, apiUrl: fake.apiUrl },
      ...answering,
      store,
      log,
      metrics,
      retryDelayMs: 10,
      pictures: noPictures,
    }),
    8_000,
    "Archie to connect over Socket Mode",
  );
}

/** Polls until `done`, for at most `timeoutMs`. */
async function until(what: string, done: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A counter's value for Slack in this app's registry. */
async function counter(name: string): Promise<number> {
  const values = (await metrics.registry.getSingleMetric(name)?.get())?.values ?? [];
  return values.filter((v) => v.labels.platform === "slack").reduce((sum, v) => sum + v.value, 0);
}

/** Handles keeping the event loop alive now that were not there before the test began. */
function handlesLeft(): string[] {
  const left = process.getActiveResourcesInfo();
  for (const type of handlesBefore) {
    const at = left.indexOf(type);
    if (at >= 0) left.splice(at, 1);
  }
  return left;
}

/** Turns taken in (queued or found to be redeliveries), then every reply posted. */
async function settled(turns: number): Promise<void> {
  await until(`${turns} turn(s) taken in`, async () => (await counter("archie_acks_total")) >= turns);
  await within(app!.idle(), 10_000, "the replies to be posted");
}

let tsCounter = 0;
const ts = () => `1710000700.${String(++tsCounter).padStart(6, "0")}`;

const mention = (text: string) => ({ type: "app_mention", user: "U0USER001", text: `<@${BOT_USER}> ${text}`, ts: ts(), channel: "C0CHAN001", event_ts: "1" });

/** The events_api envelope's payload: the event_callback body the Events API would POST. */
const eventPayload = (event: Record<string, unknown>, eventId: string) => JSON.parse(eventEnvelope(event, eventId, TEAM)) as Record<string, unknown>;

/** The slash_commands envelope's payload: the command's fields as an object instead of a form. */
const commandPayload = (text: string) =>
  Object.fromEntries(
    new URLSearchParams(
      commandBody({
        text,
        user_id: "U0USER001",
        user_name: "dana",
        channel_id: "C0CHAN001",
        channel_name: "architecture",
        trigger_id: "1337.43.trigger",
        response_url: `${fake.url}/respond/cmd`,
        is_enterprise_install: "false",
      }),
    ),
  );

const posts = () => fake.called("chat.postMessage");

describe("Slack app over Socket Mode (real Bolt SocketModeReceiver, fake Slack)", () => {
  beforeEach(async () => {
    app = await startApp({ service: createConversation({ store, log }) });
  });

  it("opens its socket with the app-level token through SLACK_API_URL, and the Web API with the bot token", () => {
    const opened = fake.called("apps.connections.open");
    expect(opened).toHaveLength(1);
    expect(opened[0]?.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(fake.socket.connections).toHaveLength(1);
    expect(fake.socket.connections[0]?.closed).toBeUndefined();
    expect(fake.called("auth.test").map((c) => c.authorization)).toEqual([`Bearer ${BOT_TOKEN}`]);
    expect(logs.join("\n")).not.toContain(APP_TOKEN);
  });

  it("acknowledges a mention envelope and replies once in its thread, also when Slack delivers it again", async () => {
    const event = mention("design a food delivery app");
    const payload = eventPayload(event, "EvSOCKET0001");
    const ack = await fake.socket.send({ type: "events_api", accepts_response_payload: false, payload });
    expect(ack.payload).toEqual({});
    await settled(1);
    const replies = posts();
    expect(replies).toHaveLength(1);
    expect(replies[0]?.args).toMatchObject({ channel: "C0CHAN001", thread_ts: event.ts });
    expect(JSON.stringify(replies[0]?.args.blocks)).toContain("traffic");
    expect(fake.called("reactions.add")).toHaveLength(1);
    expect(fake.called("reactions.remove")).toHaveLength(1);

    // Slack redelivers an envelope it thinks was not acknowledged in time: a new envelope id, the same event_id.
    await fake.socket.send({ type: "events_api", accepts_response_payload: false, payload, retry_attempt: 1, retry_reason: "timeout" });
    await until("the redelivery to be recognised", async () => (await counter("archie_events_duplicate_total")) === 1);
    await settled(2);
    expect(posts()).toHaveLength(1);
    expect(fake.called("reactions.add")).toHaveLength(1);
    expect(fake.socket.acks).toHaveLength(2);
  });

  it("acknowledges /design <request> at once, posts a neutralised root message and continues in its thread", async () => {
    const ack = await fake.socket.send({ type: "slash_commands", accepts_response_payload: true, payload: commandPayload("food-delivery app <!channel>, 50k DAU, $5k/month") });
    expect(ack.payload).toEqual({});
    await settled(1);
    const [root, ...thread] = posts();
    expect(root?.args.thread_ts).toBeUndefined();
    expect(String(root?.args.text)).toMatch(/^Architecture design: food-delivery app @\u2060channel, 50k DAU, \$5k\/month — requested by <@U0USER001>$/);
    const rootTs = fake.messages[0]?.ts;
    expect(thread.length).toBeGreaterThan(0);
    expect(thread.every((p) => p.args.thread_ts === rootTs && p.args.channel === "C0CHAN001")).toBe(true);
  });

  it("answers /design help in the acknowledgement's payload and posts nothing", async () => {
    const ack = await fake.socket.send({ type: "slash_commands", accepts_response_payload: true, payload: commandPayload("help") });
    expect(ack.payload).toMatchObject({ response_type: "ephemeral" });
    expect(JSON.stringify(ack.payload)).toContain("/design");
    await within(app!.idle(), 10_000, "the app to be idle");
    expect(posts()).toHaveLength(0);
    expect(fake.responses).toHaveLength(0);
  });

  it("acknowledges a button press (an interactive envelope) and acts in the button's thread", async () => {
    const event = mention("design a food delivery app");
    await fake.socket.send({ type: "events_api", accepts_response_payload: false, payload: eventPayload(event, "EvSOCKET0002") });
    await settled(1);
    const question = posts().at(-1);
    const blocks = (question?.args.blocks ?? []) as { type: string; elements?: { text: { text: string }; action_id: string; value: string }[] }[];
    const go = blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : [])).find((e) => e.text.text === "Use assumptions and go");
    expect(go).toBeDefined();
    const before = posts().length;
    const messageTs = fake.messages.at(-1)!.ts;
    await fake.socket.send({
      type: "interactive",
      accepts_response_payload: false,
      payload: buttonPress(TEAM, go!, messageTs),
    });
    await settled(2);
    const proposal = posts().slice(before);
    expect(proposal.length).toBeGreaterThan(0);
    expect(proposal.every((p) => p.args.thread_ts === event.ts)).toBe(true);
    expect(JSON.stringify(proposal[0]?.args.blocks)).toContain('"type":"header"');
  });

  it("answers a form submission with a missing field in the acknowledgement's payload; a complete one starts the thread", async () => {
    const submission = (values: Record<string, string>) => designFormSubmission(TEAM, values, { view: "V0SOCKET01", trigger: "1.2.5" });
    const invalid = await fake.socket.send({ type: "interactive", accepts_response_payload: true, payload: submission({ what: "a booking site", traffic: "", budget: "$3k/month" }) });
    expect(invalid.payload).toMatchObject({ response_action: "errors", errors: { traffic: expect.any(String) } });
    await within(app!.idle(), 10_000, "the app to be idle");
    expect(posts()).toHaveLength(0);

    const valid = await fake.socket.send({ type: "interactive", accepts_response_payload: true, payload: submission({ what: "a booking site", traffic: "20k DAU", budget: "$3k/month" }) });
    expect(valid.payload).toEqual({});
    await settled(1);
    const [root, ...thread] = posts();
    expect(String(root?.args.text)).toContain("Architecture design: a booking site. Traffic: 20k DAU. Budget: $3k/month.");
    expect(thread.length).toBeGreaterThan(0);
    expect(thread.every((p) => p.args.thread_ts === fake.messages[0]?.ts)).toBe(true);
  });

  it("stops cleanly: the socket is closed normally and no socket or timer is left to reopen it or keep the process alive", async () => {
    const running = app!;
    app = undefined;
    await within(running.stop(), 10_000, "the app to stop");
    await fake.socket.allClosed(5_000);
    expect(fake.socket.connections.map((c) => c.closed?.code)).toEqual([1000]);
    await store.close();
    await fake.close();
    // Sockets close on a later turn of the event loop: wait a little, then show what is left.
    await until("the sockets and timers to be released", () => handlesLeft().length === 0, 2_000).catch(() => undefined);
    expect(handlesLeft()).toEqual([]);
  });
});

describe("Slack app over Socket Mode when a mention's turn cannot be queued", () => {
  /** Answers the turns the flaky queue passes on, in this process, through the Slack sink. */
  let answering: InProcessQueue;
  /** The event id of every enqueue, failed or not. */
  let attempts: string[];

  beforeEach(async () => {
    const client = new webApi.WebClient(BOT_TOKEN, slackClientOptions({ apiUrl: fake.apiUrl }));
    const sink = createSlackSink({ client, store, log, pictures: noPictures, retryDelayMs: 10 });
    answering = createInProcessQueue(createConversation({ store, log }), sink, { metrics, log });
    cleanups.push(() => answering.close());
    attempts = [];
    // Redis is down for the first enqueue and back for the next.
    const flaky: TurnQueue = {
      enqueue: async (turn, target) => {
        attempts.push(turn.eventId ?? "");
        if (attempts.length === 1) throw new Error("Redis is unreachable");
        return answering.enqueue(turn, target);
      },
      close: async () => undefined,
    };
    app = await startApp({ queue: flaky });
  });

  it("leaves the envelope unacknowledged, so Slack delivers it again; the redelivery is acknowledged and answered once", async () => {
    const event = mention("design a food delivery app");
    const payload = eventPayload(event, "EvSOCKET0003");
    await fake.socket.sendUnacknowledged({ type: "events_api", accepts_response_payload: false, payload }, 1_000);
    expect(attempts).toEqual(["EvSOCKET0003"]);
    expect(logs.join("\n")).toContain("Redis is unreachable");
    expect(fake.socket.acks).toHaveLength(0);
    expect(posts()).toHaveLength(0);
    expect(fake.called("reactions.add")).toHaveLength(0);

    // Not acknowledged: Slack sends the envelope again, a new envelope id with the same event_id.
    const ack = await fake.socket.send({ type: "events_api", accepts_response_payload: false, payload, retry_attempt: 1, retry_reason: "timeout" });
    expect(ack.payload).toEqual({});
    await within(app!.idle(), 10_000, "the acknowledgement's follow-ups");
    await within(answering.drain(), 10_000, "the reply to be posted");
    const replies = posts();
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => r.args.channel === "C0CHAN001" && r.args.thread_ts === event.ts)).toBe(true);
    expect(JSON.stringify(replies[0]?.args.blocks)).toContain("traffic");
    expect(attempts).toEqual(["EvSOCKET0003", "EvSOCKET0003"]);
    expect(await counter("archie_events_duplicate_total")).toBe(0);
    expect(fake.called("reactions.add")).toHaveLength(1);

    // Answered once: nothing more is posted, and only the redelivery was acknowledged.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(posts()).toHaveLength(replies.length);
    expect(fake.socket.acks.map((a) => a.envelope_id)).toEqual([ack.envelope_id]);
  });
});
