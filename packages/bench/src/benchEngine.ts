/**
 * The plugin's sync engine, store and router as a backend runs them, for the
 * backend-like benchmark processes (`backendProcess.ts`, `soakProcess.ts`),
 * with the other Backstage services they need answering at once, so what is
 * measured is this plugin's work.
 */
import type {
  DatabaseService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { createEcsNetworkingEngine, EcsNetworkingEngine } from '@ecs-net/plugin-ecs-networking-backend';
import knexFactory, { Knex } from 'knex';
import v8 from 'node:v8';
import type { EstateAccounts } from './syncBench';

export const httpAuth = {
  credentials: async () => ({
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef: 'user:default/bench' },
  }),
} as unknown as HttpAuthService;

export const permissions = {
  authorize: async (requests: unknown[]) => requests.map(() => ({ result: 'ALLOW' })),
} as unknown as PermissionsService;

export const silentLogger: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => silentLogger,
};

/** In bytes. @internal */
export interface MemoryReading {
  rss: number;
  heapUsed: number;
  /** Highest RSS of the process so far. */
  peakRss: number;
  /**
   * Where RSS beyond the live heap sits, to tell a leak from a pool: V8's
   * committed heap (of which its new space), and memory outside the heap
   * that JavaScript objects hold (buffers, native handles).
   */
  heapCommitted: number;
  newSpace: number;
  external: number;
}

type GcOptions = { type: 'major'; execution: 'sync'; flavor: 'last-resort' };

/**
 * Memory as a backend holds it between syncs. Right after a burst of work,
 * RSS still counts V8's new space grown to its largest and the pages V8
 * freed but keeps pooled for reuse; some seconds into an idle spell its
 * memory reducer hands these back by itself (at 10,000 services, polled
 * without any call from here: 483 → 343 MB 17 s after the sync, 503 → 367 MB
 * 9 s after the API load). The same memory-reducing collection (V8's
 * `last-resort` flavour) is run here at once, so no reading waits on a
 * timer. The peak is reported beside it: it is what a memory limit must
 * allow.
 */
export function readMemory(): MemoryReading {
  (globalThis as { gc?: (options: GcOptions) => void }).gc?.({
    type: 'major',
    execution: 'sync',
    flavor: 'last-resort',
  });
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  const newSpace = v8.getHeapSpaceStatistics().find(space => space.space_name === 'new_space')?.space_size ?? 0;
  return { rss, heapUsed, peakRss: process.resourceUsage().maxRSS * 1024, heapCommitted: heapTotal, newSpace, external };
}

/** The plugin's engine, and the database it keeps its store and history in. */
export interface BenchEngine extends EcsNetworkingEngine {
  knex: Knex;
}

/**
 * The plugin's engine over a SQLite store, reading the estate at 100% of each
 * quota. The store is in memory unless `sqliteFile` names a file.
 */
export async function createBenchEngine(
  accounts: EstateAccounts,
  logger: LoggerService = silentLogger,
  sqliteFile?: string,
): Promise<BenchEngine> {
  const config = new ConfigReader({
    aws: {
      accounts: accounts.map(a => ({
        accountId: a.accountId,
        accessKeyId: a.key.id,
        secretAccessKey: a.key.secret,
      })),
    },
    ecsNetworking: {
      accounts: accounts.map(a => ({ accountId: a.accountId, regions: a.regions })),
      // Measure how close the reader gets to the quota itself.
      quotaShare: 1,
      concurrency: 8,
    },
  });
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: sqliteFile ?? ':memory:',
    useNullAsDefault: true,
  });
  const database: DatabaseService = { getClient: async () => knex };
  return { ...(await createEcsNetworkingEngine({ config, database, logger })), knex };
}
