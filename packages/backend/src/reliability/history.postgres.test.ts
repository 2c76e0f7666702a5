import type {
  LifecycleService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { DatabaseManager } from '@backstage/backend-defaults/database';
import { ConfigReader } from '@backstage/config';
import {
  createEcsNetworkingEngine,
  EcsNetworkingEngine,
} from '@ecs-net/plugin-ecs-networking-backend';
import { describeReliability, reliabilityTitle } from './gate';
import { PostgresCluster } from './PostgresCluster';

type History = EcsNetworkingEngine['history'];
type Fact = Parameters<History['record']>[1][number];

const HOUR = 3600_000;
const T0 = Date.parse('2026-03-01T00:00:00Z');
const at = (hours: number) => new Date(T0 + hours * HOUR);
const window = {
  since: at(-1).toISOString(),
  until: at(100).toISOString(),
  limit: 100,
};

const arnOf = (name: string) =>
  `arn:aws:ecs:eu-west-1:111122223333:service/main/${name}`;

function service(name: string, desiredCount = 2): Fact {
  return {
    kind: 'service',
    key: arnOf(name),
    label: name,
    accountId: '111122223333',
    region: 'eu-west-1',
    attributes: { desiredCount: String(desiredCount) },
    serviceArns: [arnOf(name)],
    entityRefs: [`component:default/${name}`],
  };
}

function edge(from: string, to: string): Fact {
  return {
    kind: 'edge',
    key: `${arnOf(from)} sc:${to}`,
    label: `${from} → ${to}`,
    accountId: '111122223333',
    region: 'eu-west-1',
    attributes: { mechanism: 'service-connect', to },
    serviceArns: [arnOf(from), arnOf(to)].sort(),
    entityRefs: [`component:default/${from}`, `component:default/${to}`],
  };
}

const silent: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => silent,
};

/**
 * The plugin's engine as one backend replica runs it: its own database
 * manager and connection pool over the shared PostgreSQL.
 */
async function replica(
  postgres: PostgresCluster,
  shutdown: Array<() => void | Promise<void>>,
): Promise<History> {
  const config = new ConfigReader({
    backend: {
      database: { client: 'pg', connection: postgres.connection },
    },
  });
  const lifecycle = {
    addStartupHook() {},
    addShutdownHook(hook: () => void | Promise<void>) {
      shutdown.push(hook);
    },
  } as unknown as LifecycleService;
  const database = DatabaseManager.fromConfig(config).forPlugin(
    'ecs-networking',
    { logger: silent, lifecycle },
  );
  shutdown.push(async () => (await database.getClient()).destroy());
  // The engine runs the plugin's migrations before anything is stored.
  const engine = await createEcsNetworkingEngine({
    config,
    database,
    logger: silent,
  });
  return engine.history;
}

const described = (changes: Array<{ action: string; label: string }>) =>
  changes.map(c => `${c.action} ${c.label}`);

describeReliability(reliabilityTitle('network history on PostgreSQL'), () => {
  let postgres: PostgresCluster | undefined;
  const shutdown: Array<() => void | Promise<void>> = [];

  beforeAll(async () => {
    postgres = await PostgresCluster.start();
  }, 120_000);

  afterAll(async () => {
    for (const hook of shutdown) await hook();
    postgres?.stop();
  }, 60_000);

  it('records generations and serves their changes; two replicas recording one generation at once leave one set', async () => {
    // One after the other, as backends start: the first migrates.
    const a = await replica(postgres!, shutdown);
    const b = await replica(postgres!, shutdown);

    expect(await a.record(1, [service('orders')], 'sync', at(0))).toEqual([]);
    const second = await b.record(
      2,
      [service('orders', 0), service('web'), edge('web', 'orders')],
      'events',
      at(1),
    );
    expect(described(second!)).toEqual([
      'changed orders',
      'added web',
      'added web → orders',
    ]);

    // Each generation recorded by both replicas at once, as two backends
    // finishing the same sync would: one records it, the other leaves it.
    const generations = [
      [service('orders', 3), service('web'), edge('web', 'orders')],
      [service('orders', 3), service('web', 4)],
      [service('orders', 3), service('web', 4), service('billing')],
      [service('orders', 1), service('billing'), edge('billing', 'orders')],
    ];
    for (const [i, facts] of generations.entries()) {
      const generation = 3 + i;
      const results = await Promise.all([
        a.record(generation, facts, 'sync', at(generation)),
        b.record(generation, facts, 'sync', at(generation)),
      ]);
      expect(results.filter(r => r !== undefined)).toHaveLength(1);
      const { changes } = await a.changes({
        ...window,
        since: at(generation).toISOString(),
        until: at(generation).toISOString(),
      });
      expect(described(changes)).toEqual(
        described(results.find(r => r !== undefined)!),
      );
    }

    // Two generations at once: whichever order they commit in, the stored
    // facts end as the later one's, and the next generation diffs against it.
    const [seventh, eighth] = await Promise.all([
      a.record(
        7,
        [
          service('orders', 1),
          service('billing', 5),
          edge('billing', 'orders'),
        ],
        'sync',
        at(7),
      ),
      b.record(
        8,
        [
          service('orders', 1),
          service('billing', 6),
          edge('billing', 'orders'),
        ],
        'sync',
        at(8),
      ),
    ]);
    expect(eighth).toBeDefined();
    // The seventh is recorded if it came first, else left alone.
    expect([undefined, ['changed billing']]).toContainEqual(
      seventh && described(seventh),
    );
    const ninth = await a.record(9, [service('orders', 1)], 'sync', at(9));
    expect(described(ninth!)).toEqual([
      'removed billing',
      'removed billing → orders',
    ]);
    expect(ninth![0].attributes).toEqual([
      { name: 'desiredCount', before: '6' },
    ]);

    const { changes: all, truncated } = await b.changes({
      ...window,
      until: at(6).toISOString(),
    });
    expect(truncated).toBe(false);
    expect(all.map(c => [c.generation, c.action, c.label])).toEqual([
      [6, 'changed', 'orders'],
      [6, 'removed', 'web'],
      [6, 'added', 'billing → orders'],
      [5, 'added', 'billing'],
      [4, 'changed', 'web'],
      [4, 'removed', 'web → orders'],
      [3, 'changed', 'orders'],
      [2, 'changed', 'orders'],
      [2, 'added', 'web'],
      [2, 'added', 'web → orders'],
    ]);
    expect(all.find(c => c.generation === 2)).toMatchObject({
      trigger: 'events',
      at: at(1).toISOString(),
      attributes: [{ name: 'desiredCount', before: '2', after: '0' }],
    });
    // The changes of one service, as `GET /changes?entityRef=` asks for them.
    const ofWeb = await a.changes({ ...window, serviceArns: [arnOf('web')] });
    expect(ofWeb.changes.map(c => [c.generation, c.label])).toEqual([
      [6, 'web'],
      [4, 'web'],
      [4, 'web → orders'],
      [2, 'web'],
      [2, 'web → orders'],
    ]);
  }, 120_000);
});
