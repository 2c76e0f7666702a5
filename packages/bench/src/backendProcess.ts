/**
 * Runs as its own process and plays the backend: reads the estate with the
 * plugin's reader, stores it, builds the analyzed view and serves the
 * plugin's router on loopback. The parent measures it from outside: request
 * latency under load, and this process's memory once idle.
 *
 * Protocol on stdout/stdin: prints `ready <port>`; on a line `rss` it
 * collects garbage and prints `rss <bytes> <heapUsed>`.
 */
import type { DatabaseService, HttpAuthService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { ScopeReader } from '@ecs-net/plugin-ecs-networking-backend';
import { createRouter } from '@ecs-net/plugin-ecs-networking-backend/src/router/createRouter';
import { NetworkService } from '@ecs-net/plugin-ecs-networking-backend/src/service/NetworkService';
import { SnapshotStore } from '@ecs-net/plugin-ecs-networking-backend/src/store/SnapshotStore';
import { ANNOTATIONS, DEFAULT_TAG_KEYS, retainReferences } from '@ecs-net/plugin-ecs-networking-common';
import express from 'express';
import knexFactory from 'knex';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';

export interface BackendProcessInput {
  accounts: Array<{ accountId: string; accessKeyId: string; secretAccessKey: string; regions: string[] }>;
}

// Auth and catalog are other Backstage services; here they answer at once so
// the measurement is of this plugin's work.
const httpAuth = {
  credentials: async () => ({
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef: 'user:default/bench' },
  }),
} as unknown as HttpAuthService;

async function main() {
  const input: BackendProcessInput = JSON.parse(process.env.BENCH_BACKEND_INPUT!);
  const credentials = DefaultAwsCredentialsManager.fromConfig(
    new ConfigReader({ aws: { accounts: input.accounts.map(({ regions: _r, ...a }) => a) } }),
  );
  const reader = new ScopeReader({ credentials, quotaShare: 1, concurrency: 8 });
  const results = await Promise.all(
    input.accounts.flatMap(a => a.regions.map(region => reader.read({ accountId: a.accountId, region }))),
  );
  const fresh = results.flatMap(r => r.snapshot ?? []);
  const knex = knexFactory({ client: 'better-sqlite3', connection: ':memory:', useNullAsDefault: true });
  const database: DatabaseService = { getClient: async () => knex };
  const store = await SnapshotStore.create(database);
  for (const snapshot of retainReferences(fresh, fresh)) {
    await store.saveSuccess(snapshot, { calls: {}, durationMs: 0 });
  }
  const network = new NetworkService(store, DEFAULT_TAG_KEYS);
  const view = await network.current();

  // Entities are named svc-<n>; the stand-in catalog maps them to services.
  const arns = view.model.services.map(s => s.arn);
  const catalog = {
    getEntityByRef: async (ref: { name: string }) => {
      const arn = arns[Number(ref.name.slice(4))];
      return arn
        ? {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Resource',
            metadata: { name: ref.name, annotations: { [ANNOTATIONS.serviceArn]: arn } },
          }
        : undefined;
    },
  } as unknown as CatalogService;

  const app = express();
  app.use('/api/ecs-networking', createRouter({ network, catalog, httpAuth }));
  const server = app.listen(0, '127.0.0.1', () => {
    process.stdout.write(`ready ${(server.address() as AddressInfo).port}\n`);
  });
  createInterface({ input: process.stdin }).on('line', line => {
    if (line.trim() !== 'rss') return;
    (globalThis as { gc?: () => void }).gc?.();
    const usage = process.memoryUsage();
    process.stdout.write(`rss ${usage.rss} ${usage.heapUsed}\n`);
  });
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
