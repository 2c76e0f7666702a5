import type {
  BlastRadiusResponse,
  ChangesResponse,
  NetworkResponse,
  ScopeSnapshot,
} from '@ecs-net/plugin-ecs-networking-common';
import type { BackendProcessInput } from './backendProcess';
import type { MemoryReading } from './benchEngine';
import { startBenchProcess } from './benchProcess';
import { EstateSpec, estateArgs, estateLabel, scopesOf } from './estates';
import type { HistoryBenchResult, HistoryMeasurement } from './historyBench';
import { startEndpointProcess } from './localEndpoint';
import { LoadResult, loadTest } from './loadTest';
import type { benchAnalysis, SyncMeasurement } from './syncBench';

export interface ApiMeasurement extends LoadResult {
  route: string;
}

export interface BackendMeasurement {
  sync: SyncMeasurement[];
  analysis: ReturnType<typeof benchAnalysis>;
  api: ApiMeasurement[];
  memory: MemoryMeasurement;
  history: HistoryMeasurement;
}

/** Megabytes of the backend-like process, each read after V8's memory-reducing GC. */
export interface MemoryMeasurement {
  /** Modules loaded, nothing read yet: the plugin's share of an idle backend. */
  idleRssMb: number;
  /** Highest RSS during the syncs and the view's build. */
  peakRssMb: number;
  /** Synced twice, view built: what the plugin holds between syncs. */
  syncedRssMb: number;
  syncedHeapMb: number;
  /** After the API load test. */
  loadedRssMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

async function getText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
}

async function getJson<T>(url: string): Promise<T> {
  return JSON.parse(await getText(url)) as T;
}

/**
 * Starts a backend-like process that syncs the estate (its reads measured as
 * for any estate), then loads it from this process over loopback and reads
 * its memory once idle; then has it record hours of churn in its history
 * and loads the history's routes.
 */
export async function benchBackend(
  spec: EstateSpec,
  options: { requests: number; concurrency: number; throttle: boolean; historyHours: number },
): Promise<BackendMeasurement> {
  const endpoint = await startEndpointProcess([
    ...estateArgs(spec),
    ...(options.throttle ? ['--throttle'] : []),
  ]);
  const input: BackendProcessInput = {
    label: estateLabel(spec),
    accounts: scopesOf(spec),
    historyHours: options.historyHours,
    historyTargets: 20,
  };
  const child = startBenchProcess('./backendProcess.ts', {
    AWS_ENDPOINT_URL: endpoint.url,
    AWS_EC2_METADATA_DISABLED: 'true',
    BENCH_BACKEND_INPUT: JSON.stringify(input),
  });
  const { nextLine } = child;
  const memory = async (stage: string): Promise<MemoryReading> =>
    JSON.parse(await nextLine(`memory ${stage} `));
  try {
    const idle = await memory('idle');
    const sync: SyncMeasurement[] = JSON.parse(await nextLine('sync '));
    const synced = await memory('synced');
    const analysis: ReturnType<typeof benchAnalysis> = JSON.parse(await nextLine('analysis '));
    const port = await nextLine('ready ');
    const base = `http://127.0.0.1:${port}/api/ecs-networking`;
    const network = await getJson<NetworkResponse>(`${base}/network`);
    const snapshots: ScopeSnapshot[] = [];
    for (let offset: number | undefined = 0; offset !== undefined; ) {
      const page: { items: ScopeSnapshot[]; nextOffset?: number } = await getJson(
        `${base}/snapshots?offset=${offset}&limit=10`,
      );
      snapshots.push(...page.items);
      offset = page.nextOffset;
    }
    // A mix of what people look up: task IPs, service names, ARNs, endpoints.
    const services = snapshots.flatMap(s => s.services);
    const queryKinds: Array<(s: (typeof services)[number]) => string> = [
      s => s.tasks[0]?.ip ?? s.name,
      s => s.name,
      s => s.arn,
    ];
    const queries = [
      ...services.map((s, i) => queryKinds[i % queryKinds.length](s)),
      ...network.endpoints.slice(0, 2000).map(e => e.name),
    ];
    const lookupPaths = queries.map(q => `/lookup?q=${encodeURIComponent(q)}`);
    const entityPaths = network.services.map((_, i) => `/entities/default/resource/svc-${i}`);
    const api: ApiMeasurement[] = [
      { route: 'GET /lookup', ...(await loadTest(base, lookupPaths, options.requests, options.concurrency)) },
      { route: 'GET /entities/…', ...(await loadTest(base, entityPaths, options.requests, options.concurrency)) },
    ];
    child.send('rss');
    const loaded = await memory('loaded');
    child.send('history');
    const history: HistoryBenchResult = JSON.parse(await nextLine('history '));
    api.push(...(await benchHistoryRoutes(base, history, options)));
    return {
      sync,
      analysis,
      api,
      history: history.measurement,
      memory: {
        idleRssMb: mb(idle.rss),
        peakRssMb: mb(synced.peakRss),
        syncedRssMb: mb(synced.rss),
        syncedHeapMb: mb(synced.heapUsed),
        loadedRssMb: mb(loaded.rss),
      },
    };
  } finally {
    child.stop();
    endpoint.stop();
  }
}

/** Clients of the history routes' second, lighter load: a few people opening pages at once. */
const FEW_CLIENTS = 5;

/**
 * `/changes` of the most-called services and their neighbours over the
 * recorded window (its default page, newest first, as the Network tab asks
 * for it), and their blast radius three hops out, under the same load as
 * the other routes, then under a few clients; the mean size of the answers
 * goes to the history's measurement, to tell what the latency covers.
 */
async function benchHistoryRoutes(
  base: string,
  history: HistoryBenchResult,
  options: { requests: number; concurrency: number },
): Promise<ApiMeasurement[]> {
  const { since, until, targets, measurement } = history;
  const window = `since=${encodeURIComponent(since)}&until=${encodeURIComponent(until)}`;
  // No limit: the route's default page (CHANGES_PAGE_SIZE).
  const changesPaths = targets.map(i => `/changes?entityRef=resource:default/svc-${i}&hops=1&${window}`);
  const blastPaths = targets.map(i => `/blast-radius?entityRef=resource:default/svc-${i}&hops=3`);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
  const answers = async <T>(paths: string[]) =>
    Promise.all(
      paths.map(async p => {
        const text = await getText(`${base}${p}`);
        return { kb: Buffer.byteLength(text) / 1024, body: JSON.parse(text) as T };
      }),
    );
  const changes = await answers<ChangesResponse>(changesPaths);
  const blast = await answers<BlastRadiusResponse>(blastPaths);
  measurement.answers = {
    changesPerEntity: mean(changes.map(c => c.body.changes.length)),
    changesKb: mean(changes.map(c => c.kb)),
    blastRadiusCallers: mean(blast.map(b => b.body.callers.length)),
    blastRadiusKb: mean(blast.map(b => b.kb)),
  };
  const loads = [
    { requests: options.requests, concurrency: options.concurrency },
    { requests: Math.ceil((options.requests * FEW_CLIENTS) / options.concurrency), concurrency: FEW_CLIENTS },
  ].filter((load, i) => i === 0 || load.concurrency < options.concurrency);
  const rows: ApiMeasurement[] = [];
  for (const [route, paths] of [
    ['GET /changes?hops=1', changesPaths],
    ['GET /blast-radius?hops=3', blastPaths],
  ] as const) {
    for (const load of loads) {
      rows.push({ route, ...(await loadTest(base, paths, load.requests, load.concurrency)) });
    }
  }
  return rows;
}
