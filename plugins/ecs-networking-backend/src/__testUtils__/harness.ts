import type { DatabaseService, LoggerService } from '@backstage/backend-plugin-api';
import { DeleteServiceCommand, ECSClient, ListServicesCommand } from '@aws-sdk/client-ecs';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { LocalAws, startLocalAws, LocalAwsOptions } from '@ecs-net/aws-local';
import knexFactory, { Knex } from 'knex';
import { readEcsNetworkingConfig } from '../config';
import { SnapshotStore } from '../store/SnapshotStore';
import { SyncEngine } from '../sync/SyncEngine';

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
    aws: {
      mainAccount: { accessKeyId: 'AKIADEMO111111111111', secretAccessKey: 'demo' },
      accounts: [{ accountId: '222222222222', roleName: 'ecs-networking-reader' }],
    },
    ecsNetworking: {
      accounts: [
        { accountId: '111111111111', regions: ['eu-west-1', 'us-east-1'] },
        { accountId: '222222222222', regions: ['eu-west-1', 'us-east-1'] },
      ],
      ...extra,
    },
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
    aws: {
      accounts: accountIds.map(accountId => ({
        accountId,
        accessKeyId: `AKIASYNT${accountId}`,
        secretAccessKey: 'synthetic',
      })),
    },
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
 * Deletes services of one cluster of the demo estate through the ECS API, as
 * someone would in AWS (all of them unless `names` are given). Returns the
 * names deleted.
 */
export async function deleteEcsServices(options: {
  accountId: string;
  region: string;
  cluster: string;
  names?: string[];
}): Promise<string[]> {
  const { accountId, region, cluster, names } = options;
  const ecs = new ECSClient({
    region,
    credentials: { accessKeyId: `AKIADEMO${accountId}`, secretAccessKey: 'demo' },
  });
  try {
    const { serviceArns = [] } = await ecs.send(new ListServicesCommand({ cluster, maxResults: 100 }));
    const deleted = serviceArns
      .map(arn => arn.split('/').pop()!)
      .filter(name => !names || names.includes(name));
    for (const service of deleted) {
      await ecs.send(new DeleteServiceCommand({ cluster, service, force: true }));
    }
    return deleted;
  } finally {
    ecs.destroy();
  }
}

/**
 * Starts the local endpoint and points the AWS SDK at it the way a user
 * would: through AWS_ENDPOINT_URL, nothing in product code.
 */
export async function startLocalEndpoint(options: LocalAwsOptions = {}): Promise<LocalAws> {
  const local = await startLocalAws(options);
  process.env.AWS_ENDPOINT_URL = local.url;
  process.env.AWS_REGION = 'eu-west-1';
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  return local;
}

/** `database`: to sync with another config over what an earlier engine stored (a redeploy). */
export async function createSync(
  configData: ConfigData = demoConfig(),
  database: DatabaseService = sqliteDatabase(),
) {
  const config = new ConfigReader(configData);
  const logger = recordingLogger();
  const store = await SnapshotStore.create(database);
  const sync = new SyncEngine({
    config: readEcsNetworkingConfig(config),
    credentials: DefaultAwsCredentialsManager.fromConfig(config),
    store,
    logger,
  });
  return { sync, store, logger };
}
