import { ListClustersCommand } from '@aws-sdk/client-ecs';
import { CallAttempt } from './CallCounter';
import { LocalAws, startLocalAws } from '../startLocalAws';
import { ecsClient } from '../__testUtils__/clients';

function byInvocation(attempts: CallAttempt[]) {
  const groups = new Map<string | undefined, CallAttempt[]>();
  for (const attempt of attempts) {
    groups.set(attempt.invocationId, [
      ...(groups.get(attempt.invocationId) ?? []),
      attempt,
    ]);
  }
  return [...groups.values()];
}

describe('the attempt log', () => {
  let local: LocalAws;

  beforeEach(async () => {
    local = await startLocalAws();
  });
  afterEach(() => local.close());

  it('ties each retry to its call by the SDK invocation id', async () => {
    // One call at a time, so the seeded draws fall the same way on every run.
    local.setFaults({ errorRate: 0.3, seed: 42 });
    const ecs = ecsClient(local);
    for (let i = 0; i < 10; i++) {
      await ecs.send(new ListClustersCommand({}));
    }
    const calls = byInvocation(local.attempts());
    expect(calls).toHaveLength(10);
    for (const attempts of calls) {
      expect(attempts[0]).toMatchObject({
        account: '111111111111',
        region: 'eu-west-1',
        service: 'ecs',
        operation: 'ListClusters',
        invocationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        delayed: false,
      });
      expect(attempts.map(a => [a.attempt, a.maxAttempts])).toEqual(
        attempts.map((_, i) => [i + 1, 3]),
      );
      // Errors until the retry that was answered.
      expect(attempts.map(a => a.outcome)).toEqual([
        ...attempts.slice(1).map(() => 'error'),
        'ok',
      ]);
    }
    const retried = calls.filter(attempts => attempts.length > 1);
    expect(retried.length).toBeGreaterThan(0);
    expect(local.calls()[0].errors).toBe(
      retried.reduce((n, attempts) => n + attempts.length - 1, 0),
    );

    local.resetCalls();
    expect(local.attempts()).toEqual([]);
  });

  it('keeps the failed attempts of a call that gave up', async () => {
    local.setFaults({ errorRate: 1 });
    await expect(
      ecsClient(local, { maxAttempts: 3 }).send(new ListClustersCommand({})),
    ).rejects.toMatchObject({ $metadata: { attempts: 3 } });
    const [attempts, ...others] = byInvocation(local.attempts());
    expect(others).toEqual([]);
    expect(attempts.map(a => [a.attempt, a.maxAttempts, a.outcome])).toEqual([
      [1, 3, 'error'],
      [2, 3, 'error'],
      [3, 3, 'error'],
    ]);
  });
});
