/** The server's background timers (the warning sweep, the post-commit drain): one run at a time, the next after a pause. */
export interface RepeatingWork {
  /** Stops scheduling and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs `work` now and then `intervalMs` after each run ends.
 * @param onError - told about a failed run; the loop keeps going
 */
export function repeatEvery(work: () => Promise<unknown>, intervalMs: number, onError: (error: unknown) => void = () => {}): RepeatingWork {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();
  const tick = (): void => {
    if (stopped) return;
    running = work().then(() => undefined, onError).finally(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
