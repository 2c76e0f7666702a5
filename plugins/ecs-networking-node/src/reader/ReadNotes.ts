import { formatAwsFailure } from '../aws/awsFailure';

/**
 * Enrichments: reads that add detail to a scope. The scope is complete
 * without them, so whatever they end in, the read goes on and says so.
 *
 * @public
 */
export type Enrichment =
  | 'metrics'
  | 'load-balancers'
  | 'cloud-map-health'
  | 'cloud-map-revision'
  | 'ram-shares';

/** @public */
export const ENRICHMENTS: readonly Enrichment[] = [
  'metrics',
  'load-balancers',
  'cloud-map-health',
  'cloud-map-revision',
  'ram-shares',
];

/**
 * What one read of an account × region went without, and what it found odd
 * in the answers. Each is said once, however many calls it concerned.
 */
export class ReadNotes {
  private readonly skips = new Map<Enrichment, string>();
  private readonly odd = new Map<string, number>();

  /** Records the first reason an enrichment was not read. */
  skip(enrichment: Enrichment, why: string): void {
    if (!this.skips.has(enrichment)) this.skips.set(enrichment, why);
  }

  /**
   * Runs an enrichment. Whatever it fails with, the read goes on with
   * `fallback`; only a cancelled read (the scheduler's timeout, or a failed
   * call elsewhere in the read) stops it.
   */
  async optional<T>(enrichment: Enrichment, fallback: T, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') throw error;
      this.skip(enrichment, formatAwsFailure(error));
      return fallback;
    }
  }

  /**
   * Records an answer AWS would not give. `{n}` in the message stands for
   * how many items it concerned, summed over every call of the read.
   */
  anomaly(message: string, count = 1): void {
    this.odd.set(message, (this.odd.get(message) ?? 0) + count);
  }

  get skipped(): string[] {
    return [...this.skips].map(([enrichment, why]) => `${enrichment} unavailable: ${why}`);
  }

  get anomalies(): string[] {
    return [...this.odd].map(([message, count]) => message.replace('{n}', String(count)));
  }
}
