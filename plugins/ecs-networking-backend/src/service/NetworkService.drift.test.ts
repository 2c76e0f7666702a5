import { DEFAULT_TAG_KEYS } from '@ecs-net/plugin-ecs-networking-common';
import { scope } from '@ecs-net/plugin-ecs-networking-common/testing';
import { recordingLogger, sqliteDatabase } from '../__testUtils__/harness';
import { EdgeSightingsStore } from '../history/EdgeSightingsStore';
import { HistoryRecorder } from '../history/HistoryRecorder';
import { HistoryStore } from '../history/HistoryStore';
import { SnapshotStore } from '../store/SnapshotStore';
import { NetworkService } from './NetworkService';

const DAY = 24 * 3600_000;
const attempt = { calls: {}, durationMs: 1 };
const sc = (name: string) => ({
  namespace: 'sc.local',
  services: [{ portName: 'http', discoveryName: name, clientAliases: [{ dnsName: name, port: 8080 }] }],
});

/** orders, declared to depend on users, calling it or not. */
function estate(calls: boolean) {
  const b = scope().namespace('sc.local', 'HTTP');
  b.service('orders', {
    serviceConnect: sc('orders'),
    tags: { component: 'orders' },
    containers: [{ environment: calls ? { USERS_URL: 'http://users:8080' } : {} }],
  });
  b.service('users', { serviceConnect: sc('users'), tags: { component: 'users' } });
  return b;
}

/** The plugin's parts over one database, as createEcsNetworkingEngine wires them with drift on. */
async function engine(notObservedAfterMs: number) {
  const database = sqliteDatabase();
  const store = await SnapshotStore.create(database);
  const sightings = await EdgeSightingsStore.create(database);
  const network = new NetworkService(store, DEFAULT_TAG_KEYS, { sightings, notObservedAfterMs });
  const recorder = new HistoryRecorder({
    store: await HistoryStore.create(database, { retentionMs: 30 * DAY, maxChanges: 1000 }),
    network,
    logger: recordingLogger(),
    sightings: { store: sightings, keepMs: notObservedAfterMs },
  });
  const users = estate(true).serviceArn('users');
  await store.saveCatalogLinks({
    dependsOn: {},
    missingComponents: [],
    components: [
      {
        component: 'component:default/orders',
        declared: [{ ref: 'component:default/users', relation: 'dependsOn', serviceArns: [users] }],
      },
      { component: 'component:default/users', declared: [] },
    ],
    entityRefs: {},
  }, Date.now());
  /** Stores a read of the estate and records it, as a sync does. */
  const sync = async (calls: boolean) => {
    await store.saveSuccess(estate(calls).build(), attempt);
    await recorder.record('sync');
  };
  const drift = async () =>
    (await new NetworkService(store, DEFAULT_TAG_KEYS, { sightings, notObservedAfterMs }).current()).model.findings
      .filter(f => f.ruleId === 'dependency-not-observed')
      .map(f => f.subject.name);
  return { sync, drift, sightings, users };
}

describe('drift in the backend', () => {
  it('remembers when a declared call was last seen, so its going is reported only after the wait', async () => {
    const week = await engine(7 * DAY);
    await week.sync(true);
    await week.sync(false);
    const { lastSeen } = await week.sightings.read();
    expect([...lastSeen.values()]).toEqual([expect.stringMatching(/^\d{4}-/)]);
    expect(await week.drift()).toEqual([]);

    const atOnce = await engine(0);
    await atOnce.sync(true);
    expect(await atOnce.drift()).toEqual([]);
    await atOnce.sync(false);
    expect(await atOnce.drift()).toEqual(['orders']);
  });
});
