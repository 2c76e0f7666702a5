import { ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { demoAwsConfig, LocalAws, startLocalAwsForSdk } from '@ecs-net/aws-local';
import type { ChangesResponse } from '@ecs-net/plugin-ecs-networking-common';
import request from 'supertest';
import { component, createSync, servedApi } from '../__testUtils__/harness';

// Real syncs of the demo estate through the SDK, on a possibly loaded machine.
jest.setTimeout(120_000);

const USER_SERVICE = 'arn:aws:ecs:eu-west-1:111111111111:service/shop/user-service';

describe('GET /changes', () => {
  let local: LocalAws;
  let ecs: ECSClient;

  beforeAll(async () => {
    local = await startLocalAwsForSdk();
    ecs = new ECSClient({ credentials: demoAwsConfig().mainAccount });
  });
  afterAll(async () => {
    ecs.destroy();
    await local.close();
  });

  it("serves what a sync changed: the estate's, one entity's, and its neighbours'", async () => {
    const engine = await createSync();
    const started = new Date().toISOString();
    await engine.sync.run();
    await ecs.send(new UpdateServiceCommand({ cluster: 'shop', service: 'user-service', desiredCount: 0 }));
    await engine.sync.run();

    const app = servedApi(
      engine,
      catalogServiceMock({ entities: [component('order-service')] }),
    );
    const get = async (query: string, status = 200) =>
      (await request(app).get(`/changes${query}`).set('authorization', mockCredentials.user.header()).expect(status))
        .body;

    const estate: ChangesResponse = await get(`?since=${encodeURIComponent(started)}`);
    expect(estate.truncated).toBe(false);
    // The first sync is the baseline; the scale to zero is the one change.
    expect(estate.changes).toEqual([
      expect.objectContaining({
        kind: 'service',
        action: 'changed',
        key: USER_SERVICE,
        label: 'user-service',
        trigger: 'sync',
        accountId: '111111111111',
        region: 'eu-west-1',
        attributes: [{ name: 'desiredCount', before: '2', after: '0' }],
        serviceArns: [USER_SERVICE],
      }),
    ]);
    expect(estate.changes[0].at >= started).toBe(true);

    // order-service calls user-service: a neighbour's change at one hop, not at none.
    const own: ChangesResponse = await get('?entityRef=component:order-service');
    expect(own.changes).toEqual([]);
    const near: ChangesResponse = await get('?entityRef=component:order-service&hops=1');
    expect(near.changes.map(c => c.label)).toEqual(['user-service']);

    // A window before the change has none of it.
    const before: ChangesResponse = await get(`?until=${encodeURIComponent(started)}`);
    expect(before.changes).toEqual([]);
  });

  it('serves a window a page at a time, older pages from the cursor the last one gave', async () => {
    const engine = await createSync();
    const started = new Date().toISOString();
    await engine.sync.run();
    for (const desiredCount of [3, 4]) {
      await ecs.send(new UpdateServiceCommand({ cluster: 'shop', service: 'user-service', desiredCount }));
      await engine.sync.run();
    }
    const app = servedApi(engine, catalogServiceMock({ entities: [] }));
    const get = async (query: string) =>
      (await request(app).get(`/changes${query}`).set('authorization', mockCredentials.user.header()).expect(200)).body;
    const scaled = (page: ChangesResponse) => page.changes.map(c => c.attributes[0].after);

    const first: ChangesResponse = await get(`?since=${encodeURIComponent(started)}&limit=1`);
    expect(scaled(first)).toEqual(['4']);
    expect(first.truncated).toBe(true);
    const window = `since=${encodeURIComponent(first.since)}&until=${encodeURIComponent(first.until)}`;
    const second: ChangesResponse = await get(`?${window}&limit=1&before=${first.nextBefore}`);
    expect(scaled(second)).toEqual(['3']);
    expect(second).toMatchObject({ truncated: false, since: first.since, until: first.until });
    expect(second.nextBefore).toBeUndefined();
    // Without a limit, the default page holds both.
    expect(scaled(await get(`?${window}`))).toEqual(['4', '3']);
  });
});
