import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { NetworkFact } from '@ecs-net/plugin-ecs-networking-common';
import { sqliteDatabase } from '../__testUtils__/harness';
import { SnapshotStore } from '../store/SnapshotStore';
import { HistoryStore, HistorySettings } from './HistoryStore';

const HOUR = 3600_000;
const T0 = Date.parse('2026-03-01T00:00:00Z');
const at = (hours: number) => new Date(T0 + hours * HOUR);
const iso = (hours: number) => at(hours).toISOString();

function service(name: string, attributes: Record<string, string> = {}): NetworkFact {
  const arn = `arn:aws:ecs:eu-west-1:111122223333:service/main/${name}`;
  return {
    kind: 'service',
    key: arn,
    label: name,
    accountId: '111122223333',
    region: 'eu-west-1',
    attributes,
    serviceArns: [arn],
    entityRefs: [],
  };
}
const arnOf = (name: string) => service(name).key;

async function historyStore(
  settings: Partial<HistorySettings> = {},
  database: DatabaseService = sqliteDatabase(),
) {
  // The plugin's migrations run with the snapshot store.
  await SnapshotStore.create(database);
  return HistoryStore.create(database, { retentionMs: 30 * 24 * HOUR, maxChanges: 1000, ...settings });
}

const window = { since: iso(-1000), until: iso(1000), limit: 100 };

describe('HistoryStore', () => {
  it('takes the first generation as the baseline, then records each later one against the last', async () => {
    const history = await historyStore();
    expect(await history.record(1, [service('orders')], 'sync', at(0))).toEqual([]);
    const changes = await history.record(
      2,
      [service('orders', { desiredCount: '0' }), service('web')],
      'events',
      at(1),
    );
    expect(changes!.map(c => `${c.action} ${c.label}`)).toEqual(['changed orders', 'added web']);

    const { changes: recorded, truncated } = await history.changes(window);
    expect(truncated).toBe(false);
    expect(recorded.map(c => [c.generation, c.trigger, c.at, c.action, c.label])).toEqual([
      [2, 'events', iso(1), 'changed', 'orders'],
      [2, 'events', iso(1), 'added', 'web'],
    ]);
    expect(recorded[0].attributes).toEqual([{ name: 'desiredCount', after: '0' }]);
  });

  it('leaves a generation alone that is not newer than the last recorded one', async () => {
    const history = await historyStore();
    await history.record(5, [service('orders')], 'sync', at(0));
    expect(await history.record(5, [], 'sync', at(1))).toBeUndefined();
    expect(await history.record(4, [], 'sync', at(1))).toBeUndefined();
    expect((await history.changes(window)).changes).toEqual([]);
  });

  it('diffs against the facts another replica stored', async () => {
    const database = sqliteDatabase();
    const first = await historyStore({}, database);
    await first.record(1, [service('orders'), service('web')], 'sync', at(0));
    const second = await historyStore({}, database);
    const changes = await second.record(2, [service('orders')], 'sync', at(1));
    expect(changes!.map(c => `${c.action} ${c.label}`)).toEqual(['removed web']);
    // And the first replica, whose own memory is now behind, reads them back.
    expect((await first.record(3, [], 'sync', at(2)))!.map(c => `${c.action} ${c.label}`)).toEqual([
      'removed orders',
    ]);
  });

  it('serves a time window, the changes of given services, and at most a limit', async () => {
    const history = await historyStore();
    await history.record(1, [], 'sync', at(0));
    await history.record(2, [service('a')], 'sync', at(1));
    await history.record(3, [service('a'), service('b')], 'sync', at(2));
    await history.record(4, [service('a'), service('b'), service('c')], 'sync', at(3));
    const labels = async (query: Partial<Parameters<HistoryStore['changes']>[0]>) =>
      (await history.changes({ ...window, ...query })).changes.map(c => c.label);

    expect(await labels({})).toEqual(['c', 'b', 'a']);
    expect(await labels({ since: iso(2), until: iso(2) })).toEqual(['b']);
    expect(await labels({ serviceArns: [arnOf('a'), arnOf('c')] })).toEqual(['c', 'a']);
    expect(await labels({ serviceArns: [] })).toEqual([]);
    expect(await history.changes({ ...window, limit: 2 })).toMatchObject({
      truncated: true,
      changes: [{ label: 'c' }, { label: 'b' }],
    });
  });

  it('serves the changes of more services than one statement takes, each change once', async () => {
    const history = await historyStore();
    const names = Array.from({ length: 900 }, (_, i) => `s${i}`);
    const call: NetworkFact = {
      ...service('s1'),
      kind: 'edge',
      key: `${arnOf('s1')} s899:8080`,
      label: 's1 → s899:8080',
      serviceArns: [arnOf('s1'), arnOf('s899')],
    };
    await history.record(1, [], 'sync', at(0));
    await history.record(2, [service('s1'), service('s500'), service('s899'), call], 'sync', at(1));
    await history.record(3, [service('s1'), service('s500'), service('s899')], 'sync', at(2));
    const { changes, truncated } = await history.changes({ ...window, serviceArns: names.map(arnOf) });
    expect(truncated).toBe(false);
    expect(changes.map(c => `${c.generation} ${c.action} ${c.label}`)).toEqual([
      '3 removed s1 → s899:8080',
      '2 added s1',
      '2 added s500',
      '2 added s899',
      '2 added s1 → s899:8080',
    ]);
    expect(await history.changes({ ...window, serviceArns: names.map(arnOf), limit: 2 })).toMatchObject({
      truncated: true,
      changes: [{ generation: 3 }, { generation: 2, label: 's1' }],
    });
  });

  it('pages newest first from a cursor that changes recorded meanwhile do not move, splitting a generation', async () => {
    const history = await historyStore();
    const names = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    const a = names(3, 'a');
    const ab = [...a, ...names(3, 'b')];
    await history.record(1, [], 'sync', at(0));
    await history.record(2, a.map(n => service(n)), 'sync', at(1));
    await history.record(3, ab.map(n => service(n)), 'sync', at(2));
    let generation = 10;
    const pages = async (query: { serviceArns?: string[] }, limit: number) => {
      const seen: string[][] = [];
      let before;
      for (;;) {
        const page = await history.changes({ ...window, ...query, limit, before });
        seen.push(page.changes.map(c => `${c.generation} ${c.label}`));
        // A newer generation (a service added) arrives between pages: it is not in the older ones.
        generation++;
        await history.record(generation, [...ab, ...names(generation - 10, 'n')].map(n => service(n)), 'sync', at(3));
        if (!page.truncated) return { seen, next: page.next };
        before = page.next;
      }
    };

    // The second page starts inside generation 3 and ends inside generation 2.
    expect(await pages({}, 2)).toEqual({
      seen: [['3 b0', '3 b1'], ['3 b2', '2 a0'], ['2 a1', '2 a2']],
      next: undefined,
    });
    expect((await pages({ serviceArns: a.map(arnOf) }, 2)).seen).toEqual([['2 a0', '2 a1'], ['2 a2']]);
    // The first page of the estate now starts with what was recorded since.
    expect((await history.changes({ ...window, limit: 1 })).next).toEqual({ generation: 15, seq: 0 });
  });

  it('keeps everything when recording; the retention drops what is past it and nothing newer', async () => {
    const retained = await historyStore({ retentionMs: 24 * HOUR });
    await retained.record(1, [], 'sync', at(0));
    await retained.record(2, [service('a')], 'sync', at(1));
    await retained.record(3, [service('a'), service('b')], 'sync', at(2));
    await retained.record(4, [service('a'), service('b'), service('c')], 'sync', at(26));
    const labels = async () => (await retained.changes(window)).changes.map(c => c.label);
    expect(await labels()).toEqual(['c', 'b', 'a']);

    // At hour 26 the window starts at hour 2: the change of hour 1 goes, that of hour 2 stays.
    expect(await retained.applyRetention(at(26))).toBe(1);
    expect(await labels()).toEqual(['c', 'b']);
    expect((await retained.changes({ ...window, serviceArns: [arnOf('a')] })).changes).toEqual([]);
    expect(await retained.applyRetention(at(26))).toBe(0);
    expect(await labels()).toEqual(['c', 'b']);
  });

  it('drops the oldest generations beyond the count bound whole, in batches', async () => {
    const bounded = await historyStore({ maxChanges: 3000 });
    const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => service(`${prefix}${i}`));
    await bounded.record(1, [], 'sync', at(0));
    // Generations adding 2100, 1000, 1800 and 600 services: 5500 changes.
    const x = many(2100, 'x');
    const y = [...x, ...many(1000, 'y')];
    const z = [...y, ...many(1800, 'z')];
    await bounded.record(2, x, 'sync', at(1));
    await bounded.record(3, y, 'sync', at(2));
    await bounded.record(4, z, 'sync', at(3));
    await bounded.record(5, [...z, ...many(600, 'w')], 'sync', at(4));
    expect((await bounded.changes({ ...window, limit: 5000 })).truncated).toBe(true);

    // The newest 3000 reach into generation 3: it goes whole with generation 2 (a batch
    // of its own, larger than one); 4 and 5 stay whole.
    expect(await bounded.applyRetention(at(4))).toBe(3100);
    const kept = (await bounded.changes({ ...window, limit: 5000 })).changes;
    expect(kept).toHaveLength(2400);
    expect(new Set(kept.map(c => c.generation))).toEqual(new Set([4, 5]));
    expect((await bounded.changes({ ...window, serviceArns: [arnOf('x1'), arnOf('y1')] })).changes).toEqual([]);
    expect((await bounded.changes({ ...window, serviceArns: [arnOf('z1'), arnOf('w1')] })).changes).toHaveLength(2);
  });
});
