import type { DatabaseService, LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_TAG_KEYS } from '@ecs-net/plugin-ecs-networking-common';
import express from 'express';
import { DEMO_SCOPES, demoAwsConfig, syntheticAwsConfig } from '@ecs-net/aws-local';
import knexFactory, { Knex } from 'knex';
import { createEcsNetworkingEngine } from '../createEcsNetworkingEngine';
import type { SnapshotStore } from '../store/SnapshotStore';
import type { HistoryStore } from '../history/HistoryStore';
import { createRouter } from '../router/createRouter';
import { NetworkService } from '../service/NetworkService';

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
  const { sync, store, history } = await createEcsNetworkingEngine({
    config: new ConfigReader(configData),
    database,
    logger,
  });
  return { sync, store, history, logger };
}

/** A Component entity as a catalog holds it, for the demo services that link to it by tag. */
export function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  };
}

/**
 * The plugin's API over what an engine stored, as a fresh replica serves it:
 * a new view, so no cached one hides a write.
 */
export function servedApi(
  engine: { store: SnapshotStore; history: HistoryStore },
  catalog: CatalogService = catalogServiceMock(),
): express.Express {
  return express().use(
    createRouter({
      network: new NetworkService(engine.store, DEFAULT_TAG_KEYS),
      history: engine.history,
      defaultOwner: 'group:default/unknown',
      catalog,
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
    }),
  );
}
