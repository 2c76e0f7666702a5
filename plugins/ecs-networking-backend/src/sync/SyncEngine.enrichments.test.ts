import { startLocalAwsForSdk } from '@ecs-net/aws-local';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { LocalAws } from '@ecs-net/aws-local';
import { StatusResponse } from '@ecs-net/plugin-ecs-networking-common';
import request from 'supertest';
import { createSync, servedApi, storedServiceArns } from '../__testUtils__/harness';

// Real syncs of four scopes through the SDK, on a possibly loaded machine.
jest.setTimeout(120_000);

async function status(engine: Parameters<typeof servedApi>[0]): Promise<StatusResponse> {
  const res = await request(servedApi(engine))
    .get('/status')
    .set('authorization', mockCredentials.user.header())
    .expect(200);
  return res.body;
}

describe('SyncEngine when an enrichment fails', () => {
  let local: LocalAws;

  beforeAll(async () => {
    local = await startLocalAwsForSdk();
  });
  afterAll(() => local.close());

  it('stores every scope fresh, with a metrics note where metrics were needed', async () => {
    const reference = await createSync();
    await reference.sync.run();
    const expected = await storedServiceArns(reference.store);

    local.setFaults({ htmlErrorOperations: ['cloudwatch:ListMetrics'] });
    try {
      const engine = await createSync();
      const { sync, store, logger } = engine;
      const result = await sync.run();
      expect(result.scopes.every(scope => scope.ok)).toBe(true);
      expect(await storedServiceArns(store)).toEqual(expected);

      const { scopes } = await status(engine);
      expect(scopes.every(scope => !scope.stale && scope.consecutiveFailures === 0)).toBe(true);
      // The shop's Service Connect scope needed the metrics; the notes say why they are missing.
      const shop = scopes.find(s => s.accountId === '111111111111' && s.region === 'eu-west-1')!;
      expect(shop.skipped).toEqual([
        expect.stringMatching(/^metrics unavailable: cloudwatch:ListMetrics failed: HTTP 500 non-AWS response/),
      ]);
      expect(logger.lines).toContainEqual(
        expect.stringMatching(
          /^warn ECS networking sync: 111111111111\/eu-west-1 read, with notes: metrics unavailable: cloudwatch:ListMetrics failed/,
        ),
      );
    } finally {
      local.setFaults({ htmlErrorOperations: [] });
    }
  });
});
