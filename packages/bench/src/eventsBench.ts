import {
  DeleteServiceCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import type { CallCount } from '@ecs-net/aws-local';
import { ANNOTATIONS, LookupResponse, StatusResponse } from '@ecs-net/plugin-ecs-networking-common';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServiceLike, pickServices, ServiceTemplate } from './estateChanges';
import { estateArgs, estateLabel, scopesOf } from './estates';
import type { EstateSpec } from './estates';
import { startEndpointProcess } from './localEndpoint';
import { percentile } from './percentiles';
import { freePort, guestToken, startPortalBackend, waitFor } from './portalBackend';

export interface EventsOptions {
  /** Changes of mixed kinds (scale out, create, scale in, delete), one every `changeEveryMs`. */
  changes: number;
  changeEveryMs: number;
  /** Scale changes made while `dropRate` of the events are lost. */
  lostChanges: number;
  dropRate: number;
  /** The full sync's interval in this run: it bounds the staleness of lost events. */
  fullSyncMinutes: number;
  throttle: boolean;
  log: (line: string) => void;
}

/** Percentiles of a set of delays, in milliseconds. */
export interface Delays {
  count: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Changes not seen within the wait (not counted in the percentiles). */
  timedOut: number;
}

export interface EventsMeasurement {
  estate: string;
  changes: { scaledOut: number; created: number; scaledIn: number; deleted: number };
  /** Change (the AWS call returned) → `/lookup` answers with it. */
  changeToApi: Delays;
  changeToApiP95Ms: number;
  /** Create or delete → the service's entity is in (or out of) the catalog: a delta mutation. */
  changeToCatalog: Delays;
  changeToCatalogP95Ms: number;
  /** First full sync → every service entity in the catalog: a full mutation of the whole estate. */
  fullMutationToCatalogMs: number;
  catalogEntities: number;
  /** AWS calls (ECS, Cloud Map, …) of one steady-state full sync of this estate. */
  fullSyncCalls: number;
  /** AWS calls the backend made per change to re-read what its events named (SQS not included). */
  callsPerChange: number;
  /** SQS calls of the events module per hour with no change: its long polls of an empty queue. */
  sqsIdleCallsPerHour: number;
  /** SQS calls per change beyond the idle polls: the receives that return events, their deletes. */
  sqsCallsPerChange: number;
  /** The comparison at 10,000 services: full syncs every 5 minutes vs events and an hourly full sync. */
  perHourAt10k: { services: number; changesPerHour: number; polling: number; events: number };
  callsPerHourRatio: number;
  /** Changes an hour at 10,000 services up to which events cost ≥ 10× fewer calls than polling. */
  changesPerHourAt10x: number;
  /** With `dropRate` of the events lost: change → API, the full sync catching up what no event told. */
  lostEvents: Delays & { dropRate: number; fullSyncMinutes: number; afterMoreThan10s: number };
}

/** At 10,000 services, one change per service a day: the rate the per-hour comparison assumes. */
const SERVICES_AT_SCALE = 10_000;
const CHANGES_PER_HOUR_AT_SCALE = SERVICES_AT_SCALE / 24;
const API_WAIT_MS = 60_000;
const CATALOG_WAIT_MS = 180_000;
/** How often a change's condition is asked: fine enough for a 2 s goal, light on a loaded backend. */
const POLL_MS = 250;
/** No change for five of the SQS module's 20 s long polls: what it costs with nothing to tell. */
const IDLE_MS = 105_000;
const QUEUE = 'ecs-networking-events';
const TOPIC = 'ecs-changes';

type Kind = 'scaleOut' | 'create' | 'scaleIn' | 'delete';
const MIXED: readonly Kind[] = ['scaleOut', 'create', 'scaleIn', 'delete'];
/** With events lost, only changes that stay: each a new task whose IP the API must come to show. */
const SCALE_OUTS: readonly Kind[] = ['scaleOut'];

async function taskIps(ecs: ECSClient, cluster: string, serviceName: string): Promise<string[]> {
  const { taskArns = [] } = await ecs.send(new ListTasksCommand({ cluster, serviceName }));
  if (taskArns.length === 0) return [];
  const { tasks = [] } = await ecs.send(new DescribeTasksCommand({ cluster, tasks: taskArns }));
  return tasks.flatMap(t => t.containers?.[0]?.networkInterfaces?.[0]?.privateIpv4Address ?? []);
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function delays(values: Array<number | undefined>): Delays {
  const seen = values.filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  return {
    count: seen.length,
    p50Ms: percentile(seen, 50),
    p95Ms: percentile(seen, 95),
    maxMs: seen.length ? seen[seen.length - 1] : 0,
    timedOut: values.length - seen.length,
  };
}

/** Every attempt a client sends (retries included), to tell the bench's own AWS calls from the backend's. */
function countAttempts(client: ECSClient, counter: { calls: number }) {
  client.middlewareStack.add(
    next => async args => {
      counter.calls++;
      return next(args);
    },
    { step: 'deserialize', name: 'benchCallCounter' },
  );
  return client;
}

const sumCalls = (calls: CallCount[], keep: (c: CallCount) => boolean) =>
  calls.filter(keep).reduce((n, c) => n + c.calls, 0);

/**
 * Live updates end to end: the local endpoint under AWS quotas delivers its
 * change events to an SQS queue; the demo backend reads it with Backstage's
 * SQS events module (its real long polling), re-reads what each event names
 * and publishes a delta to the catalog. Changes are made through the ECS
 * API as deploys make them; each is timed until the API, and for new and
 * deleted services the catalog, show it.
 */
export async function benchEvents(spec: Exclude<EstateSpec, 'demo'>, options: EventsOptions): Promise<EventsMeasurement> {
  const [account] = scopesOf(spec);
  const queueArn = `arn:aws:sqs:eu-west-1:${account.accountId}:${QUEUE}`;
  const endpoint = await startEndpointProcess([
    ...estateArgs(spec),
    ...(options.throttle ? ['--throttle'] : []),
    '--event-queue',
    queueArn,
  ]);
  const port = await freePort();
  const backend = `http://localhost:${port}`;
  const directory = mkdtempSync(path.join(os.tmpdir(), 'ecsnet-events-bench-'));
  const config = path.join(directory, 'app-config.events.json');
  // YAML takes JSON: layered over app-config.yaml like bench/app-config.bench.yaml.
  writeFileSync(
    config,
    JSON.stringify({
      app: { baseUrl: backend },
      backend: { baseUrl: backend, listen: { port }, cors: { origin: backend } },
      aws: { accounts: [] },
      ecsNetworking: {
        accounts: [{ accountId: account.accountId, regions: account.regions }],
        schedule: {
          frequency: { minutes: options.fullSyncMinutes },
          timeout: { minutes: 10 },
          initialDelay: { seconds: 1 },
        },
        events: { topics: [TOPIC] },
      },
      events: {
        modules: {
          awsSqs: {
            awsSqsConsumingEventPublisher: {
              topics: { [TOPIC]: { queue: { url: `${endpoint.url}/${account.accountId}/${QUEUE}` } } },
            },
          },
        },
      },
      catalog: {
        providers: {
          ecsNetworking: { schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 }, initialDelay: { minutes: 30 } } },
        },
      },
    }),
  );
  const mine = { calls: 0 };
  const clients = new Map(
    account.regions.map(region => [
      region,
      countAttempts(
        new ECSClient({
          endpoint: endpoint.url,
          region,
          credentials: { accessKeyId: account.key.id, secretAccessKey: account.key.secret },
        }),
        mine,
      ),
    ]),
  );
  let server: { stop(): void } | undefined;
  try {
    options.log(`events: starting the backend on ${backend}…`);
    server = await startPortalBackend({ backend, endpointUrl: endpoint.url, configs: [config], logName: 'events-backend.log' });
    const auth = { headers: { authorization: `Bearer ${await guestToken(backend)}` } };
    const get = async <T>(route: string): Promise<T> => {
      const res = await fetch(`${backend}${route}`, auth);
      if (!res.ok) throw new Error(`${route}: ${res.status}`);
      return (await res.json()) as T;
    };
    const status = () => get<StatusResponse>('/api/ecs-networking/status');
    const lastSyncs = async () => (await status()).scopes.map(s => s.lastSuccessAt ?? '');
    /** Resolves once every scope has had a full sync since `before` (from `lastSyncs`). */
    const nextFullSync = async (before: string[]) =>
      waitFor(
        async () => ((await lastSyncs()).every((at, i) => at !== before[i]) ? true : undefined),
        (options.fullSyncMinutes + 10) * 60_000,
        'the next full sync',
        1000,
      );
    const synced = async () => {
      const { scopes } = await status();
      return scopes.length === account.regions.length && scopes.every(s => s.lastSuccessAt) ? Date.now() : undefined;
    };
    const catalogCount = async (filter: string) =>
      (
        await get<{ totalItems: number }>(
          `/api/catalog/entities/by-query?filter=${encodeURIComponent(filter)}&limit=1&fields=metadata.name`,
        )
      ).totalItems;
    const inCatalog = async (arn: string) =>
      (await catalogCount(`kind=resource,metadata.annotations.${ANNOTATIONS.serviceArn}=${arn}`)) > 0;
    /** Whether `/lookup?q=` answers with the service (any service when none is given). */
    const lookup = async (q: string, serviceArn?: string) =>
      (await get<LookupResponse>(`/api/ecs-networking/lookup?q=${encodeURIComponent(q)}`)).matches.some(
        m => !serviceArn || m.service.arn === serviceArn,
      );
    /** Milliseconds from `since` until `done` holds, or undefined after `timeoutMs`. */
    const until = async (since: number, done: () => Promise<boolean>, timeoutMs: number) => {
      while (Date.now() - since < timeoutMs) {
        if (await done().catch(() => false)) return Date.now() - since;
        await sleep(POLL_MS);
      }
      return undefined;
    };

    const syncEnd = await waitFor(synced, 900_000, 'the first sync');
    const catalogEntities = await waitFor(async () => {
      const total = await catalogCount('kind=resource,spec.type=ecs-service');
      return total >= spec.services ? total : undefined;
    }, 900_000, 'the catalog to hold every service');
    const fullMutationToCatalogMs = Date.now() - syncEnd;
    options.log(`events: synced; the catalog took ${(fullMutationToCatalogMs / 1000).toFixed(1)} s for the full mutation`);

    // A steady-state full sync with nothing changing: its AWS calls. The
    // changes follow it, so no full sync falls in their window (the interval
    // is longer than the window; one that does is taken out below).
    const callsOf = async () => (await endpoint.calls()).filter(c => c.account === account.accountId);
    const first = await lastSyncs();
    const beforeSync = await callsOf();
    await nextFullSync(first);
    const afterSync = await callsOf();
    const notSqs = (c: CallCount) => c.service !== 'sqs';
    const fullSyncCalls = sumCalls(afterSync, notSqs) - sumCalls(beforeSync, notSqs);
    const listClustersOf = (calls: CallCount[]) => sumCalls(calls, c => c.operation === 'ListClusters');
    options.log(`events: a steady-state full sync makes ${fullSyncCalls} AWS calls`);

    const sqsOf = (calls: CallCount[]) => sumCalls(calls, c => c.service === 'sqs');
    const idleStart = Date.now();
    const sqsBeforeIdle = sqsOf(await callsOf());
    await sleep(IDLE_MS);
    const sqsIdleCallsPerHour = (sqsOf(await callsOf()) - sqsBeforeIdle) / ((Date.now() - idleStart) / 3_600_000);

    // Services with their own network interfaces: their tasks have IPs to look up.
    const templates = (await pickServices(clients.values())).filter(t => t.service.networkConfiguration);
    const changed: Array<{ api?: number; catalog?: number }> = [];
    const counts = { scaledOut: 0, created: 0, scaledIn: 0, deleted: 0 };
    // Services this run created, and services it scaled out; `seen` once the
    // API (and the catalog) show the change. Only those are deleted or scaled
    // in: undoing a change before it is seen would make it unobservable.
    const made: Array<{ ecs: ECSClient; cluster: string; name: string; arn: string; seen: boolean }> = [];
    const grown: Array<{ template: ServiceTemplate; seen: boolean }> = [];
    const pending: Array<Promise<void>> = [];

    /** One change, then its timing in the background; resolves once the change is made. */
    const change = async (
      step: number,
      kinds: readonly Kind[],
      into: Array<{ api?: number; catalog?: number }>,
      apiWaitMs = API_WAIT_MS,
    ) => {
      const kind = kinds[step % kinds.length];
      let template = templates[Math.floor(step / kinds.length) % templates.length];
      let scaledOut: { template: ServiceTemplate; seen: boolean } | undefined;
      if (kind === 'scaleIn') {
        const index = grown.findIndex(g => g.seen);
        if (index < 0) return;
        template = grown.splice(index, 1)[0].template;
      } else if (kind === 'scaleOut') {
        scaledOut = { template, seen: false };
      }
      const { ecs, service } = template;
      const cluster = service.clusterArn!;
      if (kind === 'scaleOut' || kind === 'scaleIn') {
        const before = await taskIps(ecs, cluster, service.serviceName!);
        const desired = before.length + (kind === 'scaleOut' ? 1 : -1);
        if (desired < 0) return;
        await ecs.send(new UpdateServiceCommand({ cluster, service: service.serviceName, desiredCount: desired }));
        const at = Date.now();
        const after = await taskIps(ecs, cluster, service.serviceName!);
        const [ip] = kind === 'scaleOut' ? after.filter(i => !before.includes(i)) : before.filter(i => !after.includes(i));
        if (!ip) return;
        counts[kind === 'scaleOut' ? 'scaledOut' : 'scaledIn']++;
        // An IP freed by one service may soon be another's: the answer must name this one.
        const seen = async () => (await lookup(ip, service.serviceArn)) === (kind === 'scaleOut');
        if (scaledOut) grown.push(scaledOut);
        pending.push(
          until(at, seen, apiWaitMs).then(api => {
            if (scaledOut) scaledOut.seen = api !== undefined;
            into.push({ api });
          }),
        );
      } else if (kind === 'create') {
        const name = `live-${step}`;
        const arn = await createServiceLike(template, name);
        const at = Date.now();
        const entry = { ecs, cluster, name, arn, seen: false };
        made.push(entry);
        counts.created++;
        pending.push(
          Promise.all([
            until(at, () => lookup(name), API_WAIT_MS),
            until(at, () => inCatalog(arn), CATALOG_WAIT_MS),
          ]).then(([api, catalog]) => {
            entry.seen = api !== undefined && catalog !== undefined;
            into.push({ api, catalog });
          }),
        );
      } else {
        // Only a service the API and the catalog show: its removal is then a change to see.
        const index = made.findIndex(m => m.seen);
        if (index < 0) return;
        const [gone] = made.splice(index, 1);
        await gone.ecs.send(new DeleteServiceCommand({ cluster: gone.cluster, service: gone.name, force: true }));
        const at = Date.now();
        counts.deleted++;
        pending.push(
          Promise.all([
            until(at, async () => !(await lookup(gone.name)), API_WAIT_MS),
            until(at, async () => !(await inCatalog(gone.arn)), CATALOG_WAIT_MS),
          ]).then(([api, catalog]) => void into.push({ api, catalog })),
        );
      }
    };

    options.log(`events: ${options.changes} changes, one every ${options.changeEveryMs} ms…`);
    const windowStart = Date.now();
    const callsBefore = await callsOf();
    mine.calls = 0;
    for (let step = 0; step < options.changes; step++) {
      const due = Date.now() + options.changeEveryMs;
      await change(step, MIXED, changed);
      await sleep(Math.max(0, due - Date.now()));
    }
    await Promise.all(pending.splice(0));
    // Everything the events asked for is read: the calls of the window are complete.
    const callsAfter = await callsOf();
    const windowHours = (Date.now() - windowStart) / 3_600_000;
    const windowCalls = sumCalls(callsAfter, notSqs) - sumCalls(callsBefore, notSqs);
    const listClustersPerSync = listClustersOf(afterSync) - listClustersOf(beforeSync);
    const syncsInWindow = listClustersPerSync > 0 ? (listClustersOf(callsAfter) - listClustersOf(callsBefore)) / listClustersPerSync : 0;
    const changesMade = counts.scaledOut + counts.created + counts.scaledIn + counts.deleted;
    const callsPerChange = Math.max(0, windowCalls - mine.calls - syncsInWindow * fullSyncCalls) / Math.max(1, changesMade);
    const sqsCallsPerChange =
      Math.max(0, sqsOf(callsAfter) - sqsOf(callsBefore) - sqsIdleCallsPerHour * windowHours) / Math.max(1, changesMade);

    options.log(`events: ${options.lostChanges} scale-outs with ${options.dropRate * 100} % of the events dropped…`);
    await fetch(`${endpoint.url}/_local/events/faults`, {
      method: 'POST',
      body: JSON.stringify({ dropRate: options.dropRate, seed: 15 }),
    });
    const lost: Array<{ api?: number }> = [];
    for (let step = 0; step < options.lostChanges; step++) {
      const due = Date.now() + options.changeEveryMs;
      // What no event told is caught up by the next full sync: wait an interval and a sync.
      await change(step, SCALE_OUTS, lost, (options.fullSyncMinutes + 5) * 60_000);
      await sleep(Math.max(0, due - Date.now()));
    }
    await Promise.all(pending.splice(0));
    await fetch(`${endpoint.url}/_local/events/faults`, { method: 'POST', body: JSON.stringify({ dropRate: 0 }) });
    options.log(`events: done; ${lost.filter(c => c.api !== undefined).length} of ${lost.length} lost-event changes seen`);

    // Full syncs at 10,000 services cost five times the 2,000-service estate's
    // (the same services per cluster and tasks per service).
    const scale = SERVICES_AT_SCALE / spec.services;
    const polling = Math.round(12 * fullSyncCalls * scale);
    // Events cost the hourly full sync, the idle polls (counted whole, though
    // polls that return events replace some) and each change's re-reads and
    // SQS calls: a cost linear in the change rate, so the rate at which it
    // reaches a tenth of polling is where the 10× bound ends.
    const fixedPerHour = fullSyncCalls * scale + sqsIdleCallsPerHour;
    const perChange = callsPerChange + sqsCallsPerChange;
    const events = Math.round(fixedPerHour + CHANGES_PER_HOUR_AT_SCALE * perChange);
    const changesPerHourAt10x = Math.max(0, Math.floor((polling / 10 - fixedPerHour) / Math.max(perChange, 1e-9)));
    const changeToApi = delays(changed.map(c => c.api));
    const changeToCatalog = delays(changed.filter(c => 'catalog' in c).map(c => c.catalog));
    const lostDelays = delays(lost.map(c => c.api));
    return {
      estate: estateLabel(spec),
      changes: counts,
      changeToApi,
      changeToApiP95Ms: changeToApi.p95Ms,
      changeToCatalog,
      changeToCatalogP95Ms: changeToCatalog.p95Ms,
      fullMutationToCatalogMs,
      catalogEntities,
      fullSyncCalls,
      callsPerChange,
      sqsIdleCallsPerHour,
      sqsCallsPerChange,
      perHourAt10k: { services: SERVICES_AT_SCALE, changesPerHour: CHANGES_PER_HOUR_AT_SCALE, polling, events },
      callsPerHourRatio: polling / events,
      changesPerHourAt10x,
      lostEvents: {
        ...lostDelays,
        dropRate: options.dropRate,
        fullSyncMinutes: options.fullSyncMinutes,
        afterMoreThan10s: lost.filter(c => c.api !== undefined && c.api > 10_000).length,
      },
    };
  } finally {
    server?.stop();
    clients.forEach(client => client.destroy());
    endpoint.stop();
    rmSync(directory, { recursive: true, force: true });
  }
}
