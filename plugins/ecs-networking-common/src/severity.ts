import type { Severity } from './model';

/**
 * Every severity, worst first: the order findings are listed in and the
 * order a severity filter offers them in.
 *
 * @public
 */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Whether `value` names a severity (a CLI flag, a query parameter). @public */
export function isSeverity(value: unknown): value is Severity {
  return SEVERITIES.includes(value as Severity);
}

/**
 * Orders severities worst first: negative when `a` is worse than `b`.
 *
 * @public
 */
export function compareSeverities(a: Severity, b: Severity): number {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
}

/**
 * Whether `severity` is `threshold` or worse (`--fail-on warning` fails on
 * warnings and errors).
 *
 * @public
 */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return compareSeverities(severity, threshold) <= 0;
}

/** The worst of `severities`, or undefined when there are none. @public */
export function worstSeverity(
  severities: Iterable<Severity>,
): Severity | undefined {
  let worst: Severity | undefined;
  for (const severity of severities) {
    if (!worst || compareSeverities(severity, worst) < 0) worst = severity;
  }
  return worst;
}
