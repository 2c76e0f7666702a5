/**
 * These suites start real backends, a local AWS endpoint and PostgreSQL, and
 * take minutes; they run only when asked for (scripts/test.mjs asks).
 */
const RELIABILITY_FLAG = 'ECSNET_RELIABILITY';
const enabled = process.env[RELIABILITY_FLAG] === '1';

export const describeReliability = enabled ? describe : describe.skip;

/** A suite's title, saying how to run it when it is skipped. */
export function reliabilityTitle(title: string): string {
  return enabled
    ? title
    : `${title} (skipped: set ${RELIABILITY_FLAG}=1 to run)`;
}
