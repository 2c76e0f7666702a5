/**
 * Runs as its own process and plays the backend: syncs the estate twice with
 * the plugin's sync engine and store (each run measured like any other
 * estate's), builds the analyzed view and serves the plugin's router on
 * loopback. The parent measures it from outside: request latency under load,
 * and this process's memory once idle, reader caches included.
 *
 * Protocol on stdout/stdin, in this order: `memory idle <json>` before
 * anything is read, `sync <json>`, `memory synced <json>` once the view is
 * built, `analysis <json>`, then `ready <port>`; on a line `rss` it prints
 * `memory loaded <json>` (see `readMemory`); on a line `history` it records
 * the input's hours of churn and prints `history <json>` (`benchHistory`),
 * after the memory readings, so they are a backend's without that history.
 */
import type { SnapshotStore } from '@ecs-net/plugin-ecs-networking-backend';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATIONS } from '@ecs-net/plugin-ecs-networking-common';
import type { CallCount } from '@ecs-net/aws-local';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { createBenchEngine, httpAuth, permissions, readMemory } from './benchEngine';
import { benchHistory } from './historyBench';
import { benchAnalysis, EstateAccounts, measureSyncRuns, SyncRun } from './syncBench';

export interface BackendProcessInput {
  label: string;
  accounts: EstateAccounts;
  /** Hours of churn the history records. */
  historyHours: number;
  /** Services whose `/changes` and `/blast-radius` are loaded. */
  historyTargets: number;
}

/**
 * The plugin keeps its sync engine, with the reader's task definition cache,
 * for the life of the backend; this process holds it as long, so it is
 * measured.
 */
const heldForProcessLifetime = new Set<object>();

/** Analysis and lookup-index timings, after the memory reading. */
async function analysisOf(store: SnapshotStore) {
  const snapshots = (await store.list()).flatMap(s => s.snapshot ?? []);
  return benchAnalysis(snapshots);
}

function reportMemory(stage: 'idle' | 'synced' | 'loaded') {
  process.stdout.write(`memory ${stage} ${JSON.stringify(readMemory())}\n`);
}

/**
 * Syncs twice with the plugin's sync engine, store and view, as the plugin
 * runs them; snapshots are read back one at a time for the call bound.
 */
async function syncAsThePluginDoes(input: BackendProcessInput) {
  const engine = await createBenchEngine(input.accounts);
  const { store } = engine;
  heldForProcessLifetime.add(engine);
  const endpointCalls = async () =>
    ((await (await fetch(`${process.env.AWS_ENDPOINT_URL}/_local/calls`)).json()) as { calls: CallCount[] })
      .calls;
  const sync = async (): Promise<SyncRun> => {
    const result = await engine.sync.run();
    const byOperation: Record<string, number> = {};
    for (const scope of result.scopes) {
      for (const [op, n] of Object.entries(scope.calls)) byOperation[op] = (byOperation[op] ?? 0) + n;
    }
    return {
      byOperation,
      failedScopes: result.scopes.filter(scope => !scope.ok).length,
      forEachSnapshot: async visit => {
        for (let offset = 0; ; offset++) {
          const page = await store.page(offset, 1);
          page.items.forEach(visit);
          if (offset + 1 >= page.total) return;
        }
      },
    };
  };
  const rows = await measureSyncRuns(input.label, sync, endpointCalls);
  return { rows, engine };
}

async function main() {
  const input: BackendProcessInput = JSON.parse(process.env.BENCH_BACKEND_INPUT!);
  reportMemory('idle');
  const { rows, engine } = await syncAsThePluginDoes(input);
  process.stdout.write(`sync ${JSON.stringify(rows)}\n`);
  const view = await engine.network.current();
  reportMemory('synced');
  process.stdout.write(`analysis ${JSON.stringify(await analysisOf(engine.store))}\n`);

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
  app.use('/api/ecs-networking', engine.router({ catalog, httpAuth, permissions }));
  const server = app.listen(0, '127.0.0.1', () => {
    process.stdout.write(`ready ${(server.address() as AddressInfo).port}\n`);
  });
  createInterface({ input: process.stdin }).on('line', async line => {
    if (line.trim() === 'rss') reportMemory('loaded');
    if (line.trim() === 'history') {
      const history = await benchHistory(engine, input.label, {
        hours: input.historyHours,
        targets: input.historyTargets,
      });
      process.stdout.write(`history ${JSON.stringify(history)}\n`);
    }
  });
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
