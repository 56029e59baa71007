import { createHmac } from "node:crypto";

/**
 * Requests as Slack sends them to an app: events (JSON), slash commands and interactions (form
 * bodies), each signed with v0 HMAC-SHA256 of `v0:{timestamp}:{body}`.
 */

export const SIGNING_SECRET = "test-signing-secret-0123456789";

export interface SendOptions {
  secret?: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  retryNum?: number;
  /** Replaces the computed signature (a forgery). */
  signature?: string;
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export async function sendSigned(url: string, body: string, contentType: string, options: SendOptions = {}): Promise<{ status: number; body: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": options.signature ?? sign(body, timestamp, options.secret),
  };
  if (options.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(options.retryNum);
    headers["x-slack-retry-reason"] = "http_timeout";
  }
  const response = await fetch(url, { method: "POST", headers, body });
  return { status: response.status, body: await response.text() };
}

let eventCounter = 0;

/** An Events API envelope around `event`. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${String(++eventCounter).padStart(8, "0")}`, team = "T0TEAM001"): string {
  return JSON.stringify({
    token: "unused",
    team_id: team,
    api_app_id: "A0ARCHIE01",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: team, user_id: "UARCHIE01", is_bot: true }],
  });
}

export function sendEvent(url: string, event: Record<string, unknown>, options: SendOptions & { eventId?: string } = {}) {
  return sendSigned(url, eventEnvelope(event, options.eventId), "application/json", options);
}

export function commandBody(fields: Record<string, string>): string {
  return new URLSearchParams({ token: "unused", team_id: "T0TEAM001", team_domain: "test", api_app_id: "A0ARCHIE01", command: "/design", ...fields }).toString();
}

export function sendCommand(url: string, fields: Record<string, string>, options: SendOptions = {}) {
  return sendSigned(url, commandBody(fields), "application/x-www-form-urlencoded", options);
}

export function sendInteraction(url: string, payload: Record<string, unknown>, options: SendOptions = {}) {
  return sendSigned(url, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded", options);
}

/** The fields every interaction payload carries, from user U0USER001 of `team`. */
function interaction(type: string, team: string, triggerId: string): Record<string, unknown> {
  return { type, team: { id: team, domain: "test" }, user: { id: "U0USER001", team_id: team }, api_app_id: "A0ARCHIE01", token: "unused", trigger_id: triggerId };
}

/** The view_submission payload of the /design form (callback archie_design) with these field values. */
export function designFormSubmission(team: string, values: Record<string, string>, ids: { view: string; trigger: string }): Record<string, unknown> {
  return {
    ...interaction("view_submission", team, ids.trigger),
    view: {
      id: ids.view,
      type: "modal",
      callback_id: "archie_design",
      private_metadata: JSON.stringify({ channel: "C0CHAN001" }),
      state: { values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: { type: "plain_text_input", value: v } }])) },
    },
  };
}

/** The block_actions payload of a press on one of Archie's buttons in the message at `messageTs`. */
export function buttonPress(team: string, pressed: { action_id: string; value: string }, messageTs: string): Record<string, unknown> {
  return {
    ...interaction("block_actions", team, "1.2.3"),
    container: { type: "message", message_ts: messageTs, channel_id: "C0CHAN001" },
    channel: { id: "C0CHAN001", name: "architecture" },
    message: { ts: messageTs, text: "", type: "message" },
    actions: [{ type: "button", block_id: "b", action_id: pressed.action_id, value: pressed.value, text: { type: "plain_text", text: "x" }, action_ts: "1" }],
  };
}
