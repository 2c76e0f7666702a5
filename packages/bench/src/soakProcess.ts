/**
 * The backend of the soak (`soakBench.ts`), in its own process: the
 * plugin's sync engine, store, view and router, syncing on a short schedule
 * for as long as the soak runs, while the parent changes the estate and
 * loads the API.
 *
 * Protocol on stdout: `listening <port>` once the API is up, before the
 * first sync; `sync <json>` after every sync (its duration, failed scopes,
 * services, and memory after V8's memory-reducing GC); on a line `stop` it
 * lets the sync in progress finish, prints `stopped` and exits.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createBenchEngine, httpAuth, permissions, readMemory, silentLogger } from './benchEngine';
import type { EstateAccounts } from './syncBench';

export interface SoakProcessInput {
  accounts: EstateAccounts;
  /** Pause between the end of one sync and the start of the next. */
  intervalMs: number;
}

/** What the soak learns of one sync. */
export interface SoakSync {
  index: number;
  /** Seconds since the first sync started. */
  startedAtSeconds: number;
  seconds: number;
  failedScopes: number;
  services: number;
  rssMb: number;
  heapMb: number;
  /** V8's committed heap, its new space, and memory held outside the heap (see `readMemory`). */
  heapCommittedMb: number;
  newSpaceMb: number;
  externalMb: number;
  /** Error lines the plugin logged during this sync. */
  loggedErrors: number;
  /** `<account>/<region> <error>` of every scope this sync could not read. */
  failures: string[];
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

async function main() {
  const input: SoakProcessInput = JSON.parse(process.env.BENCH_SOAK_INPUT!);
  let loggedErrors = 0;
  const logger: LoggerService = {
    ...silentLogger,
    error: () => {
      loggedErrors++;
    },
    child: () => logger,
  };
  // A store in memory holds each new generation beside the last while it is
  // written, and SQLite keeps the freed pages: that is the database's memory,
  // not the plugin's, and no production backend keeps its database in
  // memory. The soak keeps it in a file, as a deployment does (on PostgreSQL,
  // even outside the process), so RSS measures the plugin.
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsnet-soak-'));
  process.on('exit', () => fs.rmSync(directory, { recursive: true, force: true }));
  const engine = await createBenchEngine(input.accounts, logger, path.join(directory, 'soak.sqlite'));
  // Lookups need no catalog; entity routes are not part of the soak.
  const catalog = { getEntityByRef: async () => undefined } as unknown as CatalogService;

  let stopping = false;
  const stopRequested = new Promise<void>(resolve => {
    createInterface({ input: process.stdin }).on('line', line => {
      if (line.trim() !== 'stop') return;
      stopping = true;
      resolve();
    });
  });
  const pause = (ms: number) =>
    Promise.race([stopRequested, new Promise(resolve => setTimeout(resolve, ms))]);

  // Mounted and answering before the first sync, as a backend serves its
  // routes from startup, so the first reading already holds the server. It
  // does not hold what later lookups warm up: before the first sync they
  // find nothing (the README's soak section has the step that remains).
  const app = express();
  app.use('/api/ecs-networking', engine.router({ catalog, httpAuth, permissions }));
  const server = await new Promise<ReturnType<typeof app.listen>>(resolve => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);

  const origin = performance.now();
  for (let index = 0; !stopping; index++) {
    const started = performance.now();
    loggedErrors = 0;
    const result = await engine.sync.run();
    // The view the API serves is rebuilt from the new generation, as the
    // first request after a sync would.
    await engine.network.current();
    const memory = readMemory();
    const sync: SoakSync = {
      index,
      startedAtSeconds: (started - origin) / 1000,
      seconds: (performance.now() - started) / 1000,
      failedScopes: result.scopes.filter(scope => !scope.ok).length,
      services: result.scopes.reduce((n, scope) => n + scope.services, 0),
      rssMb: mb(memory.rss),
      heapMb: mb(memory.heapUsed),
      heapCommittedMb: mb(memory.heapCommitted),
      newSpaceMb: mb(memory.newSpace),
      externalMb: mb(memory.external),
      loggedErrors,
      failures: result.scopes.flatMap(scope =>
        scope.ok ? [] : [`${scope.accountId}/${scope.region} ${scope.error}`],
      ),
    };
    process.stdout.write(`sync ${JSON.stringify(sync)}\n`);
    await pause(input.intervalMs);
  }
  process.stdout.write('stopped\n');
  process.exit(0);
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
