import type { Redis } from "ioredis";

/**
 * Waits, up to a deadline, for a client that may be reconnecting to be ready: a client without
 * an offline queue refuses every command while it reconnects ("Stream isn't writeable"), and
 * right after Redis comes back that is a matter of milliseconds. One listener serves every waiter.
 */
export function readinessOf(client: Redis): (timeoutMs: number) => Promise<void> {
  const waiters = new Set<() => void>();
  client.on("ready", () => {
    const waiting = [...waiters];
    waiters.clear();
    for (const wake of waiting) wake();
  });
  return (timeoutMs) => {
    if (client.status === "ready") return Promise.resolve();
    return new Promise((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(wake);
        reject(new Error(`the queue's Redis connection was not ready within ${timeoutMs} ms (it is ${client.status})`));
      }, Math.max(0, timeoutMs));
      waiters.add(wake);
    });
  };
}
