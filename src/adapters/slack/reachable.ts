import type { webApi } from "@slack/bolt";

/**
 * Whether Slack's Web API answers, for /readyz. Probes come every few seconds from every
 * replica; one auth.test per `ttlMs` is plenty and stays far inside Slack's rate limits.
 */
export function slackReachable(client: webApi.WebClient, ttlMs = 30_000, now: () => number = Date.now): () => Promise<boolean> {
  let last: { at: number; ok: boolean } | undefined;
  return async () => {
    if (last && now() - last.at < ttlMs) return last.ok;
    const ok = await client.auth.test().then(
      (result) => result.ok === true,
      () => false,
    );
    last = { at: now(), ok };
    return ok;
  };
}
