import { API_QUOTAS } from '@ecs-net/aws-local';

// One object per family, shared by its operations: calls are summed per
// bucket, and operations sharing a bucket share its rate.
const familyOf = new Map<string, { burst: number; rate: number }>();
for (const family of Object.values(API_QUOTAS)) {
  const bucket = { burst: family.quota.burst, rate: family.quota.refillPerSecond };
  for (const operation of family.operations) {
    familyOf.set(`${family.service}:${operation}`, bucket);
  }
}

/**
 * Seconds the quotas alone force on one account × region: each API family's
 * bucket serves its burst at once, then `rate` calls per second. The slowest
 * family sets the bound; account × regions have separate buckets and are
 * read in parallel, so the whole sync is bounded by its slowest scope.
 */
export function quotaSeconds(calls: Record<string, number>): number {
  const perFamily = new Map<{ burst: number; rate: number }, number>();
  for (const [operation, n] of Object.entries(calls)) {
    const family = familyOf.get(operation);
    if (family) perFamily.set(family, (perFamily.get(family) ?? 0) + n);
  }
  let seconds = 0;
  for (const [family, n] of perFamily) {
    seconds = Math.max(seconds, Math.max(0, n - family.burst) / family.rate);
  }
  return seconds;
}

/**
 * Seconds until every drained bucket is full again. The bound above assumes
 * full buckets, as they are when scheduled syncs run minutes apart.
 */
export const QUOTA_REFILL_SECONDS = Math.max(
  ...[...familyOf.values()].map(family => family.burst / family.rate),
);
