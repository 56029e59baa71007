const FIRST_DELAY_MS = 5;
const MAX_DELAY_MS = 100;

/**
 * Delay before retry number `attempt` (0-based) of a busy lock: doubling from 5 ms up to
 * 100 ms, with half of it random so waiters on one thread do not retry in lockstep.
 */
export function lockRetryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(attempt, 10));
  return ceiling / 2 + random() * (ceiling / 2);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
