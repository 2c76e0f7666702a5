export const sleep = (ms: number) =>
  new Promise(resolve => setTimeout(resolve, ms));

/**
 * How long a step that takes seconds on a quiet machine (a sync, a catalog
 * publish, a request to a backend) may take beside CPU-bound work. The
 * verdicts never depend on it: a wait that ends early is not a pass.
 */
export const STEP_TIMEOUT_MS = 180_000;

/** A test's bound: only a hang should ever meet it. */
export const TEST_TIMEOUT_MS = 30 * 60_000;

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Appended to the failure message, e.g. a process's last log lines. */
  context?: () => string;
  /** A reason to give up at once, e.g. the awaited process exited. */
  failIf?: () => string | undefined;
}

/**
 * Polls `probe` until it returns a value other than undefined or false;
 * a probe that throws (a server not up yet) is retried.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  options: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  const context = () => (options.context ? `\n${options.context()}` : '');
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    const reason = options.failIf?.();
    if (reason) throw new Error(`${what}: ${reason}${context()}`);
    if (Date.now() > deadline) {
      const last = lastError ? ` (last error: ${lastError})` : '';
      throw new Error(
        `${what}: not within ${options.timeoutMs / 1000}s${last}${context()}`,
      );
    }
    await sleep(options.intervalMs ?? 250);
  }
}
