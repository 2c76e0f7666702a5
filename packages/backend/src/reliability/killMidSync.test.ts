import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BackendProcess,
  BackendSettings,
  CatalogEntity,
} from './BackendProcess';
import {
  DEMO_SCOPES,
  DEMO_SERVICES,
  NetworkBody,
  report,
  SnapshotsBody,
  StatusBody,
} from './ecsNetworkingApi';
import { describeReliability, reliabilityTitle } from './gate';
import { LocalAwsProcess } from './LocalAwsProcess';
import { STARTUP_TIMEOUT_MS } from './NodeProcess';
import { STEP_TIMEOUT_MS, TEST_TIMEOUT_MS, waitFor } from './waitFor';

/**
 * A run that dies holds the scheduler's lock until its timeout has passed and
 * a janitor pass (every minute) frees it; the next run waits for that.
 */
const SYNC = { frequency: 'PT5S', timeout: 'PT10S' };
const LOCK_RELEASE_MS = 10_000 + 60_000;
/** Answers slowed down so a sync spans seconds, and a kill lands inside one. */
const LATENCY_MS = 500;
/** AWS calls answered in one sync before the kill: well past its start, far from its end (~50). */
const CALLS_BEFORE_KILL = 8;

describeReliability(
  reliabilityTitle('a backend killed in the middle of a sync (SQLite files)'),
  () => {
    let dir: string;
    let localAws: LocalAwsProcess | undefined;
    const backends: BackendProcess[] = [];

    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'ecsnet-kill-'));
      localAws = await LocalAwsProcess.start();
    }, STARTUP_TIMEOUT_MS + STEP_TIMEOUT_MS);

    afterAll(async () => {
      await Promise.all(backends.map(b => b.kill()));
      await localAws?.stop();
      rmSync(dir, { recursive: true, force: true });
    }, 30_000);

    it(
      'completes the next run after a restart, keeps every entity once, and leaves the store consistent',
      async () => {
        const aws = localAws!;
        const settings: BackendSettings = {
          label: 'backend',
          dir,
          localAws: aws,
          database: {
            client: 'better-sqlite3',
            connection: { directory: path.join(dir, 'db') },
          },
          sync: SYNC,
        };
        const first = await BackendProcess.start(settings);
        backends.push(first);
        const context = first.child.waitOptions();

        // A first full sync, published and processed by the catalog.
        await waitFor('first sync', () => first.syncs().length > 0, {
          timeoutMs: STEP_TIMEOUT_MS,
          ...context,
        });
        const published = await waitFor(
          'catalog publish',
          () => first.published()[0],
          {
            timeoutMs: STEP_TIMEOUT_MS,
            ...context,
          },
        );
        const before = await waitFor(
          'entities processed',
          async () => {
            const entities = await first.ecsEntities();
            return entities.length === published && entities;
          },
          { timeoutMs: STEP_TIMEOUT_MS, intervalMs: 1000, ...context },
        );
        const networkBefore = await first.api<NetworkBody>(
          '/api/ecs-networking/network',
        );

        // Slow AWS down, wait until a sync is well under way, and kill -9.
        await aws.setFaults({ latencyMs: LATENCY_MS });
        let base = {
          syncs: first.syncs().length,
          calls: await aws.readCalls(),
        };
        await waitFor(
          'a sync in progress',
          async () => {
            const now = {
              syncs: first.syncs().length,
              calls: await aws.readCalls(),
            };
            if (now.syncs !== base.syncs) {
              // A sync that began before the slowdown just ended: watch the next.
              base = now;
              return false;
            }
            return now.calls - base.calls >= CALLS_BEFORE_KILL;
          },
          { timeoutMs: STEP_TIMEOUT_MS, intervalMs: 100, ...context },
        );
        const { generation: generationAtKill } = await first.api<StatusBody>(
          '/api/ecs-networking/status',
        );
        const killedAt = Date.now();
        await first.kill();
        // The sync whose calls were counted never finished.
        expect(first.syncs()).toHaveLength(base.syncs);

        await aws.setFaults({ latencyMs: 0 });
        const second = await BackendProcess.start({
          ...settings,
          label: 'restarted',
        });
        backends.push(second);
        const restartContext = second.child.waitOptions();

        // Before any new run: the catalog and the store are as the last good run left them.
        expect(await second.ecsEntities()).toEqual(before);
        const statusAtRestart = await second.api<StatusBody>(
          '/api/ecs-networking/status',
        );
        expect(statusAtRestart.scopes).toHaveLength(DEMO_SCOPES);
        expect(
          statusAtRestart.scopes.reduce((n, s) => n + s.counts.services, 0),
        ).toBe(DEMO_SERVICES);

        // The next run completes, within the time the dead run's lock is held.
        const [recovered] = await waitFor(
          'a sync after the restart',
          () => second.syncs().length > 0 && second.syncs(),
          {
            timeoutMs: LOCK_RELEASE_MS + 60_000,
            ...restartContext,
          },
        );
        expect(recovered).toMatchObject({
          scopesOk: DEMO_SCOPES,
          scopes: DEMO_SCOPES,
          services: DEMO_SERVICES,
        });

        // The store: one snapshot per scope, every scope fresh from that run, generation advanced.
        const status = await second.api<StatusBody>(
          '/api/ecs-networking/status',
        );
        expect(status.generation).toBeGreaterThan(generationAtKill);
        expect(status.scopes).toHaveLength(DEMO_SCOPES);
        for (const scope of status.scopes) {
          expect(scope).toMatchObject({ consecutiveFailures: 0, stale: false });
          expect(Date.parse(scope.lastSuccessAt!)).toBeGreaterThan(killedAt);
        }
        const snapshots = await second.api<SnapshotsBody>(
          '/api/ecs-networking/snapshots?limit=100',
        );
        expect(snapshots.total).toBe(DEMO_SCOPES);
        expect(
          new Set(snapshots.items.map(s => `${s.accountId}/${s.region}`)).size,
        ).toBe(DEMO_SCOPES);
        const networkAfter = await second.api<NetworkBody>(
          '/api/ecs-networking/network',
        );
        expect(networkAfter.services.map(s => s.arn).sort()).toEqual(
          networkBefore.services.map(s => s.arn).sort(),
        );

        // The catalog: after the restarted module applies the new run, the same
        // entities, the same uids (never deleted and re-created), each service once.
        await waitFor(
          'catalog publish after the restart',
          () => second.published().length > 0,
          {
            timeoutMs: STEP_TIMEOUT_MS,
            ...restartContext,
          },
        );
        const after: CatalogEntity[] = await second.ecsEntities();
        expect(after).toEqual(before);
        const arns = after.flatMap(e => (e.serviceArn ? [e.serviceArn] : []));
        expect(new Set(arns).size).toBe(arns.length);
        expect(arns).toHaveLength(DEMO_SERVICES);

        report({
          case: 'kill mid-sync',
          backendStartMs: first.startupMs,
          restartMs: second.startupMs,
          killToNextCompletedSyncMs: recovered.endedAt - killedAt,
          entitiesBefore: before.length,
          entitiesAfter: after.length,
          generationAtKill,
          generationAfter: status.generation,
        });
      },
      TEST_TIMEOUT_MS,
    );
  },
);
