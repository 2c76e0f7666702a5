import { startLocalAwsForSdk } from '@ecs-net/aws-local';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import type { LocalAws } from '@ecs-net/aws-local';
import { DEFAULT_TAG_KEYS } from '@ecs-net/plugin-ecs-networking-common';
import { demoConfig, recordingLogger, sqliteDatabase } from '../__testUtils__/harness';
import { readEcsNetworkingConfig } from '../config';
import type { CatalogDependsOnReader } from '../service/catalogDependencies';
import { NetworkService } from '../service/NetworkService';
import { SnapshotStore } from '../store/SnapshotStore';
import { SyncEngine } from './SyncEngine';

jest.setTimeout(60_000);

const ORDER = 'arn:aws:ecs:eu-west-1:111111111111:service/shop/order-service';
const PAYMENT =
  'arn:aws:ecs:eu-west-1:111111111111:service/shop/payment-service';

function catalogEdges(network: NetworkService) {
  return network
    .current()
    .then(view =>
      view.model.edges
        .filter(e => e.evidence.some(ev => ev.kind === 'catalog'))
        .map(e => [e.from, e.to]),
    );
}

/** A sync engine over the demo estate and a fresh store, asking `readCatalogDependsOn` for the catalog's side. */
async function syncEngine(readCatalogDependsOn: CatalogDependsOnReader, logger = recordingLogger()) {
  const config = new ConfigReader(demoConfig());
  const store = await SnapshotStore.create(sqliteDatabase());
  const sync = new SyncEngine({
    config: readEcsNetworkingConfig(config),
    credentials: DefaultAwsCredentialsManager.fromConfig(config),
    store,
    logger,
    readCatalogDependsOn,
  });
  return { store, sync };
}

describe('catalog dependsOn read by the sync', () => {
  let local: LocalAws;
  beforeAll(async () => {
    local = await startLocalAwsForSdk();
  });
  afterAll(() => local.close());

  it('is stored under the generation, so every replica serves it, and survives a failed catalog read', async () => {
    const logger = recordingLogger();
    let answer: CatalogDependsOnReader = async () => ({
      dependsOn: { [ORDER]: [PAYMENT] },
      missingComponents: ['component:default/mysql'],
    });
    const { store, sync } = await syncEngine(services => answer(services), logger);

    await sync.run();
    // Two services over one store stand for two replicas.
    const replicas = [
      new NetworkService(store, DEFAULT_TAG_KEYS),
      new NetworkService(store, DEFAULT_TAG_KEYS),
    ];
    for (const replica of replicas) {
      expect(await catalogEdges(replica)).toContainEqual([ORDER, PAYMENT]);
      // mysql's component tag names a Component the catalog lacks.
      const { findings } = (await replica.current()).model;
      expect(
        findings.filter(f => f.ruleId === 'component-tag-not-in-catalog').map(f => f.subject.name),
      ).toEqual(['mysql']);
    }

    answer = async () => {
      throw new Error('catalog unavailable');
    };
    await sync.run();
    expect(
      await catalogEdges(new NetworkService(store, DEFAULT_TAG_KEYS)),
    ).toContainEqual([ORDER, PAYMENT]);
    expect(
      logger.lines.some(
        l =>
          l.includes('could not read catalog dependsOn') &&
          l.includes('catalog unavailable'),
      ),
    ).toBe(true);

    answer = async () => ({ dependsOn: {}, missingComponents: [] });
    const before = await store.generation();
    await sync.run();
    expect(await store.generation()).toBeGreaterThan(before);
    expect(
      await catalogEdges(new NetworkService(store, DEFAULT_TAG_KEYS)),
    ).toEqual([]);
  });

  it('follows catalog edits between syncs without reading AWS, and a same answer changes nothing', async () => {
    let answer: CatalogDependsOnReader = async () => ({
      dependsOn: {},
      missingComponents: ['component:default/mysql'],
    });
    const { store, sync } = await syncEngine(services => answer(services));
    // Before any sync there are no services to link: nothing is stored.
    await sync.refreshCatalogLinks();
    expect(await store.generation()).toBe(0);

    // The first sync ran before the catalog had loaded mysql's Component
    // and order-service's dependsOn.
    await sync.run();
    const network = new NetworkService(store, DEFAULT_TAG_KEYS);
    expect(await catalogEdges(network)).toEqual([]);
    const callsAfterSync = local.attempts().length;

    answer = async () => ({ dependsOn: { [ORDER]: [PAYMENT] }, missingComponents: [] });
    const before = await store.generation();
    await sync.refreshCatalogLinks();
    expect(await store.generation()).toBe(before + 1);
    expect(await catalogEdges(network)).toContainEqual([ORDER, PAYMENT]);
    expect(
      (await network.current()).model.findings.filter(f => f.ruleId === 'component-tag-not-in-catalog'),
    ).toEqual([]);
    expect(local.attempts().length).toBe(callsAfterSync);

    await sync.refreshCatalogLinks();
    expect(await store.generation()).toBe(before + 1);
  });

  it('keeps the newer catalog answer when an older read finishes last', async () => {
    let answer: CatalogDependsOnReader = async () => ({ dependsOn: {}, missingComponents: [] });
    const { store, sync } = await syncEngine(services => answer(services));
    await sync.run();

    // The catalog-links task reads before order-service's dependsOn is in
    // the catalog, and is slow to answer…
    let answerStale: () => void = () => {};
    let staleAsked: () => void = () => {};
    const asked = new Promise<void>(resolve => (staleAsked = resolve));
    answer = () =>
      new Promise(resolve => {
        answerStale = () => resolve({ dependsOn: {}, missingComponents: [] });
        staleAsked();
      });
    const stale = sync.refreshCatalogLinks();
    await asked;
    // …while a sync reads the catalog after the edit, and stores first.
    await new Promise(resolve => setTimeout(resolve, 2));
    answer = async () => ({ dependsOn: { [ORDER]: [PAYMENT] }, missingComponents: [] });
    await sync.run();
    answerStale();
    await stale;

    expect(await catalogEdges(new NetworkService(store, DEFAULT_TAG_KEYS))).toContainEqual([ORDER, PAYMENT]);
  });
});
