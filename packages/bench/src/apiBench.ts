import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { NetworkResponse, ScopeSnapshot } from '@ecs-net/plugin-ecs-networking-common';
import type { BackendProcessInput } from './backendProcess';
import { EstateSpec, estateArgs, estateLabel, scopesOf } from './estates';
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
  rssMb: number;
  heapUsedMb: number;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Starts a backend-like process that syncs the estate (its reads measured as
 * for any estate), then loads it from this process over loopback and reads
 * its memory once idle.
 */
export async function benchBackend(
  spec: EstateSpec,
  options: { requests: number; concurrency: number; throttle: boolean },
): Promise<BackendMeasurement> {
  const endpoint = await startEndpointProcess([
    ...estateArgs(spec),
    ...(options.throttle ? ['--throttle'] : []),
  ]);
  const input: BackendProcessInput = { label: estateLabel(spec), accounts: scopesOf(spec) };
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      require.resolve('./backendProcess.ts'),
    ],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: {
        ...process.env,
        AWS_ENDPOINT_URL: endpoint.url,
        AWS_EC2_METADATA_DISABLED: 'true',
        BENCH_BACKEND_INPUT: JSON.stringify(input),
      },
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const nextLine = (prefix: string) =>
    new Promise<string>((resolve, reject) => {
      const onLine = (line: string) => {
        if (!line.startsWith(prefix)) return;
        lines.off('line', onLine);
        resolve(line.slice(prefix.length).trim());
      };
      lines.on('line', onLine);
      child.once('exit', code => reject(new Error(`backend process exited with ${code}`)));
    });
  try {
    const sync: SyncMeasurement[] = JSON.parse(await nextLine('sync '));
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
    const queries = [
      ...services.flatMap((s, i) => (i % 3 === 0 ? [s.taskIps[0] ?? s.name] : i % 3 === 1 ? [s.name] : [s.arn])),
      ...network.endpoints.slice(0, 2000).map(e => e.name),
    ];
    const lookupPaths = queries.map(q => `/lookup?q=${encodeURIComponent(q)}`);
    const entityPaths = network.services.map((_, i) => `/entities/default/resource/svc-${i}`);
    const api: ApiMeasurement[] = [
      { route: 'GET /lookup', ...(await loadTest(base, lookupPaths, options.requests, options.concurrency)) },
      { route: 'GET /entities/…', ...(await loadTest(base, entityPaths, options.requests, options.concurrency)) },
    ];
    child.stdin!.write('rss\n');
    const [rss, heapUsed] = (await nextLine('rss ')).split(' ').map(Number);
    return {
      sync,
      analysis,
      api,
      rssMb: Math.round(rss / 1048576),
      heapUsedMb: Math.round(heapUsed / 1048576),
    };
  } finally {
    child.kill('SIGTERM');
    endpoint.stop();
  }
}
