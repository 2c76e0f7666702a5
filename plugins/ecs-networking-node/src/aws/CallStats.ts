/** AWS calls made during one read, by operation; retries count as calls. */
export class CallStats {
  private readonly calls = new Map<string, number>();
  private readonly throttled = new Map<string, number>();

  record(operation: string, wasThrottled: boolean) {
    this.calls.set(operation, (this.calls.get(operation) ?? 0) + 1);
    if (wasThrottled) {
      this.throttled.set(operation, (this.throttled.get(operation) ?? 0) + 1);
    }
  }

  /** Adds another read's counts to this one (for the whole-sync summary). */
  add(other: CallStats) {
    for (const [op, n] of other.calls) this.calls.set(op, (this.calls.get(op) ?? 0) + n);
    for (const [op, n] of other.throttled) {
      this.throttled.set(op, (this.throttled.get(op) ?? 0) + n);
    }
  }

  byOperation(): Record<string, number> {
    return Object.fromEntries([...this.calls].sort(([a], [b]) => a.localeCompare(b)));
  }

  throttledCount(): number {
    let total = 0;
    for (const n of this.throttled.values()) total += n;
    return total;
  }

  total(): number {
    let total = 0;
    for (const n of this.calls.values()) total += n;
    return total;
  }

  /** `DescribeServices=12 ListClusters=1 ...` for the one-line sync summary. */
  summary(): string {
    return Object.entries(this.byOperation())
      .map(([op, n]) => `${op}=${n}`)
      .join(' ');
  }
}
