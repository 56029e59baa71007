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
