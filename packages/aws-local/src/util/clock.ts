let frozen: Date | undefined;

/**
 * The control plane's notion of now. Seeding an estate freezes it, so every
 * resource of an estate is created at the same instant, as if the estate had
 * been running in a steady state; otherwise seeding order would leak into
 * timestamps (and, for example, into deployment-order findings).
 */
export function now(): Date {
  return frozen ? new Date(frozen) : new Date();
}

/** Runs `fn` (synchronously) with the clock stopped at the current time. */
export function withFrozenClock<T>(fn: () => T): T {
  frozen = new Date();
  try {
    return fn();
  } finally {
    frozen = undefined;
  }
}
