/**
 * Runs `stop` once on SIGTERM or SIGINT (a platform's rolling restart, Ctrl-C), then exits: 0
 * when it finished in time, 1 when it threw or overran `timeoutMs`. A second signal exits at once.
 * Returns a function that removes the handlers (tests, or a process that stops on its own).
 */
export function onShutdown(
  stop: (signal: NodeJS.Signals) => Promise<void>,
  options: { timeoutMs?: number; log?: (message: string) => void; exit?: (code: number) => void; signals?: NodeJS.Signals[] } = {},
): () => void {
  const signals = options.signals ?? ["SIGTERM", "SIGINT"];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const log = options.log ?? (() => undefined);
  let stopping = false;

  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: exiting now`);
      exit(1);
      return;
    }
    stopping = true;
    log(`${signal}: finishing the turns in hand, then exiting`);
    const timer = setTimeout(() => {
      log(`shutdown took longer than ${options.timeoutMs ?? 30_000} ms: exiting`);
      exit(1);
    }, options.timeoutMs ?? 30_000);
    timer.unref();
    stop(signal).then(
      () => {
        clearTimeout(timer);
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(timer);
        log(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, handler);
  return () => {
    for (const signal of signals) process.off(signal, handler);
  };
}
