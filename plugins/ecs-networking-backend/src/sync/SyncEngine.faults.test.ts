import { DEFAULT_FAULTS, FaultConfig, generateEstate, LocalAws } from '@ecs-net/aws-local';
import {
  createSync,
  startLocalEndpoint,
  storedServiceArns,
  syntheticConfig,
} from '../__testUtils__/harness';
import type { SyncResult } from './SyncEngine';

jest.setTimeout(60_000);

const ACCOUNT = '300000000001';
const REGIONS = ['eu-west-1', 'us-east-1'];
/** Short, so a slow answer costs the test little; far above a local answer. */
const REQUEST_TIMEOUT_MS = 400;

const totalCalls = (result: SyncResult) =>
  result.scopes.reduce((n, s) => n + Object.values(s.calls).reduce((a, b) => a + b, 0), 0);

/**
 * A clean run to have a last good snapshot, a second clean run as the
 * baseline (task definitions are cached by then, as in the faulty run), then
 * one run under the fault.
 */
async function runUnder(local: LocalAws, faults: Partial<FaultConfig>) {
  local.setFaults(DEFAULT_FAULTS);
  const { sync, store } = await createSync(
    syntheticConfig([ACCOUNT], REGIONS, { requestTimeoutMs: REQUEST_TIMEOUT_MS }),
  );
  await sync.run();
  const clean = await sync.run();
  const before = await storedServiceArns(store);
  local.resetCalls();
  local.setFaults({ ...faults, seed: 8 });
  try {
    const faulty = await sync.run();
    const served = local.calls();
    return {
      clean,
      faulty,
      before,
      after: await storedServiceArns(store),
      statuses: (await store.list()).map(s => s.status),
      answeredWithError: served.reduce((n, c) => n + c.errors, 0),
    };
  } finally {
    local.setFaults(DEFAULT_FAULTS);
  }
}

/** No scope lost a service, and every scope was read in spite of the fault. */
function expectAbsorbed(outcome: Awaited<ReturnType<typeof runUnder>>) {
  expect(Object.values(outcome.before).flat().length).toBeGreaterThan(0);
  expect(outcome.after).toEqual(outcome.before);
  expect(outcome.faulty.scopes.map(s => [s.region, s.ok, s.error])).toEqual(
    REGIONS.map(region => [region, true, undefined]),
  );
  expect(outcome.statuses.every(s => !s.stale && s.consecutiveFailures === 0)).toBe(true);
  // The fault struck, and the reader retried past it.
  expect(outcome.answeredWithError).toBeGreaterThan(0);
  expect(totalCalls(outcome.faulty)).toBeGreaterThanOrEqual(
    totalCalls(outcome.clean) + outcome.answeredWithError,
  );
}

describe('SyncEngine under AWS faults', () => {
  let local: LocalAws;

  beforeAll(async () => {
    local = await startLocalEndpoint({
      estate: generateEstate({ services: 24, clusters: 2, regions: REGIONS.length, seed: 1 }),
    });
  });
  afterAll(() => local.close());

  it('absorbs a throttling storm (30 % of calls throttled) with retries', async () => {
    const outcome = await runUnder(local, { throttleRate: 0.3 });
    expectAbsorbed(outcome);
    const throttled = outcome.faulty.scopes.reduce((n, s) => n + s.throttled, 0);
    // Every throttled answer was seen and counted as such by the reader.
    expect(throttled).toBe(outcome.answeredWithError);
  });

  it('absorbs a burst of 500 and 503 answers', async () => {
    expectAbsorbed(await runUnder(local, { errorRate: 0.3 }));
  });

  it('abandons answers slower than the request timeout and retries them', async () => {
    const latencyMs = 6_000;
    const outcome = await runUnder(local, { latencyMs, latencyRate: 0.2 });
    expect(outcome.after).toEqual(outcome.before);
    expect(outcome.faulty.scopes.every(s => s.ok)).toBe(true);
    // Without a request timeout each slow answer would be waited for.
    expect(outcome.faulty.durationMs).toBeLessThan(latencyMs);
    expect(totalCalls(outcome.faulty)).toBeGreaterThan(totalCalls(outcome.clean));
  });

  it('retries calls whose connection is reset', async () => {
    expectAbsorbed(await runUnder(local, { connectionResetRate: 0.3 }));
  });
});
