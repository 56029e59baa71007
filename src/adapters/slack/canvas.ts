import type { webApi } from "@slack/bolt";
import { mrkdwnSection } from "./blocks/document.js";
import type { CanvasRequest, Outbound, ThreadRef } from "./blocks/posts.js";
import { escapeMrkdwn, safePlain, truncate } from "./text.js";

/**
 * The whole proposal as a Slack canvas, shared with the conversation and linked in the thread.
 * Where the workspace refuses (a free plan, an admin setting, a missing scope), the thread gets
 * the proposal as a Markdown file instead, with a sentence saying why.
 *
 * A standalone canvas (canvases.create) is read-shared with the conversation. Free plans only
 * allow a conversation's own canvas tab: in a DM with Archie that tab is the user's and Archie's
 * alone, so there Archie uses conversations.canvases.create; in a shared channel it never takes
 * over the channel's canvas for one thread's proposal.
 */

/** conversations.canvases.create documents 1 MiB of Markdown; canvases.create is held to the same. */
export const CANVAS_MARKDOWN_MAX = 1_048_576;

/** Why Slack refused, in words for the thread, by the error code it answered with. */
const REFUSALS: Record<string, string> = {
  free_team_not_allowed: "this workspace's Slack plan does not let apps create canvases",
  free_teams_cannot_create_non_tabbed_canvases: "this workspace's Slack plan only allows a conversation's own canvas, and this conversation is shared",
  team_tier_cannot_create_channel_canvases: "this workspace's Slack plan does not let apps create canvases",
  free_team_canvas_tab_already_exists: "this conversation already has the one canvas this workspace's Slack plan allows",
  channel_canvas_already_exists: "this conversation already has its canvas, and this workspace's Slack plan allows only that one",
  missing_scope: "Archie's Slack app lacks the canvases:write permission (reinstall it from manifest.yml to add it)",
  not_allowed: "this workspace does not allow Archie to create canvases",
  not_allowed_token_type: "this workspace does not allow Archie to create canvases",
  restricted_action: "this workspace does not allow Archie to create canvases",
  access_denied: "this workspace does not allow Archie to create canvases",
  canvas_disabled_user_team: "canvases are turned off in this workspace",
};

/** Why there is no canvas; `undefined` when Slack could not be reached or answered nothing usable. */
export function refusalReason(code: string | undefined): string {
  if (code === undefined) return "Slack could not be reached to create it";
  return REFUSALS[code] ?? `Slack refused to create it (${code})`;
}

function errorCode(error: unknown): string | undefined {
  const data = typeof error === "object" && error !== null && "data" in error ? (error as { data?: { error?: unknown } }).data : undefined;
  return typeof data?.error === "string" ? data.error : undefined;
}

class CanvasRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export interface Canvases {
  /** The canvas's link message, or the Markdown file with the reason there is no canvas. */
  publish(thread: ThreadRef, request: CanvasRequest): Promise<Exclude<Outbound, { kind: "canvas" }>>;
}

export function createCanvases(client: webApi.WebClient, log: (line: string) => void): Canvases {
  /** The workspace's web address and id, asked once: a canvas's link is `<url>docs/<team>/<canvas>`. */
  let workspace: Promise<{ url: string; team: string }> | undefined;
  const workspaceOf = () => {
    workspace ??= client.auth.test().then((who) => {
      if (!who.url || !who.team_id) throw new Error("auth.test named no workspace URL");
      return { url: who.url.endsWith("/") ? who.url : `${who.url}/`, team: who.team_id };
    });
    workspace.catch(() => {
      workspace = undefined;
    });
    return workspace;
  };

  async function attempt<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw new CanvasRefused(refusalReason(errorCode(error)));
    }
  }

  async function create(thread: ThreadRef, request: CanvasRequest): Promise<string> {
    const content = { title: safePlain(request.title), document_content: { type: "markdown" as const, markdown: request.markdown } };
    try {
      const created = await client.canvases.create(content);
      if (!created.canvas_id) throw new CanvasRefused(refusalReason(undefined));
      await attempt(() => client.canvases.access.set({ canvas_id: created.canvas_id!, access_level: "read", channel_ids: [thread.channel] }));
      return created.canvas_id;
    } catch (error) {
      if (error instanceof CanvasRefused) throw error;
      const code = errorCode(error);
      const isDm = thread.channel.startsWith("D");
      if (code !== "free_teams_cannot_create_non_tabbed_canvases" || !isDm) throw new CanvasRefused(refusalReason(code));
      const tab = await attempt(() => client.conversations.canvases.create({ channel_id: thread.channel, ...content }));
      if (!tab.canvas_id) throw new CanvasRefused(refusalReason(undefined));
      return tab.canvas_id;
    }
  }

  return {
    async publish(thread, request) {
      try {
        if (request.markdown.length > CANVAS_MARKDOWN_MAX) throw new CanvasRefused("the proposal is longer than a canvas holds");
        const id = await create(thread, request);
        const { url, team } = await attempt(workspaceOf);
        const link = `${url}docs/${team}/${id}`;
        const label = escapeMrkdwn(truncate(request.title, 200));
        return {
          kind: "message",
          message: {
            text: `${label}: the whole proposal v${request.version} as a canvas`,
            blocks: [mrkdwnSection(`:page_facing_up: *<${link}|${label}>*\nThe whole proposal v${request.version} as a canvas, shared with this conversation.`)],
          },
        };
      } catch (error) {
        const reason = error instanceof CanvasRefused ? error.reason : refusalReason(undefined);
        log(`proposal v${request.version} goes out as a file instead of a canvas: ${reason}`);
        return { kind: "upload", comment: `The whole proposal v${request.version} as Markdown: no canvas, because ${reason}.`, files: [request.fallback] };
      }
    },
  };
}
