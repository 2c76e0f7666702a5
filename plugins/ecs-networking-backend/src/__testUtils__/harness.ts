import type { DatabaseService, LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { DEMO_SCOPES, demoAwsConfig, syntheticAwsConfig } from '@ecs-net/aws-local';
import knexFactory, { Knex } from 'knex';
import { createEcsNetworkingEngine } from '../createEcsNetworkingEngine';
import type { SnapshotStore } from '../store/SnapshotStore';

/** Every line any logger (or child logger) wrote, for leak checks. */
export function recordingLogger(lines: string[] = []): LoggerService & { lines: string[] } {
  const write = (level: string) => (message: string, meta?: unknown) => {
    lines.push(`${level} ${message} ${meta ? JSON.stringify(meta) : ''}`);
  };
  const logger: LoggerService & { lines: string[] } = {
    lines,
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    debug: write('debug'),
    child: () => logger,
  };
  return logger;
}

const databases: Knex[] = [];

// An in-memory database's pool never empties, so its reaping timer runs
// until the pool is destroyed and would keep the test worker alive.
afterAll(() => Promise.all(databases.splice(0).map(knex => knex.destroy())));

export function sqliteDatabase(): DatabaseService {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  databases.push(knex);
  return { getClient: async () => knex };
}

/** Config data, as ConfigReader takes it. */
export type ConfigData = NonNullable<ConstructorParameters<typeof ConfigReader>[0]>;

/** The demo's app-config, minus what the test overrides. */
export function demoConfig(extra: ConfigData = {}) {
  return {
    aws: demoAwsConfig(),
    ecsNetworking: { accounts: DEMO_SCOPES, ...extra },
  };
}

/**
 * Config for synthetic accounts (`generateEstate`), each read with its own
 * access key, in the given regions.
 */
export function syntheticConfig(
  accountIds: string[],
  regions: string[],
  extra: ConfigData = {},
) {
  return {
    aws: syntheticAwsConfig(accountIds),
    ecsNetworking: {
      accounts: accountIds.map(accountId => ({ accountId, regions })),
      ...extra,
    },
  };
}

/** Stored service ARNs by `account/region`, to compare what a run kept. */
export async function storedServiceArns(store: SnapshotStore): Promise<Record<string, string[]>> {
  const stored = await store.list();
  return Object.fromEntries(
    stored.map(s => [
      `${s.status.accountId}/${s.status.region}`,
      (s.snapshot?.services ?? []).map(svc => svc.arn).sort(),
    ]),
  );
}

/**
 * The plugin's engine, wired as the plugin wires it. `database`: to sync with
 * another config over what an earlier engine stored (a redeploy).
 */
export async function createSync(
  configData: ConfigData = demoConfig(),
  database: DatabaseService = sqliteDatabase(),
) {
  const logger = recordingLogger();
  const { sync, store } = await createEcsNetworkingEngine({
    config: new ConfigReader(configData),
    database,
    logger,
  });
  return { sync, store, logger };
}
