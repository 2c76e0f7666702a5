import { createRandom } from '../util/random';
import { DeviationConfig, NO_DEVIATIONS, validateDeviations } from './deviations';

/**
 * Fault knobs. Rates are fractions of calls (0–1); account lists name the
 * accounts whose calls fail. The deviations from AWS's behaviour are
 * switched on per operation.
 *
 * @public
 */
export interface FaultConfig extends DeviationConfig {
  /** Enforces the published API quotas with ThrottlingException. */
  throttle: boolean;
  /**
   * Share of calls answered with the service's throttling error whatever
   * the quotas: a storm caused by other tools sharing the account.
   */
  throttleRate: number;
  /** Share of calls answered 500 InternalFailure or 503 ServiceUnavailable. */
  errorRate: number;
  /** Delay added before an AWS call is answered. */
  latencyMs: number;
  /** Share of calls that get `latencyMs` (1: every call). */
  latencyRate: number;
  /** Share of calls whose connection is reset before any answer. */
  connectionResetRate: number;
  /** Accounts whose calls are denied (AccessDeniedException / AccessDenied). */
  accessDeniedAccounts: string[];
  /** Accounts whose credentials are reported expired (ExpiredTokenException / ExpiredToken). */
  expiredCredentialAccounts: string[];
  /** Seeds the random draws so a faulty run can be replayed. */
  seed: number;
}

export type Fault =
  | { kind: 'reset' }
  | { kind: 'accessDenied' }
  | { kind: 'expired' }
  | { kind: 'serverError'; status: 500 | 503 };

/**
 * No faults: what a fresh endpoint starts with; `setFaults(DEFAULT_FAULTS)` returns to it.
 *
 * @public
 */
export const DEFAULT_FAULTS: FaultConfig = {
  throttle: false,
  throttleRate: 0,
  errorRate: 0,
  latencyMs: 0,
  latencyRate: 1,
  connectionResetRate: 0,
  accessDeniedAccounts: [],
  expiredCredentialAccounts: [],
  seed: 1,
  ...NO_DEVIATIONS,
};

/** Decides, call by call, which configured fault (if any) strikes. */
export class FaultInjector {
  private current: FaultConfig = { ...DEFAULT_FAULTS };
  private random = createRandom(DEFAULT_FAULTS.seed);

  constructor(initial: Partial<FaultConfig> = {}) {
    this.update(initial);
  }

  get config(): FaultConfig {
    return { ...this.current };
  }

  update(partial: Partial<FaultConfig>): FaultConfig {
    const unknown = Object.keys(partial).find(key => !(key in DEFAULT_FAULTS));
    if (unknown) {
      throw new TypeError(`unknown fault setting '${unknown}'`);
    }
    const next = { ...this.current, ...partial };
    validate(next);
    if (partial.seed !== undefined) {
      this.random = createRandom(next.seed);
    }
    this.current = next;
    return this.config;
  }

  /** How long to hold this call before answering it. */
  delayMs(): number {
    const { latencyMs, latencyRate } = this.current;
    if (latencyMs === 0) return 0;
    return latencyRate >= 1 || this.random() < latencyRate ? latencyMs : 0;
  }

  /** Throttling drawn at `throttleRate`, on top of any quota enforcement. */
  shouldThrottle(): boolean {
    return (
      this.current.throttleRate > 0 &&
      this.random() < this.current.throttleRate
    );
  }

  /** Connection resets strike before the request is even identified. */
  shouldReset(): boolean {
    return (
      this.current.connectionResetRate > 0 &&
      this.random() < this.current.connectionResetRate
    );
  }

  faultFor(accountId: string): Fault | undefined {
    if (this.current.accessDeniedAccounts.includes(accountId)) {
      return { kind: 'accessDenied' };
    }
    if (this.current.expiredCredentialAccounts.includes(accountId)) {
      return { kind: 'expired' };
    }
    if (this.current.errorRate > 0 && this.random() < this.current.errorRate) {
      return { kind: 'serverError', status: this.random() < 0.5 ? 500 : 503 };
    }
    return undefined;
  }
}

function validate(config: FaultConfig): void {
  const rate = (name: keyof FaultConfig) => {
    const value = config[name];
    if (typeof value !== 'number' || value < 0 || value > 1) {
      throw new TypeError(`${name} must be a number between 0 and 1`);
    }
  };
  rate('throttleRate');
  rate('errorRate');
  rate('latencyRate');
  rate('connectionResetRate');
  if (typeof config.latencyMs !== 'number' || config.latencyMs < 0) {
    throw new TypeError('latencyMs must be a non-negative number');
  }
  if (typeof config.throttle !== 'boolean') {
    throw new TypeError('throttle must be a boolean');
  }
  if (!Number.isInteger(config.seed)) {
    throw new TypeError('seed must be an integer');
  }
  for (const name of [
    'accessDeniedAccounts',
    'expiredCredentialAccounts',
  ] as const) {
    const list = config[name];
    if (!Array.isArray(list) || list.some(id => typeof id !== 'string')) {
      throw new TypeError(`${name} must be a list of account ids`);
    }
  }
  validateDeviations(config);
}
