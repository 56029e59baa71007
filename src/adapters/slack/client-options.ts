import type { webApi } from "@slack/bolt";

/**
 * How Archie's WebClient talks to Slack. The client itself honours 429s: it waits the
 * Retry-After and asks its retry policy to try again. Other failures are not retried there,
 * because a request that timed out may still have posted; the outbox decides those retries,
 * checking the thread first so nothing is posted twice.
 */

const RATE_LIMITED = "A rate limit was exceeded";

/** Thrown through the client's retry loop (p-retry's onFailedAttempt) to stop retrying. */
function retryOnlyRateLimits(error: Error): void {
  if (!error.message.startsWith(RATE_LIMITED)) throw error;
}

export function slackClientOptions(options: { apiUrl?: string; timeoutMs?: number }): webApi.WebClientOptions {
  // The client already slept for Retry-After before this retry, so no extra backoff is needed.
  const retryConfig: webApi.RetryOptions & { onFailedAttempt: (error: Error) => void } = {
    retries: 5,
    factor: 1,
    minTimeout: 0,
    maxTimeout: 0,
    onFailedAttempt: retryOnlyRateLimits,
  };
  return {
    retryConfig,
    timeout: options.timeoutMs ?? 15_000,
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
  };
}
