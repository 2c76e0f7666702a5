import type { ScopeStatus } from '@ecs-net/plugin-ecs-networking-common';

const MAX_ERROR_LENGTH = 160;

/** `14:02` today, `3 Jan 14:02` on other days, in the reader's locale. */
export function formatTime(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  const time = date.toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  if (date.toDateString() === now.toDateString()) return time;
  const day = date.toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  });
  return `${day} ${time}`;
}

function scopeLabel(scope: { accountId: string; region: string }) {
  return `account ${scope.accountId} / ${scope.region}`;
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_ERROR_LENGTH
    ? `${oneLine.slice(0, MAX_ERROR_LENGTH - 1)}…`
    : oneLine;
}

/**
 * What is wrong with a scope's data, or undefined when it is current:
 * `account 2222 / eu-west-1 failed 3 times: AccessDenied…, showing data from 14:02`.
 */
export function scopeProblem(
  scope: ScopeStatus,
  now?: Date,
): string | undefined {
  const label = scopeLabel(scope);
  if (scope.consecutiveFailures > 0 || scope.stale) {
    const times =
      scope.consecutiveFailures === 1
        ? 'once'
        : `${scope.consecutiveFailures} times`;
    const failed =
      scope.consecutiveFailures > 0 ? `${label} failed ${times}` : label;
    const error = scope.lastError ? `: ${shorten(scope.lastError)}` : '';
    return scope.lastSuccessAt
      ? `${failed}${error}, showing data from ${formatTime(
          scope.lastSuccessAt,
          now,
        )}`
      : `${failed}${error}; no data from it yet`;
  }
  if (!scope.lastSuccessAt) return `${label} has not been read yet`;
  return undefined;
}

/**
 * What a scope's last good read went without, or found odd in AWS's
 * answers: `account 1111 / eu-west-1: metrics unavailable: …`. The data is
 * current; these say what it lacks and why.
 */
export function scopeNotes(scope: ScopeStatus): string[] {
  const label = scopeLabel(scope);
  return [...(scope.skipped ?? []), ...(scope.anomalies ?? [])].map(
    note => `${label}: ${note}`,
  );
}

/** The time of the newest data of any scope: a full read or a live update from an AWS event. */
export function lastUpdatedAt(scopes: ScopeStatus[]): string | undefined {
  let latest: string | undefined;
  for (const scope of scopes) {
    const at = scope.updatedAt ?? scope.lastSuccessAt;
    if (at && (!latest || Date.parse(at) > Date.parse(latest))) latest = at;
  }
  return latest;
}
