/**
 * Runs as its own process and plays the backend: syncs the estate twice with
 * the plugin's reader (measured like any other estate), stores it, builds the
 * analyzed view and serves the plugin's router on loopback. The parent
 * measures it from outside: request latency under load, and this process's
 * memory once idle, reader caches included.
 *
 * Protocol on stdout/stdin: prints `sync <json>`, `analysis <json>`, then
 * `ready <port>`; on a line `rss` it collects garbage and prints
 * `rss <bytes> <heapUsed>`.
 */
import type { DatabaseService, HttpAuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createRouter } from '@ecs-net/plugin-ecs-networking-backend/src/router/createRouter';
import { NetworkService } from '@ecs-net/plugin-ecs-networking-backend/src/service/NetworkService';
import { SnapshotStore } from '@ecs-net/plugin-ecs-networking-backend/src/store/SnapshotStore';
import { ANNOTATIONS, DEFAULT_TAG_KEYS } from '@ecs-net/plugin-ecs-networking-common';
import type { CallCount } from '@ecs-net/aws-local';
import express from 'express';
import knexFactory from 'knex';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { benchAnalysis, EstateAccounts, measureSyncRuns } from './syncBench';

export interface BackendProcessInput {
  label: string;
  accounts: EstateAccounts;
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
  const endpointCalls = async () =>
    ((await (await fetch(`${process.env.AWS_ENDPOINT_URL}/_local/calls`)).json()) as { calls: CallCount[] })
      .calls;
  const { rows, snapshots } = await measureSyncRuns(input.label, input.accounts, endpointCalls);
  process.stdout.write(`sync ${JSON.stringify(rows)}\n`);
  process.stdout.write(`analysis ${JSON.stringify(benchAnalysis(snapshots))}\n`);
  const knex = knexFactory({ client: 'better-sqlite3', connection: ':memory:', useNullAsDefault: true });
  const database: DatabaseService = { getClient: async () => knex };
  const store = await SnapshotStore.create(database);
  for (const snapshot of snapshots) {
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
