import { DeleteServiceCommand, ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import type { NetworkResponse } from '@ecs-net/plugin-ecs-networking-common';
import http from 'node:http';
import { startBenchProcess } from './benchProcess';
import { estateArgs, estateLabel, EstateSpec, scopesOf } from './estates';
import { createServiceLike, pickServices, ServiceTemplate } from './estateChanges';
import { startEndpointProcess } from './localEndpoint';
import { percentile } from './percentiles';
import type { SoakProcessInput, SoakSync } from './soakProcess';
import type { EstateAccounts } from './syncBench';

export interface SoakOptions {
  /** How long the estate changes and the API is loaded after the first sync. */
  durationMs: number;
  /** Pause between syncs. */
  intervalMs: number;
  /** One change to the estate every this many milliseconds. */
  changeEveryMs: number;
  /** Lookups per second, steady. */
  lookupsPerSecond: number;
  throttle: boolean;
  log: (line: string) => void;
}

export interface SoakMeasurement {
  estate: string;
  minutes: number;
  syncs: SoakSync[];
  changes: { scaled: number; created: number; deleted: number; failed: number };
  lookups: {
    requests: number;
    p50Ms: number;
    p99Ms: number;
    /** Answers other than 200, by status or network error code. */
    errors: Record<string, number>;
    /** Requests sent again because the server had closed their idle connection. */
    resent: number;
  };
  /**
   * RSS after the last sync over RSS after the first (goal ≤ 1.10). The API
   * server is up before the first sync, as in a backend, so both hold the
   * same parts.
   */
  rssOverFirst: number;
  /** RSS after the last sync over after the second: growth once the estate has begun to change. */
  rssOverSecond: number;
  /** The slowest later sync over the first (goal ≤ 1). */
  slowestOverFirst: number;
  /** Failed scopes, logged errors, failed changes and failed lookups (goal 0). */
  errors: number;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** ECS clients of every account × region of the estate. */
function ecsClients(url: string, accounts: EstateAccounts): ECSClient[] {
  return accounts.flatMap(account =>
    account.regions.map(
      region =>
        new ECSClient({
          endpoint: url,
          region,
          credentials: { accessKeyId: account.key.id, secretAccessKey: account.key.secret },
        }),
    ),
  );
}

/**
 * Changes the estate through the local endpoint's ECS API as deploys do:
 * scales services, creates services beside them and deletes those again.
 */
function estateChanger(templates: ServiceTemplate[]) {
  const counts = { scaled: 0, created: 0, deleted: 0, failed: 0 };
  const created: Array<{ ecs: ECSClient; cluster: string; name: string }> = [];
  let step = 0;
  const change = async () => {
    const template = templates[step % templates.length];
    const kind = ['scale', 'create', 'scale', 'delete'][step % 4];
    step++;
    const { ecs, service } = template;
    try {
      if (kind === 'scale') {
        await ecs.send(
          new UpdateServiceCommand({
            cluster: service.clusterArn,
            service: service.serviceName,
            desiredCount: 1 + (step % 3),
          }),
        );
        counts.scaled++;
      } else if (kind === 'create') {
        const name = `soak-${step}`;
        await createServiceLike(template, name);
        created.push({ ecs, cluster: service.clusterArn!, name });
        counts.created++;
      } else if (created.length > 0) {
        const gone = created.shift()!;
        await gone.ecs.send(new DeleteServiceCommand({ cluster: gone.cluster, service: gone.name, force: true }));
        counts.deleted++;
      }
    } catch {
      counts.failed++;
    }
  };
  return { change, counts };
}

/**
 * Lookups at a steady rate on keep-alive connections, of whatever
 * `load.queries` holds at each request, until `load.until` passes (the
 * caller sets both as the soak goes on). A GET whose reused connection the
 * server had just closed is sent again once, as browsers and Node's own fetch
 * do; anything else that is not a 200 is an error, counted by kind.
 */
async function steadyLookups(base: string, load: { queries: string[]; until: number }, perSecond: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let resent = 0;
  const get = (path: string, again = true): Promise<string> =>
    new Promise(resolve => {
      const req = http.get(`${base}${path}`, { agent }, res => {
        res.resume();
        res.on('end', () => resolve(String(res.statusCode)));
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (again && req.reusedSocket && error.code === 'ECONNRESET') {
          resent++;
          resolve(get(path, false));
        } else {
          resolve(error.code ?? error.message);
        }
      });
    });
  for (let i = 0; Date.now() < load.until; i++) {
    const due = performance.now() + 1000 / perSecond;
    const started = performance.now();
    const outcome = await get(`/lookup?q=${encodeURIComponent(load.queries[i % load.queries.length])}`);
    latencies.push(performance.now() - started);
    if (outcome !== '200') errors[outcome] = (errors[outcome] ?? 0) + 1;
    await sleep(Math.max(0, due - performance.now()));
  }
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    errors,
    resent,
  };
}

/**
 * The backend over an estate under continuous change for a while: scheduled
 * syncs at a short interval, the estate scaled, grown and shrunk through the
 * local endpoint, lookups at a steady rate from startup on (during the first
 * sync they ask for services the backend has not read yet, as requests to a
 * backend that has just started do). Reports memory and duration of every
 * sync, and every error. Bounded: it stops `durationMs` after the first sync.
 */
export async function benchSoak(spec: EstateSpec, options: SoakOptions): Promise<SoakMeasurement> {
  const endpoint = await startEndpointProcess([...estateArgs(spec), ...(options.throttle ? ['--throttle'] : [])]);
  const accounts = scopesOf(spec);
  const input: SoakProcessInput = { accounts, intervalMs: options.intervalMs };
  const child = startBenchProcess('./soakProcess.ts', {
    AWS_ENDPOINT_URL: endpoint.url,
    AWS_EC2_METADATA_DISABLED: 'true',
    BENCH_SOAK_INPUT: JSON.stringify(input),
  });
  const clients = ecsClients(endpoint.url, accounts);
  // Until the first sync is served: names of services the estate already has, and no end yet.
  const load = { queries: [] as string[], until: Number.POSITIVE_INFINITY };
  try {
    const base = `http://127.0.0.1:${await child.nextLine('listening ')}/api/ecs-networking`;
    const templates = await pickServices(clients);
    load.queries = templates.map(t => t.service.serviceName!);
    const looking = steadyLookups(base, load, options.lookupsPerSecond);

    const syncs: SoakSync[] = [JSON.parse(await child.nextLine('sync '))];
    const network = (await (await fetch(`${base}/network`)).json()) as NetworkResponse;
    load.queries = [...network.services.map(s => s.name), ...network.endpoints.map(e => e.name)];
    options.log(`soak: first sync ${syncs[0].seconds.toFixed(1)} s; changing the estate for ${options.durationMs / 60000} min…`);

    const until = Date.now() + options.durationMs;
    load.until = until;
    const changer = estateChanger(templates);
    const changing = (async () => {
      while (Date.now() < until) {
        await changer.change();
        await sleep(options.changeEveryMs);
      }
    })();
    const collecting = (async () => {
      for (;;) {
        const line = await child.nextLine('sync ').catch(() => undefined);
        if (!line) return;
        const sync: SoakSync = JSON.parse(line);
        syncs.push(sync);
        options.log(`soak: sync ${sync.index} ${sync.seconds.toFixed(1)} s, RSS ${sync.rssMb} MB`);
      }
    })();
    const lookups = await looking;
    await changing;
    child.send('stop');
    await child.nextLine('stopped');
    await collecting;

    const [first, ...later] = syncs;
    const last = syncs[syncs.length - 1];
    const errors =
      syncs.reduce((n, s) => n + s.failedScopes + s.loggedErrors, 0) +
      changer.counts.failed +
      Object.values(lookups.errors).reduce((n, count) => n + count, 0);
    return {
      estate: estateLabel(spec),
      minutes: options.durationMs / 60000,
      syncs,
      changes: changer.counts,
      lookups,
      rssOverFirst: last.rssMb / first.rssMb,
      rssOverSecond: last.rssMb / (later[0] ?? first).rssMb,
      slowestOverFirst: later.length ? Math.max(...later.map(s => s.seconds)) / first.seconds : 0,
      errors,
    };
  } finally {
    load.until = 0;
    clients.forEach(ecs => ecs.destroy());
    child.stop();
    endpoint.stop();
  }
}
