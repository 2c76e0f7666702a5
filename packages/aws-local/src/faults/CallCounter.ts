import type { IncomingHttpHeaders } from 'node:http';

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

/**
 * One request as the endpoint received it, to tell which call a retry
 * belongs to.
 *
 * @public
 */
export interface CallAttempt {
  account: string;
  region: string;
  service: string;
  operation: string;
  /**
   * The `amz-sdk-invocation-id` header: the AWS SDKs send the same value
   * with a call and every retry of it.
   */
  invocationId?: string;
  /** From `amz-sdk-request: attempt=2; max=8`: which try of the call this is. */
  attempt?: number;
  /** From the same header: how many tries the client allows the call. */
  maxAttempts?: number;
  /** Held back by the latency fault. */
  delayed: boolean;
  /** Not set while the attempt waits for its answer (a delayed one). */
  outcome?: CallOutcome;
}

/** @public */
export type CallOutcome = 'ok' | 'error' | 'throttled';

/** Enough for a test's run; a long-running endpoint forgets older attempts. */
const MAX_LOGGED_ATTEMPTS = 10_000;

/** Counts AWS calls per account × region × operation, and logs the latest attempts. */
export class CallCounter {
  private readonly counts = new Map<string, CallCount>();
  private readonly log: CallAttempt[] = [];

  /**
   * Logs an attempt as it arrives. The caller completes the returned entry
   * (account, delay) and passes it to `record` once answered.
   */
  arrive(
    key: Pick<CallAttempt, 'account' | 'region' | 'service' | 'operation'>,
    headers: IncomingHttpHeaders,
  ): CallAttempt {
    const invocationId = headers['amz-sdk-invocation-id'];
    const tries = /attempt=(\d+); *max=(\d+)/.exec(
      String(headers['amz-sdk-request'] ?? ''),
    );
    const attempt: CallAttempt = {
      ...key,
      invocationId: typeof invocationId === 'string' ? invocationId : undefined,
      attempt: tries ? Number(tries[1]) : undefined,
      maxAttempts: tries ? Number(tries[2]) : undefined,
      delayed: false,
    };
    if (this.log.push(attempt) > MAX_LOGGED_ATTEMPTS) this.log.shift();
    return attempt;
  }

  record(attempt: CallAttempt, outcome: CallOutcome): void {
    attempt.outcome = outcome;
    const id = `${attempt.account}|${attempt.region}|${attempt.service}|${attempt.operation}`;
    let count = this.counts.get(id);
    if (!count) {
      count = {
        account: attempt.account,
        region: attempt.region,
        service: attempt.service,
        operation: attempt.operation,
        calls: 0,
        throttled: 0,
        errors: 0,
      };
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

  /** Attempts in the order they arrived. */
  attempts(): CallAttempt[] {
    return this.log.map(attempt => ({ ...attempt }));
  }

  reset(): void {
    this.counts.clear();
    this.log.length = 0;
  }
}
