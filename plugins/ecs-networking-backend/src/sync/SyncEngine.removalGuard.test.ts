import { deleteEcsServices, startLocalAwsForSdk } from '@ecs-net/aws-local';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { LocalAws } from '@ecs-net/aws-local';
import {
  NetworkResponse,
  StatusResponse,
} from '@ecs-net/plugin-ecs-networking-common';
import request from 'supertest';
import {
  ConfigData,
  createSync,
  demoConfig,
  servedApi,
  sqliteDatabase,
  storedServiceArns,
} from '../__testUtils__/harness';

// Each test reads the demo estate a few times and changes it in between.
jest.setTimeout(120_000);

// The demo's one scope above the default handful: clusters shop (7
// services) and web (2).
const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';
const KEY = `${ACCOUNT}/${REGION}`;

/** The demo's accounts, with the first account's eu-west-1 entry replaced. */
function withScope(entry: ConfigData, extra: ConfigData = {}) {
  return demoConfig({
    accounts: [
      { accountId: ACCOUNT, regions: [REGION], ...entry },
      { accountId: ACCOUNT, regions: ['us-east-1'] },
      { accountId: '222222222222', regions: ['eu-west-1', 'us-east-1'] },
    ],
    ...extra,
  });
}

/** /status and this scope's services in /network, as the API serves them from a store. */
async function served(engine: Parameters<typeof servedApi>[0]) {
  const app = servedApi(engine);
  const get = async <T>(path: string): Promise<T> =>
    (await request(app).get(path).set('authorization', mockCredentials.user.header()).expect(200))
      .body;
  const status = await get<StatusResponse>('/status');
  const network = await get<NetworkResponse>('/network');
  return {
    scope: status.scopes.find(s => `${s.accountId}/${s.region}` === KEY)!,
    services: network.services
      .filter(s => s.accountId === ACCOUNT && s.region === REGION)
      .map(s => s.arn)
      .sort(),
  };
}

const resultOf = (result: Awaited<ReturnType<Awaited<ReturnType<typeof createSync>>['sync']['run']>>) =>
  result.scopes.find(s => `${s.accountId}/${s.region}` === KEY)!;

const warnings = (lines: string[]) => lines.filter(line => line.startsWith('warn'));

describe('the removal guard, reading the local AWS endpoint', () => {
  let local: LocalAws;

  beforeEach(async () => {
    local = await startLocalAwsForSdk();
  });
  afterEach(() => local.close());

  it('keeps the services a cluster filter typo hides, and clears the warning once it is fixed', async () => {
    const database = sqliteDatabase();
    const good = await createSync(demoConfig(), database);
    await good.sync.run();
    const before = await storedServiceArns(good.store);
    expect(before[KEY]).toHaveLength(9);

    // Redeployed with `shop` misspelt: only web's 2 services match.
    const typo = await createSync(withScope({ clusters: ['shpo', 'web'] }), database);
    const result = await typo.sync.run();
    expect(resultOf(result)).toMatchObject({
      ok: true,
      services: 2,
      removalPending: { previousServices: 9, readServices: 2 },
    });
    expect(await storedServiceArns(typo.store)).toEqual(before);
    const during = await served(typo);
    expect(during.services).toEqual(before[KEY]);
    expect(during.scope).toMatchObject({
      stale: false,
      counts: { services: 9 },
      removalPending: {
        previousServices: 9,
        readServices: 2,
        since: expect.any(String),
        reason: expect.stringContaining('found 2 of the 9 services'),
      },
    });
    expect(warnings(typo.logger.lines)).toEqual([
      expect.stringContaining(`${KEY} removal pending, keeping its 9 services`),
    ]);

    const fixed = await createSync(demoConfig(), database);
    expect(resultOf(await fixed.sync.run()).removalPending).toBeUndefined();
    const after = await served(fixed);
    expect(after.scope.removalPending).toBeUndefined();
    expect(after.services).toEqual(before[KEY]);
    expect(warnings(fixed.logger.lines)).toEqual([]);
  });

  it('holds an emptied region, and removes its services when the next read confirms it', async () => {
    const engine = await createSync();
    const { sync, store, logger } = engine;
    await sync.run();
    const before = await storedServiceArns(store);
    await deleteEcsServices({ accountId: ACCOUNT, region: REGION, cluster: 'shop' });
    await deleteEcsServices({ accountId: ACCOUNT, region: REGION, cluster: 'web' });

    const held = await sync.run();
    expect(resultOf(held)).toMatchObject({
      ok: true,
      services: 0,
      removalPending: { previousServices: 9, readServices: 0 },
    });
    // Every scope as it was, this one included.
    expect(await storedServiceArns(store)).toEqual(before);
    const during = await served(engine);
    expect(during.services).toEqual(before[KEY]);
    expect(during.scope.removalPending).toMatchObject({ previousServices: 9, readServices: 0 });

    const confirmed = await sync.run();
    expect(resultOf(confirmed).removalPending).toBeUndefined();
    expect(await storedServiceArns(store)).toEqual({ ...before, [KEY]: [] });
    const after = await served(engine);
    expect(after.services).toEqual([]);
    expect(after.scope.removalPending).toBeUndefined();
    expect(warnings(logger.lines)).toEqual([
      expect.stringContaining(`${KEY} removal pending`),
      expect.stringContaining(`${KEY} removal confirmed by another read, 9 of its 9 services removed`),
    ]);
  });

  it('applies ordinary churn at once: one service deleted, then a cluster torn down while the rest stays', async () => {
    const engine = await createSync();
    const { sync, store, logger } = engine;
    await sync.run();
    const arnsOf = async () => (await storedServiceArns(store))[KEY];
    const all = await arnsOf();
    const name = (arn: string) => arn.split('/').pop();

    await deleteEcsServices({ accountId: ACCOUNT, region: REGION, cluster: 'shop', names: ['nightly-report'] });
    expect(resultOf(await sync.run()).removalPending).toBeUndefined();
    expect(await arnsOf()).toEqual(all.filter(arn => name(arn) !== 'nightly-report'));

    const web = await deleteEcsServices({ accountId: ACCOUNT, region: REGION, cluster: 'web' });
    expect(web.sort()).toEqual(['app', 'mysql']);
    expect(resultOf(await sync.run()).removalPending).toBeUndefined();
    expect((await arnsOf()).map(name)).toHaveLength(6);
    expect((await arnsOf()).filter(arn => arn.includes('/web/'))).toEqual([]);
    expect((await served(engine)).scope.removalPending).toBeUndefined();
    expect(warnings(logger.lines)).toEqual([]);
  });

  it('keeps holding while confirmAfter has not passed since the drop was first seen', async () => {
    const { sync, store } = await createSync(demoConfig({ removalGuard: { confirmAfter: { hours: 1 } } }));
    await sync.run();
    const before = await storedServiceArns(store);
    await deleteEcsServices({ accountId: ACCOUNT, region: REGION, cluster: 'shop' });

    const first = resultOf(await sync.run()).removalPending!;
    expect(first).toMatchObject({ previousServices: 9, readServices: 2 });
    expect(Date.parse(first.confirmableFrom!) - Date.parse(first.since)).toBe(3600_000);
    const second = resultOf(await sync.run()).removalPending!;
    expect(second).toMatchObject({ since: first.since, confirmableFrom: first.confirmableFrom });
    expect(await storedServiceArns(store)).toEqual(before);
  });

  it('removes at once in an account that turned the guard off', async () => {
    const { sync, store } = await createSync(withScope({ removalGuard: { enabled: false } }));
    await sync.run();
    await deleteEcsServices({ accountId: ACCOUNT, region: REGION, cluster: 'shop' });
    expect(resultOf(await sync.run()).removalPending).toBeUndefined();
    expect((await storedServiceArns(store))[KEY].every(arn => arn.includes('/web/'))).toBe(true);
    expect((await storedServiceArns(store))[KEY]).toHaveLength(2);
  });
});
