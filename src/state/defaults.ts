/** How long an idle thread is remembered: 30 days. */
export const DEFAULT_TTL_SECONDS = 30 * 24 * 60 * 60;

/** A held lock expires after this, so a crashed process cannot block its thread for longer. */
export const DEFAULT_LOCK_TTL_MS = 60_000;

/** How long `begin` waits for a busy thread before giving up. */
export const DEFAULT_WAIT_MS = 30_000;

/** Slack retries an event for about 5 minutes; 10 minutes covers every retry. */
export const DEFAULT_DEDUP_WINDOW_SECONDS = 600;

/** How long a Redis call may wait for a connection before the store reports it unreachable. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 2_000;

export const DEFAULT_KEY_PREFIX = "archie";

/** How long a turn's committed reply is kept for its retries: longer than any retry of a job takes. */
export const DEFAULT_REPLY_TTL_SECONDS = 24 * 60 * 60;
