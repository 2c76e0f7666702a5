import type { DatabaseService, HttpAuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATIONS, ScopeSnapshot, DEFAULT_TAG_KEYS } from '@ecs-net/plugin-ecs-networking-common';
import { createRouter } from '@ecs-net/plugin-ecs-networking-backend/src/router/createRouter';
import { NetworkService } from '@ecs-net/plugin-ecs-networking-backend/src/service/NetworkService';
import { SnapshotStore } from '@ecs-net/plugin-ecs-networking-backend/src/store/SnapshotStore';
import express from 'express';
import knexFactory from 'knex';
import type { AddressInfo } from 'node:net';
import { percentile } from './percentiles';

export interface ApiMeasurement {
  route: string;
  requests: number;
  concurrency: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
}

// The router's auth and catalog are Backstage services; the benchmark
// measures the plugin's own work, so these answer at once.
const httpAuth = {
  credentials: async () => ({
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef: 'user:default/bench' },
  }),
} as unknown as HttpAuthService;

function catalogFor(arnByName: Map<string, string>): CatalogService {
  return {
    getEntityByRef: async (ref: { name: string }) => {
      const arn = arnByName.get(ref.name);
      return arn
        ? {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Resource',
            metadata: { name: ref.name, annotations: { [ANNOTATIONS.serviceArn]: arn } },
          }
        : undefined;
    },
  } as unknown as CatalogService;
}

async function load(
  base: string,
  paths: string[],
  requests: number,
  concurrency: number,
): Promise<Omit<ApiMeasurement, 'route'>> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const path = paths[next++ % paths.length];
        const started = performance.now();
        const response = await fetch(`${base}${path}`);
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
        if (!response.ok) errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    requests,
    concurrency,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[latencies.length - 1] ?? 0,
    errors,
  };
}

/**
 * Serves the plugin's real router over loopback from a store holding the
 * given snapshots, and measures ownership lookups and entity-network reads
 * under concurrent clients.
 */
export async function benchApi(
  snapshots: ScopeSnapshot[],
  options: { requests: number; concurrency: number },
): Promise<{ rows: ApiMeasurement[]; network: NetworkService }> {
  const knex = knexFactory({ client: 'better-sqlite3', connection: ':memory:', useNullAsDefault: true });
  const database: DatabaseService = { getClient: async () => knex };
  const store = await SnapshotStore.create(database);
  for (const snapshot of snapshots) {
    await store.saveSuccess(snapshot, { calls: {}, durationMs: 0 });
  }
  const network = new NetworkService(store, DEFAULT_TAG_KEYS);
  await network.current();

  const services = snapshots.flatMap(s => s.services);
  const arnByName = new Map(services.map((s, i) => [`svc-${i}`, s.arn]));
  const app = express();
  app.use('/api/ecs-networking', createRouter({ network, catalog: catalogFor(arnByName), httpAuth }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise(resolve => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/ecs-networking`;

  const queries = services.flatMap((s, i) =>
    i % 3 === 0 ? [s.taskIps[0] ?? s.name] : i % 3 === 1 ? [s.name] : [s.arn],
  );
  const view = await network.current();
  queries.push(...view.model.endpoints.slice(0, 2000).map(e => e.name));
  const lookupPaths = queries.map(q => `/lookup?q=${encodeURIComponent(q)}`);
  const entityPaths = [...arnByName.keys()].map(name => `/entities/default/resource/${name}`);
  try {
    const rows: ApiMeasurement[] = [
      { route: 'GET /lookup', ...(await load(base, lookupPaths, options.requests, options.concurrency)) },
      { route: 'GET /entities/…', ...(await load(base, entityPaths, options.requests, options.concurrency)) },
    ];
    return { rows, network };
  } finally {
    server.close();
    await knex.destroy();
  }
}
