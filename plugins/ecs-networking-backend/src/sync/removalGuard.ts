import type { RemovalPending } from '@ecs-net/plugin-ecs-networking-common';

/**
 * When a read that loses most of a scope's services is believed. The
 * catalog module publishes with a full mutation, so a read that "succeeds"
 * with a typo'd cluster filter, the wrong account behind a role, or an
 * emptied listing would otherwise delete those entities at once.
 */
export interface RemovalGuardSettings {
  /** Off: every successful read is stored as it is. */
  enabled: boolean;
  /** A read with fewer than this share of the last good read's services is held. */
  minShare: number;
  /**
   * Scopes whose last good read had at most this many services are never
   * held: a handful going is ordinary churn, and with so few services the
   * share swings too far to mean anything.
   */
  minServices: number;
  /**
   * How long a drop must have been seen before a read applies it. 0: the
   * next successful read that still shows it does.
   */
  confirmAfterMs: number;
}

export const DEFAULT_REMOVAL_GUARD: RemovalGuardSettings = {
  enabled: true,
  minShare: 0.5,
  minServices: 5,
  confirmAfterMs: 0,
};

export interface RemovalGuardInput {
  /** Services of the stored (last good) snapshot; absent when there is none. */
  previousServices?: number;
  /** Services the read that just succeeded found. */
  readServices: number;
  /** The drop already held back, if any. */
  pending?: RemovalPending;
  now: Date;
  settings: RemovalGuardSettings;
}

export type RemovalGuardDecision =
  /** Store the read as usual. */
  | { action: 'apply' }
  /** Keep the stored snapshot and mark the scope. */
  | { action: 'hold'; pending: RemovalPending }
  /** Store the read: the drop was seen again, after the wait. */
  | { action: 'confirm'; pending: RemovalPending };

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** What to do with a successful read, given what is stored. Pure. */
export function decideRemoval(input: RemovalGuardInput): RemovalGuardDecision {
  const { previousServices, readServices, pending, now, settings } = input;
  if (!settings.enabled || previousServices === undefined) return { action: 'apply' };
  const drop =
    previousServices > settings.minServices &&
    readServices < previousServices * settings.minShare;
  if (!drop) return { action: 'apply' };

  // The wait counts from the first read that showed the drop, with today's
  // settings: a restart with another `confirmAfter` applies at once.
  const since = pending ? new Date(pending.since) : now;
  const confirmable = new Date(since.getTime() + settings.confirmAfterMs);
  const next: RemovalPending = {
    reason:
      `the read found ${readServices} of the ${previousServices} services of the last good read ` +
      `(less than ${percent(settings.minShare)}); a cluster filter, the account behind a role ` +
      `or a permission may be wrong`,
    since: since.toISOString(),
    previousServices,
    readServices,
    ...(settings.confirmAfterMs > 0 ? { confirmableFrom: confirmable.toISOString() } : {}),
  };
  if (pending && now.getTime() >= confirmable.getTime()) {
    return { action: 'confirm', pending: next };
  }
  return { action: 'hold', pending: next };
}
