import { CallAttempt, DEFAULT_FAULTS, FaultConfig, generateEstate, LocalAws, startLocalAwsForSdk } from '@ecs-net/aws-local';
import { ConfigData, createSync, storedServiceArns, syntheticConfig } from '../__testUtils__/harness';

jest.setTimeout(60_000);

const ACCOUNT = '300000000001';
const REGIONS = ['eu-west-1', 'us-east-1'];

/** Attempts grouped by SDK invocation: one entry per call, its retries inside. */
function callsOf(attempts: CallAttempt[]): CallAttempt[][] {
  expect(attempts.every(a => a.invocationId)).toBe(true);
  const calls = new Map<string, CallAttempt[]>();
  for (const attempt of attempts) {
    const id = attempt.invocationId!;
    calls.set(id, [...(calls.get(id) ?? []), attempt]);
  }
  return [...calls.values()];
}

const describeCall = (attempts: CallAttempt[]) =>
  `${attempts[0].service}:${attempts[0].operation} ${attempts
    .map(
      a =>
        `${a.attempt}/${a.maxAttempts} ${a.delayed ? 'delayed ' : ''}${
          a.outcome ?? 'pending'
        }`,
    )
    .join(', ')}`;

/**
 * A clean run for a last good snapshot (and warm caches), then one run under
 * the fault, with the endpoint's record of every request it received.
 */
async function runUnder(
  local: LocalAws,
  faults: Partial<FaultConfig>,
  extraConfig: ConfigData = {},
) {
  local.setFaults(DEFAULT_FAULTS);
  const { sync, store } = await createSync(
    syntheticConfig([ACCOUNT], REGIONS, extraConfig),
  );
  local.resetCalls();
  await sync.run();
  // Every error the faulty run sees is then the fault's.
  expect(local.attempts().filter(a => a.outcome !== 'ok')).toEqual([]);
  const before = await storedServiceArns(store);
  local.resetCalls();
  local.setFaults({ ...faults, seed: 8 });
  try {
    const faulty = await sync.run();
    return {
      faulty,
      before,
      after: await storedServiceArns(store),
      statuses: (await store.list()).map(s => s.status),
      calls: callsOf(local.attempts()),
      served: local.calls(),
    };
  } finally {
    local.setFaults(DEFAULT_FAULTS);
  }
}

type Outcome = Awaited<ReturnType<typeof runUnder>>;

/** No scope lost a service, and every scope was read in spite of the fault. */
function expectServicesKept(outcome: Outcome) {
  expect(Object.values(outcome.before).flat().length).toBeGreaterThan(0);
  expect(outcome.after).toEqual(outcome.before);
  expect(outcome.faulty.scopes.map(s => [s.region, s.ok, s.error])).toEqual(
    REGIONS.map(region => [region, true, undefined]),
  );
  expect(
    outcome.statuses.every(s => !s.stale && s.consecutiveFailures === 0),
  ).toBe(true);
}

/**
 * The fault struck, and every call it struck was retried until answered or
 * until the client's own limit of attempts (a call the read can do without
 * may have a lower one).
 */
function expectEveryFaultRetried(outcome: Outcome) {
  expectServicesKept(outcome);
  const struck = outcome.calls.filter(attempts =>
    attempts.some(a => a.outcome !== 'ok'),
  );
  expect(struck.length).toBeGreaterThan(0);
  expect(
    struck
      .filter(attempts => {
        const last = attempts[attempts.length - 1];
        return last.outcome !== 'ok' && last.attempt !== last.maxAttempts;
      })
      .map(describeCall),
  ).toEqual([]);
}

describe('SyncEngine under AWS faults', () => {
  let local: LocalAws;

  beforeAll(async () => {
    local = await startLocalAwsForSdk({
      estate: generateEstate({
        services: 24,
        clusters: 2,
        regions: REGIONS.length,
        seed: 1,
      }),
    });
  });
  afterAll(() => local.close());

  it('absorbs a throttling storm (30 % of calls throttled) with retries', async () => {
    const outcome = await runUnder(local, { throttleRate: 0.3 });
    expectEveryFaultRetried(outcome);
    const throttled = outcome.faulty.scopes.reduce((n, s) => n + s.throttled, 0);
    // Every throttled answer was seen and counted as such by the reader.
    expect(throttled).toBe(outcome.served.reduce((n, c) => n + c.throttled, 0));
  });

  it('absorbs a burst of 500 and 503 answers', async () => {
    expectEveryFaultRetried(await runUnder(local, { errorRate: 0.3 }));
  });

  it('abandons answers slower than the request timeout and retries them', async () => {
    // A local answer takes milliseconds, even on a busy machine; an attempt
    // that still times out without the fault is retried too, which the
    // checks below allow.
    const outcome = await runUnder(
      local,
      { latencyMs: 6_000, latencyRate: 0.2 },
      { requestTimeoutMs: 1_000 },
    );
    expectServicesKept(outcome);
    const slowed = outcome.calls.filter(attempts =>
      attempts.some(a => a.delayed),
    );
    expect(slowed.length).toBeGreaterThan(0);
    // Each slow answer was given up on: a retry of its call, not held back,
    // is the answer the reader took.
    expect(
      slowed
        .filter(attempts => {
          const last = attempts[attempts.length - 1];
          return last.delayed || last.outcome !== 'ok';
        })
        .map(describeCall),
    ).toEqual([]);
  });

  it('retries calls whose connection is reset', async () => {
    expectEveryFaultRetried(await runUnder(local, { connectionResetRate: 0.3 }));
  });
});
