import {
  DescribeServicesCommand,
  ListClustersCommand,
  ListServicesByNamespaceCommand,
} from '@aws-sdk/client-ecs';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { API_QUOTAS } from '../quotas/apiQuotas';
import { LocalAws, startLocalAws } from '../startLocalAws';
import { ecsClient, stsClient } from '../__testUtils__/clients';

const ACCOUNT_2 = {
  accessKeyId: 'AKIADEMO222222222222',
  secretAccessKey: 'demo',
};

async function settle<T>(promises: Array<Promise<T>>) {
  const results = await Promise.allSettled(promises);
  return {
    ok: results.filter(r => r.status === 'fulfilled').length,
    errors: results.flatMap(r => (r.status === 'rejected' ? [r.reason] : [])),
  };
}

/**
 * The published bursts, refilled at a trickle: how many calls fit in a burst
 * must not depend on how fast this machine sends them. The published refill
 * rates are checked against a clock in `Throttler.test.ts`.
 */
function publishedBursts(...families: Array<keyof typeof API_QUOTAS>) {
  return Object.fromEntries(
    families.map(family => [
      family,
      { burst: API_QUOTAS[family].quota.burst, refillPerSecond: 0.0001 },
    ]),
  );
}

describe('throttling with the published bursts', () => {
  let local: LocalAws;

  beforeEach(async () => {
    local = await startLocalAws({
      throttle: true,
      quotas: publishedBursts('ecsServiceRead', 'ecsListServicesByNamespace'),
    });
  });
  afterEach(() => local.close());

  const describe10 = new DescribeServicesCommand({
    cluster: 'shop',
    services: ['user-service'],
  });

  it('answers ThrottlingException (400) beyond the service-read burst of 100', async () => {
    const ecs = ecsClient(local, { maxAttempts: 1 });
    const { ok, errors } = await settle(
      Array.from({ length: 120 }, () => ecs.send(describe10)),
    );
    expect(ok).toBe(100);
    expect(errors).toHaveLength(20);
    for (const error of errors) {
      expect(error).toMatchObject({
        name: 'ThrottlingException',
        $metadata: { httpStatusCode: 400 },
      });
    }
    const counted = local
      .calls()
      .find(c => c.operation === 'DescribeServices')!;
    expect(counted).toMatchObject({
      account: '111111111111',
      region: 'eu-west-1',
      calls: ok + errors.length,
      throttled: errors.length,
    });
  }, 60_000);

  it('keeps one bucket per account and API family', async () => {
    const ecs = ecsClient(local, { maxAttempts: 1 });
    const byNamespace = () =>
      ecs.send(new ListServicesByNamespaceCommand({ namespace: 'sc.local' }));
    const first = await settle(Array.from({ length: 12 }, byNamespace));
    expect(first.errors).toHaveLength(2);
    // Another family and another account still have their full burst.
    await expect(ecs.send(describe10)).resolves.toBeDefined();
    await expect(
      ecsClient(local, { credentials: ACCOUNT_2, maxAttempts: 1 }).send(
        new ListClustersCommand({}),
      ),
    ).resolves.toBeDefined();
  });

  it("lets the SDK's standard retries absorb a small burst", async () => {
    // A small bucket makes the overflow certain however slow the machine is;
    // the SDK's backoff (up to 1 s, then 2 s) outlasts its 10/s refill.
    const small = await startLocalAws({
      throttle: true,
      quotas: { ecsServiceRead: { burst: 10, refillPerSecond: 10 } },
    });
    try {
      // Standard retries wait a random share (full jitter) of the backoff,
      // so a retry can return before a token has; with the SDK's default of
      // 3 attempts a call is lost now and then by chance alone. The reader
      // makes 8 attempts (ecs-networking-node's scopeClients): so does this.
      const ecs = ecsClient(small, { maxAttempts: 8 });
      const { ok, errors } = await settle(
        Array.from({ length: 15 }, () => ecs.send(describe10)),
      );
      // As text: jest cannot print an SDK error that holds its HTTP response.
      expect(errors.map(e => `${e.name}: ${e.message}`)).toEqual([]);
      expect(ok).toBe(15);
      const counted = small
        .calls()
        .find(c => c.operation === 'DescribeServices')!;
      expect(counted.throttled).toBeGreaterThan(0);
      expect(counted.calls).toBe(15 + counted.throttled);
    } finally {
      await small.close();
    }
  });
});

describe('fault knobs', () => {
  let local: LocalAws;

  beforeEach(async () => {
    local = await startLocalAws();
  });
  afterEach(() => local.close());

  it('denies one account while others keep working', async () => {
    local.setFaults({ accessDeniedAccounts: ['222222222222'] });
    await expect(
      ecsClient(local, { credentials: ACCOUNT_2 }).send(
        new ListClustersCommand({}),
      ),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('ecs:ListClusters'),
      $metadata: { httpStatusCode: 403 },
    });
    await expect(
      stsClient(local, { credentials: ACCOUNT_2 }).send(
        new GetCallerIdentityCommand({}),
      ),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    await expect(
      ecsClient(local).send(new ListClustersCommand({})),
    ).resolves.toBeDefined();
    local.setFaults({ accessDeniedAccounts: [] });
    await expect(
      ecsClient(local, { credentials: ACCOUNT_2 }).send(
        new ListClustersCommand({}),
      ),
    ).resolves.toBeDefined();
  });

  it('reports expired credentials for an account', async () => {
    local.setFaults({ expiredCredentialAccounts: ['111111111111'] });
    await expect(
      ecsClient(local).send(new ListClustersCommand({})),
    ).rejects.toMatchObject({
      name: 'ExpiredTokenException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      stsClient(local).send(new GetCallerIdentityCommand({})),
    ).rejects.toMatchObject({ name: 'ExpiredToken' });
  });

  it('fails calls with 500 InternalFailure or 503 ServiceUnavailable at the error rate', async () => {
    local.setFaults({ errorRate: 1 });
    const ecs = ecsClient(local, { maxAttempts: 1 });
    const { errors } = await settle(
      Array.from({ length: 20 }, () => ecs.send(new ListClustersCommand({}))),
    );
    expect(errors).toHaveLength(20);
    expect(
      new Set(errors.map(e => `${e.name} ${e.$metadata.httpStatusCode}`)),
    ).toEqual(new Set(['InternalFailure 500', 'ServiceUnavailable 503']));
    // One call at a time, so the seeded draws fall the same way on every run.
    local.setFaults({ errorRate: 0.3, seed: 42 });
    const retrying = ecsClient(local);
    for (let i = 0; i < 10; i++) {
      await expect(
        retrying.send(new ListClustersCommand({})),
      ).resolves.toBeDefined();
    }
    const counted = local.calls().find(c => c.operation === 'ListClusters')!;
    expect(counted.errors).toBeGreaterThan(20);
  });

  it('throttles calls at the throttle rate whatever the quotas', async () => {
    local.setFaults({ throttleRate: 1 });
    await expect(
      ecsClient(local, { maxAttempts: 1 }).send(new ListClustersCommand({})),
    ).rejects.toMatchObject({
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      stsClient(local, { maxAttempts: 1 }).send(
        new GetCallerIdentityCommand({}),
      ),
    ).rejects.toMatchObject({ name: 'Throttling' });
    // A storm of 30 %: the SDK's retries absorb it, and the counters show it.
    local.resetCalls();
    local.setFaults({ throttleRate: 0.3, seed: 7 });
    const retrying = ecsClient(local, { maxAttempts: 8 });
    for (let i = 0; i < 10; i++) {
      await expect(
        retrying.send(new ListClustersCommand({})),
      ).resolves.toBeDefined();
    }
    const counted = local.calls().find(c => c.operation === 'ListClusters')!;
    expect(counted.throttled).toBeGreaterThan(0);
    expect(counted.calls).toBe(10 + counted.throttled);
    // The SDK backs off 0.5 s and more after each throttle; a seeded run
    // stays the same, but a loaded machine stretches it past jest's 5 s.
  }, 60_000);

  it('delays only a share of calls at the latency rate', async () => {
    local.setFaults({ latencyMs: 50, latencyRate: 0.5, seed: 3 });
    const ecs = ecsClient(local);
    for (let i = 0; i < 10; i++) {
      await ecs.send(new ListClustersCommand({}));
    }
    // The endpoint's own record, not durations a busy machine stretches.
    const attempts = local.attempts();
    expect(attempts).toHaveLength(10);
    expect(attempts.every(a => a.outcome === 'ok')).toBe(true);
    const delayed = attempts.filter(a => a.delayed).length;
    expect(delayed).toBeGreaterThan(0);
    expect(delayed).toBeLessThan(10);
  });

  it('resets connections at the reset rate', async () => {
    local.setFaults({ connectionResetRate: 1 });
    await expect(
      ecsClient(local, { maxAttempts: 1 }).send(new ListClustersCommand({})),
    ).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  it('adds latency', async () => {
    local.setFaults({ latencyMs: 200 });
    const started = Date.now();
    await ecsClient(local).send(new ListClustersCommand({}));
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('rejects unknown or out-of-range settings', () => {
    expect(() => local.setFaults({ errorRate: 2 })).toThrow(
      'errorRate must be a number between 0 and 1',
    );
    expect(() => local.setFaults({ throttleRate: -0.1 })).toThrow(
      'throttleRate must be a number between 0 and 1',
    );
    expect(() => local.setFaults({ latencyRate: 1.5 })).toThrow(
      'latencyRate must be a number between 0 and 1',
    );
    expect(() => local.setFaults({ nonsense: 1 } as never)).toThrow(
      "unknown fault setting 'nonsense'",
    );
  });
});

describe('the /_local endpoints', () => {
  let local: LocalAws;

  beforeAll(async () => {
    local = await startLocalAws();
  });
  afterAll(() => local.close());

  const get = (path: string) => fetch(`${local.url}${path}`);
  const post = (path: string, body?: unknown) =>
    fetch(`${local.url}${path}`, {
      method: 'POST',
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('reports health', async () => {
    const response = await get('/_local/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      accounts: ['111111111111', '222222222222'],
      regions: ['eu-west-1', 'us-east-1'],
    });
  });

  it('counts calls per account, region and operation, and resets the counters', async () => {
    await post('/_local/calls/reset');
    await ecsClient(local).send(new ListClustersCommand({}));
    await ecsClient(local).send(new ListClustersCommand({}));
    await ecsClient(local, {
      region: 'us-east-1',
      credentials: ACCOUNT_2,
    }).send(new ListClustersCommand({}));
    const { calls } = await (await get('/_local/calls')).json();
    expect(calls).toEqual([
      {
        account: '111111111111',
        region: 'eu-west-1',
        service: 'ecs',
        operation: 'ListClusters',
        calls: 2,
        throttled: 0,
        errors: 0,
      },
      {
        account: '222222222222',
        region: 'us-east-1',
        service: 'ecs',
        operation: 'ListClusters',
        calls: 1,
        throttled: 0,
        errors: 0,
      },
    ]);
    await post('/_local/calls/reset');
    expect((await (await get('/_local/calls')).json()).calls).toEqual([]);
    expect(local.calls()).toEqual([]);
  });

  it('sets fault knobs from a JSON body and rejects bad ones', async () => {
    const set = await post('/_local/faults', {
      accessDeniedAccounts: ['111111111111'],
    });
    expect(set.status).toBe(200);
    expect(
      (await (await get('/_local/faults')).json()).accessDeniedAccounts,
    ).toEqual(['111111111111']);
    await expect(
      ecsClient(local).send(new ListClustersCommand({})),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect((await post('/_local/faults', { errorRate: 'lots' })).status).toBe(
      400,
    );
    await post('/_local/faults', { accessDeniedAccounts: [] });
    await expect(
      ecsClient(local).send(new ListClustersCommand({})),
    ).resolves.toBeDefined();
  });

  it('answers unknown local paths with 404', async () => {
    expect((await get('/_local/nothing')).status).toBe(404);
  });
});
