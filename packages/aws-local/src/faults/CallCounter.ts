/**
 * How often one operation was called by one account in one region.
 *
 * @public
 */
export interface CallCount {
  account: string;
  region: string;
  service: string;
  operation: string;
  calls: number;
  throttled: number;
  /** Calls answered with any error, throttling included. */
  errors: number;
}

/** Counts AWS calls per account × region × operation. */
export class CallCounter {
  private readonly counts = new Map<string, CallCount>();

  record(
    key: {
      account: string;
      region: string;
      service: string;
      operation: string;
    },
    outcome: 'ok' | 'error' | 'throttled',
  ): void {
    const id = `${key.account}|${key.region}|${key.service}|${key.operation}`;
    let count = this.counts.get(id);
    if (!count) {
      count = { ...key, calls: 0, throttled: 0, errors: 0 };
      this.counts.set(id, count);
    }
    count.calls++;
    if (outcome !== 'ok') count.errors++;
    if (outcome === 'throttled') count.throttled++;
  }

  snapshot(): CallCount[] {
    return [...this.counts.values()]
      .map(count => ({ ...count }))
      .sort((a, b) =>
        `${a.account}|${a.region}|${a.service}|${a.operation}`.localeCompare(
          `${b.account}|${b.region}|${b.service}|${b.operation}`,
        ),
      );
  }

  reset(): void {
    this.counts.clear();
  }
}
