/** At most `limit` holders at once; the rest wait in arrival order. */
export interface Semaphore {
  acquire(): Promise<() => void>;
}

export function createSemaphore(limit: number): Semaphore {
  if (!Number.isSafeInteger(limit) || limit <= 0) throw new RangeError(`concurrency must be a positive whole number, got ${String(limit)}`);
  let held = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else held -= 1;
  };
  return {
    acquire() {
      const once = () => {
        let released = false;
        return () => {
          if (released) return;
          released = true;
          release();
        };
      };
      if (held < limit) {
        held += 1;
        return Promise.resolve(once());
      }
      // The slot passes straight from the releaser to the next waiter, so `held` stays as it is.
      return new Promise((resolve) => waiting.push(() => resolve(once())));
    },
  };
}
