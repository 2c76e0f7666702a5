import http from 'node:http';
import { percentile } from './percentiles';

export interface LoadResult {
  requests: number;
  concurrency: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
}

/**
 * A bounded closed-loop load: `concurrency` clients on keep-alive
 * connections send `requests` GETs in total, each as soon as its previous
 * answer arrived.
 */
export async function loadTest(
  base: string,
  paths: string[],
  requests: number,
  concurrency: number,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const get = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.get(`${base}${path}`, { agent }, res => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
    });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const path = paths[next++ % paths.length];
        const started = performance.now();
        const status = await get(path).catch(() => 0);
        latencies.push(performance.now() - started);
        if (status !== 200) errors++;
      }
    }),
  );
  agent.destroy();
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
