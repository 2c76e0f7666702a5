import type { ScopeStatus } from '@ecs-net/plugin-ecs-networking-common';
import { formatTime } from './scopeStatus';

/**
 * What the removal guard is holding back in a scope, or undefined:
 * `account 1111 / eu-west-1: the last read found 2 of its 9 services (first
 * at 14:02). All 9 are still shown and stay in the catalog; …`.
 */
export function removalPendingMessage(
  scope: ScopeStatus,
  now?: Date,
): string | undefined {
  const pending = scope.removalPending;
  if (!pending) return undefined;
  const { previousServices, readServices } = pending;
  const when = pending.confirmableFrom
    ? `a read from ${formatTime(pending.confirmableFrom, now)} on`
    : 'the next read';
  return (
    `account ${scope.accountId} / ${scope.region}: the last read found ${readServices} of its ` +
    `${previousServices} services (first at ${formatTime(pending.since, now)}). ` +
    `All ${previousServices} are still shown and stay in the catalog; ${when} that ` +
    `finds them missing too removes them. If they were not deleted on purpose, check the ` +
    `account's cluster filter, the account behind its role and the role's permissions.`
  );
}
