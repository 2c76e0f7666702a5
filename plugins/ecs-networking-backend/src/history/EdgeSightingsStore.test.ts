import { sqliteDatabase } from '../__testUtils__/harness';
import { SnapshotStore } from '../store/SnapshotStore';
import { EdgeSightingsStore } from './EdgeSightingsStore';

const DAY = 24 * 3600_000;
const T0 = Date.parse('2026-03-01T00:00:00Z');
const at = (days: number) => new Date(T0 + days * DAY);

async function sightingsStore() {
  const database = sqliteDatabase();
  // The plugin's migrations run with the snapshot store.
  await SnapshotStore.create(database);
  return EdgeSightingsStore.create(database);
}

describe('EdgeSightingsStore', () => {
  it('knows nothing before its first recording', async () => {
    const store = await sightingsStore();
    expect(await store.read()).toEqual({ lastSeen: new Map() });
  });

  it('keeps when each call was last seen, from the first recording on, and forgets calls unseen past the wait', async () => {
    const store = await sightingsStore();
    await store.record(new Set(['a b', 'a c']), at(0), 7 * DAY);
    expect(await store.read()).toEqual({
      watchedSince: at(0).toISOString(),
      lastSeen: new Map([
        ['a b', undefined],
        ['a c', undefined],
      ]),
    });

    // a → c goes on day 1; a → d appears on day 2.
    await store.record(new Set(['a b']), at(1), 7 * DAY);
    await store.record(new Set(['a b', 'a d']), at(2), 7 * DAY);
    expect((await store.read()).lastSeen).toEqual(
      new Map([
        ['a b', undefined],
        ['a c', at(1).toISOString()],
        ['a d', undefined],
      ]),
    );

    // a → c comes back: seen again; a → d goes and is forgotten after the wait.
    await store.record(new Set(['a b', 'a c']), at(3), 7 * DAY);
    await store.record(new Set(['a b', 'a c']), at(11), 7 * DAY);
    const { watchedSince, lastSeen } = await store.read();
    expect(watchedSince).toBe(at(0).toISOString());
    expect(lastSeen).toEqual(
      new Map([
        ['a b', undefined],
        ['a c', undefined],
      ]),
    );
  });
});
