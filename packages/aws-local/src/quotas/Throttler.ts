import {
  API_QUOTAS,
  BucketQuota,
  QuotaFamilyName,
  quotaFamilyOf,
} from './apiQuotas';
import { TokenBucket } from './TokenBucket';

export type QuotaOverrides = Partial<Record<QuotaFamilyName, BucketQuota>>;

/** One token bucket per account × region × API family, created on first use. */
export class Throttler {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly overrides: QuotaOverrides = {},
    private readonly now: () => number = Date.now,
  ) {}

  /** False when the call exceeds its family's quota and must be throttled. */
  admit(
    accountId: string,
    region: string,
    service: string,
    operation: string,
  ): boolean {
    const family = quotaFamilyOf(service, operation);
    if (!family) {
      return true;
    }
    const key = `${accountId}/${region}/${family}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      const quota = this.overrides[family] ?? API_QUOTAS[family].quota;
      bucket = new TokenBucket(quota.burst, quota.refillPerSecond, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket.tryTake();
  }

  /** Refills every bucket, e.g. when throttling is switched back on. */
  reset(): void {
    this.buckets.clear();
  }
}
