import { DEFAULT_FAULTS, generateEstate, LocalAws, startLocalAwsForSdk } from '@ecs-net/aws-local';
import { createSync, storedServiceArns, syntheticConfig } from '../__testUtils__/harness';

jest.setTimeout(60_000);

const ACCOUNT = '300000000001';
const REGIONS = ['eu-west-1', 'us-east-1'];

describe('SyncEngine aborted by the scheduler', () => {
  let local: LocalAws;

  beforeAll(async () => {
    local = await startLocalAwsForSdk({
      estate: generateEstate({ services: 40, clusters: 2, regions: REGIONS.length, seed: 3 }),
    });
  });
  afterAll(() => local.close());

  it('stops calling AWS once aborted and keeps the last good data', async () => {
    // Longer than the test may take: an attempt in flight at the abort ends
    // only if the abort cancels it.
    const { sync, store, logger } = await createSync(
      syntheticConfig([ACCOUNT], REGIONS, { requestTimeoutMs: 300_000 }),
    );
    const clean = await sync.run();
    const before = await storedServiceArns(store);
    const cleanCalls = clean.scopes.reduce(
      (n, s) => n + Object.values(s.calls).reduce((a, b) => a + b, 0),
      0,
    );

    // No answer comes within the test: the run can only end by giving up
    // the calls in flight, and it cannot make a call that needs an answer
    // first (the next page, the services of a listed cluster).
    local.setFaults({ latencyMs: 300_000 });
    local.resetCalls();
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 500);
      const linesBefore = logger.lines.length;
      const aborted = await sync.run(controller.signal);
      const logged = logger.lines.slice(linesBefore);
      const attempts = local.attempts();

      expect(aborted.scopes.every(s => !s.ok && /abort/i.test(s.error ?? ''))).toBe(true);
      // One line says so, rather than one failure per scope.
      expect(logged).toEqual([
        expect.stringMatching(/^warn ECS networking sync aborted \(schedule timeout or shutdown\): 0\/2 scopes ok/),
      ]);
      // Only the first calls were made, each once: none was answered, and
      // none retried.
      expect(attempts.every(a => a.outcome === undefined && a.attempt === 1)).toBe(true);
      expect(attempts.length).toBeLessThan(cleanCalls / 2);
      // Nothing is lost: the scopes are stale with their previous snapshot.
      expect(await storedServiceArns(store)).toEqual(before);
      expect((await store.list()).every(s => s.status.stale)).toBe(true);

      // A new run, not aborted, completes as usual.
      local.setFaults(DEFAULT_FAULTS);
      const next = await sync.run();
      expect(next.scopes.every(s => s.ok)).toBe(true);
    } finally {
      local.setFaults(DEFAULT_FAULTS);
    }
  });
});
