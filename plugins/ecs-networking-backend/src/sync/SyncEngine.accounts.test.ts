import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_FAULTS, generateEstate, LocalAws, startLocalAwsForSdk } from '@ecs-net/aws-local';
import {
  ANNOTATIONS,
  EntityNetworkResponse,
  NetworkResponse,
  ScopeStatus,
  StatusResponse,
} from '@ecs-net/plugin-ecs-networking-common';
import request from 'supertest';
import { createSync, servedApi, storedServiceArns, syntheticConfig } from '../__testUtils__/harness';

jest.setTimeout(60_000);

const HEALTHY = ['300000000001', '300000000003'];
const FAILING = '300000000002';

/**
 * What the API serves from a store: /status, /network and one entity's view.
 * A new service per look, as the cached view is only rechecked every second.
 */
function api(engine: Parameters<typeof servedApi>[0], failingServiceArn: string) {
  const app = servedApi(
    engine,
    catalogServiceMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: {
            name: 'failing-service',
            namespace: 'default',
            annotations: { [ANNOTATIONS.serviceArn]: failingServiceArn },
          },
          spec: { type: 'ecs-service', owner: 'team' },
        },
      ],
    }),
  );
  const get = async <T>(path: string): Promise<T> =>
    (await request(app).get(path).set('authorization', mockCredentials.user.header()).expect(200))
      .body;
  return {
    status: () => get<StatusResponse>('/status'),
    network: () => get<NetworkResponse>('/network'),
    entity: () => get<EntityNetworkResponse>('/entities/default/resource/failing-service'),
  };
}

const scopeOf = (scopes: ScopeStatus[], accountId: string) =>
  scopes.find(s => s.accountId === accountId)!;

describe('SyncEngine with one of three accounts failing', () => {
  let local: LocalAws;

  beforeAll(async () => {
    local = await startLocalAwsForSdk({
      estate: generateEstate({ services: 18, accounts: 3, seed: 2 }),
    });
  });
  afterAll(() => local.close());

  it('keeps the failing account stale with its last good data, the others fresh, until it recovers', async () => {
    local.setFaults(DEFAULT_FAULTS);
    const engine = await createSync(syntheticConfig([...HEALTHY, FAILING].sort(), ['eu-west-1']));
    const { sync, store } = engine;
    await sync.run();
    const good = await storedServiceArns(store);
    const failingKey = `${FAILING}/eu-west-1`;
    expect(good[failingKey].length).toBeGreaterThan(0);
    const served = () => api(engine, good[failingKey][0]);
    const first = (await served().status()).scopes;
    expect(first.every(s => !s.stale && s.lastSuccessAt)).toBe(true);

    let previous = first;
    const failWith = async (faults: Partial<typeof DEFAULT_FAULTS>, error: RegExp, failures: number) => {
      local.setFaults({ ...DEFAULT_FAULTS, ...faults });
      const result = await sync.run();
      expect(result.scopes.filter(s => !s.ok).map(s => s.accountId)).toEqual([FAILING]);

      const now = served();
      const { scopes } = await now.status();
      const failing = scopeOf(scopes, FAILING);
      expect(failing).toMatchObject({
        stale: true,
        consecutiveFailures: failures,
        lastError: expect.stringMatching(error),
        lastErrorAt: expect.any(String),
        // Still the time of the last good read, and its counts.
        lastSuccessAt: scopeOf(first, FAILING).lastSuccessAt,
        counts: scopeOf(first, FAILING).counts,
      });
      for (const accountId of HEALTHY) {
        const healthy = scopeOf(scopes, accountId);
        expect(healthy).toMatchObject({ stale: false, consecutiveFailures: 0 });
        expect(healthy.lastError).toBeUndefined();
        expect(healthy.lastSuccessAt! > scopeOf(previous, accountId).lastSuccessAt!).toBe(true);
      }
      previous = scopes;

      // The failing account's services are still served, from its last good read.
      expect(await storedServiceArns(store)).toEqual(good);
      const network = await now.network();
      const inModel = network.services.filter(s => s.accountId === FAILING).map(s => s.arn).sort();
      expect(inModel).toEqual(good[failingKey]);
      expect(scopeOf(network.scopes, FAILING).stale).toBe(true);
      const entity = await now.entity();
      expect(entity.services.map(s => s.arn)).toEqual([good[failingKey][0]]);
      expect(entity.scopes).toEqual([expect.objectContaining({ accountId: FAILING, stale: true })]);
    };

    await failWith({ accessDeniedAccounts: [FAILING] }, /AccessDenied/, 1);
    await failWith({ expiredCredentialAccounts: [FAILING] }, /ExpiredToken/, 2);

    local.setFaults(DEFAULT_FAULTS);
    const recovered = await sync.run();
    expect(recovered.scopes.every(s => s.ok)).toBe(true);
    const now = served();
    const { scopes } = await now.status();
    const failing = scopeOf(scopes, FAILING);
    expect(failing).toMatchObject({ stale: false, consecutiveFailures: 0 });
    expect(failing.lastError).toBeUndefined();
    expect(failing.lastSuccessAt! > scopeOf(first, FAILING).lastSuccessAt!).toBe(true);
    expect((await now.entity()).scopes[0].stale).toBe(false);
    expect(await storedServiceArns(store)).toEqual(good);
  });
});
