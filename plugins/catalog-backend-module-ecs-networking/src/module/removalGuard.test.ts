import { deleteEcsServices, startLocalAwsForSdk } from '@ecs-net/aws-local';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { LocalAws } from '@ecs-net/aws-local';
import type { NetworkResponse } from '@ecs-net/plugin-ecs-networking-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  ecsEntities,
  eventually,
  scopeStatuses,
  Server,
  startCatalogBackend,
  syncTrigger,
} from '../__testUtils__/catalogBackend';

// Several backends start and sync here, on a loaded machine.
jest.setTimeout(240_000);

// The demo's one scope above the default handful: clusters shop (7
// services) and web (2).
const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';
const SHOP = [
  'inventory-service',
  'legacy-gateway',
  'nightly-report',
  'order-service',
  'payment-service',
  'product-service',
  'user-service',
];
const WEB = ['app', 'mysql'];

// Syncs run only when a test triggers them.
const SCHEDULE = { frequency: { hours: 1 }, timeout: { minutes: 1 }, initialDelay: { hours: 1 } };

/** AWS names (from their ARNs) of the scope's ECS service entities in the catalog. */
async function scopeServices(server: Server): Promise<string[]> {
  return (await ecsEntities(server))
    .filter(
      e =>
        e.spec?.type === 'ecs-service' &&
        e.metadata.annotations?.['ecs-networking.io/account-id'] === ACCOUNT &&
        e.metadata.annotations?.['ecs-networking.io/region'] === REGION,
    )
    .map(e => e.metadata.annotations!['ecs-networking.io/service-arn'].split('/').pop()!)
    .sort();
}

/** The scope as /status and /network (what the network page shows) tell it. */
async function scope(server: Server) {
  const status = (await scopeStatuses(server)).find(
    s => s.accountId === ACCOUNT && s.region === REGION,
  )!;
  const network: NetworkResponse = (
    await request(server)
      .get('/api/ecs-networking/network')
      .set('authorization', mockCredentials.user.header())
      .expect(200)
  ).body;
  const shown = network.scopes.find(s => s.accountId === ACCOUNT && s.region === REGION)!;
  expect(shown.removalPending).toEqual(status.removalPending);
  return status;
}

describe('the removal guard, with the real catalog', () => {
  let local: LocalAws;
  let backend: Awaited<ReturnType<typeof startCatalogBackend>> | undefined;

  beforeEach(async () => {
    local = await startLocalAwsForSdk();
  });
  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
    await local.close();
  });

  async function start(options: Partial<Parameters<typeof startCatalogBackend>[0]> = {}) {
    const trigger = syncTrigger();
    backend = await startCatalogBackend({ schedule: SCHEDULE, features: [trigger.feature], ...options });
    return { server: backend.server, syncNow: trigger.syncNow };
  }

  it('keeps the entities a cluster filter typo hides after a redeploy', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsnet-removal-guard-'));
    try {
      const first = await start({ ecsNetworkingDatabaseDirectory: directory });
      await first.syncNow();
      // The catalog processes what the provider applied in its own time.
      await eventually(async () =>
        (await scopeServices(first.server)).length === 9 ? true : undefined,
      );
      await backend!.stop();

      // `shop` misspelt: only web's services match.
      const typo = await start({
        ecsNetworkingDatabaseDirectory: directory,
        ecsNetworking: {
          accounts: [
            { accountId: ACCOUNT, regions: [REGION], clusters: ['shpo', 'web'] },
            { accountId: ACCOUNT, regions: ['us-east-1'] },
            { accountId: '222222222222', regions: ['eu-west-1', 'us-east-1'] },
          ],
        },
      });
      await typo.syncNow();
      expect(await scope(typo.server)).toMatchObject({
        stale: false,
        counts: { services: 9 },
        removalPending: { previousServices: 9, readServices: 2 },
      });
      // This catalog starts empty and is filled from the served model: all
      // of the scope's services are in it, not only the 2 the read found.
      const published = await eventually(async () => {
        const titles = await scopeServices(typo.server);
        return titles.length >= 9 ? titles : undefined;
      });
      expect(published).toEqual([...SHOP, ...WEB].sort());
    } finally {
      await backend?.stop();
      backend = undefined;
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('removes one deleted service at once, and a deleted cluster when the next read confirms it', async () => {
    const { server, syncNow } = await start();
    await syncNow();
    await eventually(async () => ((await scopeServices(server)).length === 9 ? true : undefined));

    await deleteEcsServices({ accountId: ACCOUNT, region: REGION, cluster: 'shop', names: ['nightly-report'] });
    await syncNow();
    expect(await scopeServices(server)).toEqual(
      [...SHOP, ...WEB].filter(name => name !== 'nightly-report').sort(),
    );
    expect((await scope(server)).removalPending).toBeUndefined();

    // The rest of shop: 6 of the 8 services left go.
    await deleteEcsServices({ accountId: ACCOUNT, region: REGION, cluster: 'shop' });
    await syncNow();
    expect(await scope(server)).toMatchObject({
      removalPending: { previousServices: 8, readServices: 2 },
    });
    expect(await scopeServices(server)).toHaveLength(8);

    await syncNow();
    expect((await scope(server)).removalPending).toBeUndefined();
    expect(await scopeServices(server)).toEqual(WEB);
  });

  it('holds an emptied region for as long as confirmAfter asks', async () => {
    const { server, syncNow } = await start({
      ecsNetworking: { removalGuard: { confirmAfter: { hours: 1 } } },
    });
    await syncNow();
    await eventually(async () => ((await scopeServices(server)).length === 9 ? true : undefined));

    await deleteEcsServices({ accountId: ACCOUNT, region: REGION, cluster: 'shop' });
    await deleteEcsServices({ accountId: ACCOUNT, region: REGION, cluster: 'web' });
    await syncNow();
    const first = (await scope(server)).removalPending;
    expect(first).toMatchObject({ previousServices: 9, readServices: 0 });
    await syncNow();
    expect((await scope(server)).removalPending).toMatchObject({
      since: first!.since,
      confirmableFrom: first!.confirmableFrom,
    });
    expect(await scopeServices(server)).toEqual([...SHOP, ...WEB].sort());
  });
});
