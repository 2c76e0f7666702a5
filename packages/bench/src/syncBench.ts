import type { CallCount } from '@ecs-net/aws-local';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { EstateReader } from '@ecs-net/plugin-ecs-networking-node';
import {
  analyzeNetwork,
  createLookupIndex,
  ScopeSnapshot,
} from '@ecs-net/plugin-ecs-networking-common';
import { estateArgs, estateLabel, EstateSpec, scopesOf } from './estates';
import { startEndpointProcess } from './localEndpoint';
import { benchValidate } from './validateBench';
import { lowerBound, steadyState } from './lowerBound';
import { naiveRead } from './naiveReader';
import { QUOTA_REFILL_SECONDS, quotaSeconds } from './quotaBound';

export interface SyncMeasurement {
  estate: string;
  services: number;
  run: 'first' | 'second' | 'naive';
  calls: number;
  lowerBound: number;
  callsByOperation: Record<string, number>;
  seconds: number;
  quotaBoundSeconds: number;
  throttledBySdkRetries: number;
  failedScopes: number;
}

function sum(record: Record<string, number>): number {
  return Object.values(record).reduce((a, b) => a + b, 0);
}

function merge(into: Record<string, number>, from: Record<string, number>) {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

export type EstateAccounts = ReturnType<typeof scopesOf>;

/** The plugin's reader with the estate's keys, at 100% of each quota. */
export function benchReader(accounts: EstateAccounts): EstateReader {
  const credentials = DefaultAwsCredentialsManager.fromConfig(
    new ConfigReader({
      aws: {
        accounts: accounts.map(a => ({
          accountId: a.accountId,
          accessKeyId: a.key.id,
          secretAccessKey: a.key.secret,
        })),
      },
    }),
  );
  // quotaShare 1: measure how close the reader gets to the quota itself.
  return new EstateReader({ credentials, quotaShare: 1, concurrency: 8 });
}

/** One sync of every scope of an estate, as the benchmark sees it. */
export interface SyncRun {
  byOperation: Record<string, number>;
  failedScopes: number;
  /** Visits each snapshot read; they need not all be in memory at once. */
  forEachSnapshot(visit: (snapshot: ScopeSnapshot) => void): Promise<void>;
}

/**
 * Syncs with the plugin's reader alone, four account × regions at a time as
 * the backend does; `latest` holds the last run's filtered snapshots.
 */
export function readerSync(reader: EstateReader, accounts: EstateAccounts) {
  const scopes = accounts.flatMap(a => a.regions.map(region => ({ accountId: a.accountId, region })));
  const state = { latest: [] as ScopeSnapshot[] };
  const run = async (): Promise<SyncRun> => {
    const results = await reader.readEstate(scopes);
    const fresh = results.flatMap(r => r.snapshot ?? []);
    state.latest = fresh;
    const byOperation: Record<string, number> = {};
    for (const result of results) merge(byOperation, result.stats.byOperation());
    return {
      byOperation,
      failedScopes: results.filter(r => r.error).length,
      forEachSnapshot: async visit => fresh.forEach(visit),
    };
  };
  return { run, state };
}

/**
 * Syncs twice, as the backend does on consecutive runs, and measures each
 * run against its lower bounds.
 */
export async function measureSyncRuns(
  label: string,
  sync: () => Promise<SyncRun>,
  endpointCalls: () => Promise<CallCount[]>,
): Promise<SyncMeasurement[]> {
  const rows: SyncMeasurement[] = [];
  for (const run of ['first', 'second'] as const) {
    if (run === 'second') {
      // Scheduled syncs run minutes apart: the quotas have refilled by the
      // next one, as the bound assumes. Back to back, the second run would
      // measure the first one's drained buckets instead.
      await new Promise(resolve => setTimeout(resolve, QUOTA_REFILL_SECONDS * 1000));
    }
    const before = await endpointCalls();
    const started = performance.now();
    const result = await sync();
    const seconds = (performance.now() - started) / 1000;
    const after = await endpointCalls();
    const bound: Record<string, number> = {};
    let quotaBound = 0;
    let services = 0;
    await result.forEachSnapshot(snapshot => {
      const scopeBound = run === 'second' ? steadyState(lowerBound(snapshot)) : lowerBound(snapshot);
      merge(bound, scopeBound);
      quotaBound = Math.max(quotaBound, quotaSeconds(scopeBound));
      services += snapshot.services.length;
    });
    rows.push({
      estate: label,
      services,
      run,
      calls: sum(result.byOperation),
      lowerBound: sum(bound),
      callsByOperation: result.byOperation,
      seconds,
      quotaBoundSeconds: quotaBound,
      throttledBySdkRetries: throttledIn(after) - throttledIn(before),
      failedScopes: result.failedScopes,
    });
  }
  return rows;
}

function throttledIn(calls: CallCount[]) {
  return calls.reduce((n, c) => n + c.throttled, 0);
}

/** `measureSyncRuns` against an endpoint of its own, plus the naive reader when asked. */
export async function benchSync(
  spec: EstateSpec,
  options: { throttle: boolean; naive: boolean },
): Promise<{ rows: SyncMeasurement[]; snapshots: ScopeSnapshot[] }> {
  const endpoint = await startEndpointProcess([
    ...estateArgs(spec),
    ...(options.throttle ? ['--throttle'] : []),
  ]);
  process.env.AWS_ENDPOINT_URL = endpoint.url;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  const accounts = scopesOf(spec);
  try {
    const sync = readerSync(benchReader(accounts), accounts);
    const rows = await measureSyncRuns(estateLabel(spec), sync.run, endpoint.calls);
    const snapshots = sync.state.latest;
    if (options.naive) {
      const before = await endpoint.calls();
      const started = performance.now();
      await Promise.all(
        accounts.flatMap(a =>
          a.regions.map(region =>
            naiveRead({ region, credentials: { accessKeyId: a.key.id, secretAccessKey: a.key.secret } }),
          ),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      const after = await endpoint.calls();
      const count = (list: CallCount[]) => list.reduce((n, c) => n + c.calls, 0);
      rows.push({
        ...rows[0],
        run: 'naive',
        calls: count(after) - count(before),
        callsByOperation: {},
        seconds,
        throttledBySdkRetries: throttledIn(after) - throttledIn(before),
        failedScopes: 0,
      });
    }
    return { rows, snapshots };
  } finally {
    endpoint.stop();
  }
}

/**
 * An estate's snapshots, read once without AWS quotas: for the parts that
 * measure what is done with them, not the read.
 */
export async function readEstateSnapshots(spec: EstateSpec): Promise<ScopeSnapshot[]> {
  const endpoint = await startEndpointProcess(estateArgs(spec));
  process.env.AWS_ENDPOINT_URL = endpoint.url;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  try {
    const accounts = scopesOf(spec);
    const sync = readerSync(benchReader(accounts), accounts);
    await sync.run();
    return sync.state.latest;
  } finally {
    endpoint.stop();
  }
}

/** Analysis and lookup-index build time for the snapshots of one estate. */
export function benchAnalysis(snapshots: ScopeSnapshot[]) {
  const started = performance.now();
  const model = analyzeNetwork(snapshots);
  const analyzed = performance.now();
  createLookupIndex(model, snapshots);
  const lookupIndexMs = performance.now() - analyzed;
  return {
    analyzeMs: analyzed - started,
    lookupIndexMs,
    ...benchValidate(snapshots),
    endpoints: model.endpoints.length,
    edges: model.edges.length,
    findings: model.findings.length,
  };
}
