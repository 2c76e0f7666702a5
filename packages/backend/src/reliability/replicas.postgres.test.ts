import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BackendProcess } from './BackendProcess';
import {
  DEMO_SCOPES,
  DEMO_SERVICES,
  NetworkBody,
  report,
  StatusBody,
} from './ecsNetworkingApi';
import { describeReliability, reliabilityTitle } from './gate';
import { LocalAwsProcess } from './LocalAwsProcess';
import { STARTUP_TIMEOUT_MS } from './NodeProcess';
import { PostgresCluster } from './PostgresCluster';
import { SyncLine } from './syncLog';
import { sleep, STEP_TIMEOUT_MS, TEST_TIMEOUT_MS, waitFor } from './waitFor';

const CADENCE_MS = 3_000;
const SYNC = { frequency: 'PT3S', timeout: 'PT10S' };
/** A run that dies holds the lock until its timeout and a janitor pass (every minute). */
const LOCK_RELEASE_MS = 10_000 + 60_000;
/** Slows each sync to about half the cadence, so two schedulers would overlap. */
const LATENCY_MS = 100;
const WINDOW_MS = 30_000;
/** Log timestamps and durations are whole milliseconds. */
const ROUNDING_MS = 2;

/** Pairs of syncs whose runs overlap in time, whichever replica ran them. */
function overlaps(syncs: SyncLine[]): Array<[SyncLine, SyncLine]> {
  const sorted = [...syncs].sort((x, y) => x.startedAt - y.startedAt);
  return sorted.flatMap((s, i) =>
    i > 0 && s.startedAt < sorted[i - 1].endedAt - ROUNDING_MS
      ? [[sorted[i - 1], s] as [SyncLine, SyncLine]]
      : [],
  );
}

describeReliability(
  reliabilityTitle('two backends sharing one PostgreSQL'),
  () => {
    let dir: string;
    let postgres: PostgresCluster | undefined;
    let localAws: LocalAwsProcess | undefined;
    const replicas: BackendProcess[] = [];

    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'ecsnet-replicas-'));
      postgres = await PostgresCluster.start();
      localAws = await LocalAwsProcess.start();
    }, STARTUP_TIMEOUT_MS + STEP_TIMEOUT_MS);

    afterAll(async () => {
      await Promise.all(replicas.map(r => r.kill()));
      await localAws?.stop();
      postgres?.stop();
      rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    it(
      'runs each sync on one replica at a time, serves the same data from both, and keeps syncing when one dies',
      async () => {
        const aws = localAws!;
        const settings = (label: string) => ({
          label,
          dir,
          localAws: aws,
          database: { client: 'pg', connection: postgres!.connection },
          sync: SYNC,
        });
        // One after the other: on an empty database, Backstage's own auth and
        // catalog plugins race creating their tables when two backends start at once.
        const a = await BackendProcess.start(settings('replica-a'));
        replicas.push(a);
        const b = await BackendProcess.start(settings('replica-b'));
        replicas.push(b);
        const context = {
          context: () => `${a.child.tail(20)}\n${b.child.tail(20)}`,
        };

        await aws.setFaults({ latencyMs: LATENCY_MS });
        const windowStart = Date.now();
        await sleep(WINDOW_MS);

        // Between two runs, every AWS call the endpoint answered belongs to a
        // sync one of the replicas logged. The last run's log line may still
        // be on its way through the pipe (long, on a loaded machine): the
        // moment counts once the logged calls have caught up with the
        // endpoint's, with no run in between. Calls made outside a logged
        // sync never let them catch up, and the wait fails.
        const logged = () =>
          [...a.syncs(), ...b.syncs()].reduce((n, s) => n + s.calls, 0);
        const quiet = await waitFor(
          'a moment between two syncs whose logged calls are all the endpoint saw',
          async () => {
            const before = await a.syncTaskState();
            if (before.status !== 'idle') return false;
            const calls = await aws.readCalls();
            const after = await a.syncTaskState();
            return (
              after.status === 'idle' &&
              after.lastRunEndedAt === before.lastRunEndedAt &&
              logged() >= calls && { calls, logged: logged(), at: Date.now() }
            );
          },
          { timeoutMs: STEP_TIMEOUT_MS, intervalMs: 100, ...context },
        );
        const syncs = [...a.syncs(), ...b.syncs()];
        expect(overlaps(syncs)).toEqual([]);
        expect(quiet.logged).toBe(quiet.calls);
        expect(
          syncs.every(
            s => s.scopesOk === DEMO_SCOPES && s.services === DEMO_SERVICES,
          ),
        ).toBe(true);
        // One scheduler's worth of runs: planned starts are a cadence apart.
        const inWindow = syncs.filter(
          s => s.startedAt >= windowStart && s.endedAt <= quiet.at,
        );
        expect(inWindow.length).toBeLessThanOrEqual(
          Math.floor((quiet.at - windowStart) / CADENCE_MS) + 2,
        );
        expect(inWindow.length).toBeGreaterThanOrEqual(3);

        // Both replicas answer with the same data.
        const fromBoth = <T extends { generation: number }>(route: string) =>
          waitFor(
            `${route} at one generation from both replicas`,
            async () => {
              const [x, y] = await Promise.all([
                a.api<T>(route),
                b.api<T>(route),
              ]);
              return x.generation === y.generation && [x, y];
            },
            { timeoutMs: STEP_TIMEOUT_MS, intervalMs: 200, ...context },
          );
        const [networkA, networkB] = await fromBoth<NetworkBody>(
          '/api/ecs-networking/network',
        );
        expect(networkB).toEqual(networkA);
        expect(networkA.services).toHaveLength(DEMO_SERVICES);
        const [statusA, statusB] = await fromBoth<StatusBody>(
          '/api/ecs-networking/status',
        );
        expect(statusB).toEqual(statusA);
        const published = a.published().concat(b.published());
        const [entitiesA, entitiesB] = await Promise.all([
          a.ecsEntities(),
          b.ecsEntities(),
        ]);
        expect(entitiesB).toEqual(entitiesA);
        expect(entitiesA).toHaveLength(published[published.length - 1]);
        const service = entitiesA.find(e =>
          e.serviceArn?.endsWith('/order-service'),
        )!;
        const entityRoute = `/api/ecs-networking/entities/${service.ref.replace(
          /^(\w+):(\w+)\//,
          '$2/$1/',
        )}`;
        const [serviceA, serviceB] = await Promise.all([
          a.api(entityRoute),
          b.api(entityRoute),
        ]);
        expect(serviceB).toEqual(serviceA);

        // Kill -9 one replica while a sync runs (on either): the other goes on.
        await waitFor(
          'a sync running',
          async () => (await b.syncTaskState()).status === 'running',
          {
            timeoutMs: STEP_TIMEOUT_MS,
            intervalMs: 100,
            ...context,
          },
        );
        const { generation: generationAtKill } = await b.api<StatusBody>(
          '/api/ecs-networking/status',
        );
        const killedAt = Date.now();
        await a.kill();
        const survivorRuns = await waitFor(
          'two syncs on the surviving replica',
          () => {
            const runs = b.syncs().filter(s => s.startedAt > killedAt);
            return runs.length >= 2 && runs;
          },
          {
            timeoutMs: LOCK_RELEASE_MS + 2 * CADENCE_MS + 30_000,
            ...b.child.waitOptions(),
          },
        );
        expect(survivorRuns.every(s => s.scopesOk === DEMO_SCOPES)).toBe(true);
        const statusAfter = await b.api<StatusBody>(
          '/api/ecs-networking/status',
        );
        expect(statusAfter.generation).toBeGreaterThan(generationAtKill);
        for (const scope of statusAfter.scopes) {
          expect(Date.parse(scope.lastSuccessAt!)).toBeGreaterThan(killedAt);
        }

        report({
          case: 'two replicas on PostgreSQL',
          startMs: { a: a.startupMs, b: b.startupMs },
          windowMs: quiet.at - windowStart,
          syncsInWindow: inWindow.length,
          syncsPerReplica: { a: a.syncs().length, b: b.syncs().length },
          awsCallsSeen: quiet.calls,
          awsCallsLogged: syncs.reduce((n, s) => n + s.calls, 0),
          overlaps: 0,
          killedReplicaHeldTheRun: !b
            .syncs()
            .some(s => s.startedAt <= killedAt && s.endedAt >= killedAt),
          killToSurvivorSyncMs: survivorRuns[0].endedAt - killedAt,
          generationAtKill,
          generationAfter: statusAfter.generation,
          entities: entitiesA.length,
        });
      },
      TEST_TIMEOUT_MS,
    );
  },
);
