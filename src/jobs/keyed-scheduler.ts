/**
 * Runs tasks one at a time per key, in the order they were added, and tasks of different keys in
 * parallel up to `concurrency`. Keys waiting for a slot are served in turn, so one busy thread
 * cannot starve the others.
 */
export interface KeyedScheduler {
  /** Queues a task; it runs after every earlier task of the same key. */
  add(key: string, task: () => Promise<void>): void;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
  /** Tasks queued or running. */
  readonly size: number;
}

export function createKeyedScheduler(concurrency: number): KeyedScheduler {
  if (!Number.isSafeInteger(concurrency) || concurrency <= 0) throw new RangeError(`concurrency must be a positive whole number, got ${String(concurrency)}`);
  const pending = new Map<string, (() => Promise<void>)[]>();
  /** Keys with work and no task running, in the order they became ready. */
  const ready: string[] = [];
  let running = 0;
  let size = 0;
  let idleWaiters: (() => void)[] = [];

  function pump(): void {
    while (running < concurrency && ready.length > 0) {
      const key = ready.shift() as string;
      const tasks = pending.get(key);
      const task = tasks?.shift();
      if (!tasks || !task) continue;
      running += 1;
      // A task's own failure is its business (the queue reports it); the scheduler carries on.
      void task()
        .catch(() => undefined)
        .finally(() => {
          running -= 1;
          size -= 1;
          if (tasks.length > 0) ready.push(key);
          else pending.delete(key);
          if (size === 0) {
            const waiters = idleWaiters;
            idleWaiters = [];
            for (const wake of waiters) wake();
          }
          pump();
        });
    }
  }

  return {
    add(key, task) {
      size += 1;
      const tasks = pending.get(key);
      if (tasks) {
        tasks.push(task);
        return;
      }
      pending.set(key, [task]);
      ready.push(key);
      pump();
    },
    idle: () => (size === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
    get size() {
      return size;
    },
  };
}
