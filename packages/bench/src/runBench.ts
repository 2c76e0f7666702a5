import { ApiMeasurement, benchBackend, MemoryMeasurement } from './apiBench';
import { estateLabel, EstateSpec } from './estates';
import type { HistoryMeasurement } from './historyBench';
import { benchPortal, benchServiceMap, PortalMeasurement, ServiceMapMeasurement } from './portalBench';
import { benchSoak, SoakMeasurement } from './soakBench';
import { benchAnalysis, benchSync, readEstateSnapshots, SyncMeasurement } from './syncBench';
import { benchEvents, EventsMeasurement } from './eventsBench';
import { VALIDATE_GOAL_MS } from './validateBench';

/** The parts of the benchmark, in the order they run. */
export const BENCH_PARTS = ['sync', 'validate', 'portal', 'map', 'soak', 'events'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

export interface BenchOptions {
  /** A few seconds' run of every part, for `npm test`. */
  smoke: boolean;
  /** Runs only these parts (`npm run bench -- --only soak`); all when absent. */
  only?: BenchPart[];
  log: (line: string) => void;
}

export interface BenchResults {
  startedAt: string;
  smoke: boolean;
  sync: SyncMeasurement[];
  analysis: Array<{ estate: string } & ReturnType<typeof benchAnalysis>>;
  memory?: { estate: string } & MemoryMeasurement;
  api: Array<{ estate: string } & ApiMeasurement>;
  /** The largest estate's history: hours of churn recorded by the backend-like process. */
  history?: HistoryMeasurement;
  /** Full runs only: it builds the app and starts a real backend. */
  portal?: PortalMeasurement;
  /** Full runs only, like the portal. */
  map?: ServiceMapMeasurement;
  soak?: SoakMeasurement;
  /** Full runs only: it starts the demo backend with the SQS events module and a real catalog. */
  events?: EventsMeasurement;
}

const SOAK_FULL = {
  spec: { services: 10000, clusters: 50, regions: 2, accounts: 2 },
  options: { durationMs: 15 * 60_000, intervalMs: 30_000, changeEveryMs: 2_000, lookupsPerSecond: 20, throttle: true },
};
const SOAK_SMOKE = {
  spec: { services: 60, clusters: 2, regions: 1, accounts: 1 },
  options: { durationMs: 8_000, intervalMs: 1_000, changeEveryMs: 300, lookupsPerSecond: 20, throttle: false },
};

const FULL: EstateSpec[] = [
  'demo',
  // One Cloud Map service of hosts outside ECS (EC2, on premises) for every ten ECS services.
  { services: 200, clusters: 4, regions: 1, accounts: 1, externalServices: 20 },
  { services: 2000, clusters: 20, regions: 2, accounts: 1, externalServices: 200 },
  { services: 10000, clusters: 50, regions: 2, accounts: 2 },
];
/**
 * Hours of churn the history records at the largest estate: 30 days and one
 * more, so that over the last day each recording drops the oldest hour past
 * the 30-day retention, as in a backend that has run that long.
 */
const HISTORY_HOURS = { full: 31 * 24, smoke: 24 };
/** Goal for recording one generation's changes (#16). */
const RECORD_GOAL_MS = 200;

const SMOKE: EstateSpec[] = [
  { services: 40, clusters: 2, regions: 1, accounts: 1, externalServices: 4 },
  { services: 60, clusters: 2, regions: 1, accounts: 1 },
];

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    smoke: options.smoke,
    sync: [],
    analysis: [],
    api: [],
  };
  const runs = (part: BenchPart) => !options.only || options.only.includes(part);
  const estates = options.smoke ? SMOKE : FULL;
  for (const [i, spec] of (runs('sync') ? estates : []).entries()) {
    const largest = i === estates.length - 1;
    options.log(`sync ${estateLabel(spec)}${options.smoke ? '' : ' under AWS quotas'}…`);
    if (largest) {
      // The largest estate is synced by a backend-like process, which then
      // serves the API under load and reports its memory.
      const backend = await benchBackend(spec, {
        requests: options.smoke ? 50 : 5000,
        concurrency: options.smoke ? 5 : 50,
        throttle: !options.smoke,
        historyHours: options.smoke ? HISTORY_HOURS.smoke : HISTORY_HOURS.full,
      });
      results.sync.push(...backend.sync);
      results.analysis.push({ estate: estateLabel(spec), ...backend.analysis });
      results.api.push(...backend.api.map(row => ({ estate: estateLabel(spec), ...row })));
      results.memory = { estate: estateLabel(spec), ...backend.memory };
      results.history = backend.history;
    } else {
      const { rows, snapshots } = await benchSync(spec, {
        throttle: !options.smoke,
        naive: spec !== 'demo' && spec.services <= 200,
      });
      results.sync.push(...rows);
      results.analysis.push({ estate: estateLabel(spec), ...benchAnalysis(snapshots) });
    }
  }
  // The sync part times the plan check on every estate it reads; alone, the
  // plan check is timed on the largest estate, read without AWS quotas.
  if (runs('validate') && !runs('sync')) {
    const spec = estates[estates.length - 1];
    options.log(`validate over ${estateLabel(spec)}: read without quotas, then plan checks…`);
    results.analysis.push({ estate: estateLabel(spec), ...benchAnalysis(await readEstateSnapshots(spec)) });
  }
  const portalSpec = { services: 2000, clusters: 20, regions: 2, accounts: 1 };
  if (!options.smoke && runs('portal')) {
    options.log(`portal over ${estateLabel(portalSpec)}: app build, catalog, Chromium…`);
    results.portal = await benchPortal(portalSpec, estateLabel(portalSpec));
  }
  if (!options.smoke && runs('map')) {
    options.log(`service map over ${estateLabel(portalSpec)}: app build, sync, Chromium…`);
    results.map = await benchServiceMap(portalSpec, estateLabel(portalSpec));
  }
  if (runs('soak')) {
    const soak = options.smoke ? SOAK_SMOKE : SOAK_FULL;
    options.log(`soak over ${estateLabel(soak.spec)}${options.smoke ? '' : ' under AWS quotas'}…`);
    results.soak = await benchSoak(soak.spec, { ...soak.options, log: options.log });
  }
  if (!options.smoke && runs('events')) {
    const spec = { services: 2000, clusters: 20, regions: 2, accounts: 1 };
    options.log(`events over ${estateLabel(spec)} under AWS quotas: demo backend, SQS events module, catalog…`);
    results.events = await benchEvents(spec, {
      changes: 200,
      changeEveryMs: 1000,
      lostChanges: 60,
      dropRate: 0.1,
      // Longer than the 200 changes take, so their AWS calls are measured
      // apart from full syncs; it bounds the staleness of lost events.
      fullSyncMinutes: 8,
      throttle: true,
      log: options.log,
    });
  }
  return results;
}

function ratio(a: number, b: number) {
  return b > 0 ? `${(a / b).toFixed(2)}×` : '—';
}

function table(headers: string[], rows: Array<Array<string | number>>) {
  const cells = rows.map(r => r.map(String));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map(r => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(headers), line(widths.map(w => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function formatResults(results: BenchResults): string {
  const sync = table(
    ['estate', 'run', 'AWS calls', 'lower bound', 'calls/bound', 'seconds', 'quota bound s', 'time/bound', 'throttled', 'failed scopes'],
    results.sync.map(r => [
      r.estate,
      r.run,
      r.calls,
      r.lowerBound,
      ratio(r.calls, r.lowerBound),
      r.seconds.toFixed(1),
      r.quotaBoundSeconds.toFixed(1),
      r.quotaBoundSeconds >= 1 ? ratio(r.seconds, r.quotaBoundSeconds) : '—',
      r.throttledBySdkRetries,
      r.failedScopes,
    ]),
  );
  const td = table(
    ['estate', 'run', 'DescribeTaskDefinition', 'DescribeServices', 'ListServices (ecs)', 'DescribeTasks'],
    results.sync
      .filter(r => r.run !== 'naive')
      .map(r => [
        r.estate,
        r.run,
        r.callsByOperation['ecs:DescribeTaskDefinition'] ?? 0,
        r.callsByOperation['ecs:DescribeServices'] ?? 0,
        r.callsByOperation['ecs:ListServices'] ?? 0,
        r.callsByOperation['ecs:DescribeTasks'] ?? 0,
      ]),
  );
  const analysis = table(
    ['estate', 'endpoints', 'edges', 'findings', 'analyze ms', 'lookup index ms', 'validate cold ms', 'validate warm ms', `warm/${VALIDATE_GOAL_MS}ms goal`],
    results.analysis.map(a => [
      a.estate,
      a.endpoints,
      a.edges,
      a.findings,
      a.analyzeMs.toFixed(0),
      a.lookupIndexMs.toFixed(0),
      a.validateColdMs.toFixed(0),
      a.validateWarmMs.toFixed(0),
      ratio(a.validateWarmMs, VALIDATE_GOAL_MS),
    ]),
  );
  const api = table(
    ['estate', 'route', 'requests', 'clients', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'p99/100ms goal'],
    results.api.map(a => [a.estate, a.route, a.requests, a.concurrency, a.p50Ms.toFixed(1), a.p99Ms.toFixed(1), a.maxMs.toFixed(1), a.errors, ratio(a.p99Ms, 100)]),
  );
  const h = results.history;
  const history = h
    ? table(
        ['estate', 'facts', 'hours', 'facts ms', 'record p50 ms', 'record p95 ms', 'record max ms', `p95/${RECORD_GOAL_MS}ms goal`, `max/${RECORD_GOAL_MS}ms goal`, 'retention p95 ms', 'retention max ms', 'changes recorded', 'changes kept', 'storage MB (changes + services + facts)', '/changes answer', '/blast-radius callers'],
        [[
          h.estate,
          h.facts,
          h.generations,
          h.factsMs.toFixed(0),
          h.recordP50Ms.toFixed(1),
          h.recordP95Ms.toFixed(1),
          h.recordMaxMs.toFixed(1),
          ratio(h.recordP95Ms, RECORD_GOAL_MS),
          ratio(h.recordMaxMs, RECORD_GOAL_MS),
          h.retentionP95Ms.toFixed(1),
          h.retentionMaxMs.toFixed(1),
          h.changesRecorded,
          h.changesStored,
          `${h.storageMb.total} (${h.storageMb.changes} + ${h.storageMb.changeServices} + ${h.storageMb.facts})`,
          h.answers ? `${h.answers.changesPerEntity.toFixed(0)} changes, ${h.answers.changesKb.toFixed(0)} KB` : '—',
          h.answers ? `${h.answers.blastRadiusCallers.toFixed(0)}, ${h.answers.blastRadiusKb.toFixed(0)} KB` : '—',
        ]],
      )
    : 'not run';
  const m = results.memory;
  // The goal is RSS over idle: what syncing adds to a backend that has
  // loaded the plugin. Absolute RSS and the peak are shown beside it.
  const memory = m
    ? table(
        ['estate', 'RSS idle MB', 'RSS peak MB', 'RSS synced MB', 'over idle MB', 'over idle/300MB goal', 'heap synced MB', 'RSS after API load MB'],
        [[m.estate, m.idleRssMb, m.peakRssMb, m.syncedRssMb, m.syncedRssMb - m.idleRssMb, ratio(m.syncedRssMb - m.idleRssMb, 300), m.syncedHeapMb, m.loadedRssMb]],
      )
    : 'not run';
  const p = results.portal;
  const portal = p
    ? table(
        ['estate', 'catalog s after sync', 'entities', 'cold load FCP ms', 'cold load longest task ms', 'nav to content ms', 'nav longest task ms', 'interaction longest task ms'],
        [[p.estate, p.catalogSeconds.toFixed(1), p.catalogEntities, p.loadFirstContentfulPaintMs.toFixed(0), p.loadLongestTaskMs.toFixed(0), p.navigationToContentMs.toFixed(0), p.navigationLongestTaskMs.toFixed(0), p.interactionLongestTaskMs.toFixed(0)]],
      )
    : 'not run (smoke)';
  const sm = results.map;
  const map = sm
    ? [
        table(
          ['estate', 'services', 'first render ms', 'first render/2 s goal', 'groups placed ms (worker)', 'full layout ms (worker)', 'load longest task ms', 'interaction longest task ms', 'tasks > 100 ms', 'JS heap MB'],
          [[sm.estate, sm.services, sm.firstRenderMs.toFixed(0), ratio(sm.firstRenderMs, 2000), sm.groupsPlacedMs.toFixed(0), sm.layoutMs.toFixed(0), sm.loadLongestTaskMs.toFixed(0), sm.interactionLongestTaskMs.toFixed(0), sm.interactionTasksOver100Ms, sm.heapUsedMb]],
        ),
        table(
          ['interaction step', 'longest task ms', 'longest/100 ms goal'],
          Object.entries(sm.longestTaskByStepMs).map(([step, ms]) => [step, ms.toFixed(0), ratio(ms, 100)]),
        ),
      ].join('\n\n')
    : 'not run (smoke)';
  return [
    'AWS calls and sync time (reader at 100% of each quota; lower bound = page/batch formula in lowerBound.ts)',
    sync,
    '',
    'Calls by operation',
    td,
    '',
    'Analysis',
    analysis,
    '',
    'API (the plugin router in a backend-like process; load from another process over loopback, keep-alive)',
    api,
    '',
    `History in that process, after the memory readings: hours of seeded hourly churn (src/historyChurn.ts) recorded by the engine's HistoryStore over its SQLite store, each at its hour, with ${h?.retentionDays ?? 30} days' retention applied after each (timed apart: the plugin runs it on its own hourly schedule); facts ms = the recorder's step before the store's; storage = SQLite pages in use by the history tables and their indexes × page size (dbstat); answers = mean over the loaded entities (the API table's /changes and /blast-radius rows; /changes is its default page, as the UI asks)`,
    history,
    '',
    "Memory of that backend-like process, after V8's memory-reducing GC: idle before the sync; peak during the syncs and view build; after them (sync engine, store, analyzed view); after the API load",
    memory,
    '',
    'Portal: production app build served by the backend, real catalog, Debian Chromium (goals: FCP ≤ 3 s, no task over 200 ms)',
    portal,
    '',
    'Service map: the network page\'s map tab, production app, Debian Chromium; first render = network response end to first canvas picture; interaction = zoom, pan, hover, find-and-focus, open a group, open all, fit (goals: first render ≤ 2 s, no task over 100 ms)',
    map,
    '',
    'Soak: the backend syncing on a short schedule while the estate changes (scale, create, delete) and lookups run steadily; memory after V8\'s memory-reducing GC',
    formatSoak(results.soak),
    '',
    'Live updates: AWS change events → SQS → the events module → re-reads → delta to the catalog (goals: change → API p95 ≤ 2 s, change → catalog p95 ≤ 10 s, ≥ 10× fewer AWS calls per hour)',
    formatEvents(results.events),
  ].join('\n');
}

function formatSoak(soak: SoakMeasurement | undefined): string {
  if (!soak) return 'not run';
  const syncs = table(
    ['sync', 'started at s', 'seconds', 'services', 'failed scopes', 'errors logged', 'RSS MB', 'heap MB', 'heap committed MB', 'new space MB', 'external MB'],
    soak.syncs.map(s => [s.index, s.startedAtSeconds.toFixed(0), s.seconds.toFixed(1), s.services, s.failedScopes, s.loggedErrors, s.rssMb, s.heapMb, s.heapCommittedMb, s.newSpaceMb, s.externalMb]),
  );
  const { changes, lookups } = soak;
  const summary = table(
    ['estate', 'minutes', 'syncs', 'changes (scaled/created/deleted/failed)', 'lookups (resent)', 'lookup p50/p99 ms', 'lookup errors', 'RSS last/first (goal ≤ 1.10)', 'RSS last/second', 'slowest sync/first (goal ≤ 1)', 'errors (goal 0)'],
    [[
      soak.estate,
      soak.minutes,
      soak.syncs.length,
      `${changes.scaled}/${changes.created}/${changes.deleted}/${changes.failed}`,
      `${lookups.requests} (${lookups.resent})`,
      `${lookups.p50Ms.toFixed(1)}/${lookups.p99Ms.toFixed(1)}`,
      Object.entries(lookups.errors).map(([kind, n]) => `${kind}×${n}`).join(' ') || 'none',
      soak.rssOverFirst.toFixed(2),
      soak.rssOverSecond.toFixed(2),
      soak.slowestOverFirst.toFixed(2),
      soak.errors,
    ]],
  );
  const failures = soak.syncs.flatMap(s => s.failures.map(f => `sync ${s.index}: ${f}`));
  return [syncs, '', summary, ...(failures.length ? ['', 'Scopes not read:', ...failures] : [])].join('\n');
}

function formatEvents(events: EventsMeasurement | undefined): string {
  if (!events) return 'not run (smoke)';
  const { changes, changeToApi: api, changeToCatalog: catalog, lostEvents: lost, perHourAt10k: perHour } = events;
  const latency = table(
    ['estate', 'changes (out/created/in/deleted)', 'change → API p50/p95/max ms', 'p95/2s goal', 'change → catalog p50/p95/max ms', 'p95/10s goal', 'not seen'],
    [[
      events.estate,
      `${changes.scaledOut}/${changes.created}/${changes.scaledIn}/${changes.deleted}`,
      `${api.p50Ms}/${api.p95Ms}/${api.maxMs}`,
      ratio(api.p95Ms, 2000),
      `${catalog.p50Ms}/${catalog.p95Ms}/${catalog.maxMs}`,
      ratio(catalog.p95Ms, 10_000),
      api.timedOut + catalog.timedOut,
    ]],
  );
  const calls = table(
    ['full sync calls (this estate)', 'calls per change', 'SQS calls/h idle', 'SQS calls per change', `at ${perHour.services} services: polling every 5 min /h`, `events + hourly sync /h (${Math.round(perHour.changesPerHour)} changes/h)`, 'ratio (goal ≥ 10×)', '10× up to changes/h'],
    [[events.fullSyncCalls, events.callsPerChange.toFixed(1), Math.round(events.sqsIdleCallsPerHour), events.sqsCallsPerChange.toFixed(1), perHour.polling, perHour.events, `${events.callsPerHourRatio.toFixed(1)}×`, events.changesPerHourAt10x]],
  );
  const publish = table(
    ['catalog entities', 'full mutation: sync → all in catalog ms', 'delta: change → catalog p95 ms', 'full/delta'],
    [[events.catalogEntities, events.fullMutationToCatalogMs, catalog.p95Ms, ratio(events.fullMutationToCatalogMs, catalog.p95Ms)]],
  );
  const staleness = table(
    ['events dropped', 'full sync every', 'changes', 'staleness p50/p95/max ms', 'over 10 s', 'never seen'],
    [[`${lost.dropRate * 100} %`, `${lost.fullSyncMinutes} min`, lost.count + lost.timedOut, `${lost.p50Ms}/${lost.p95Ms}/${lost.maxMs}`, lost.afterMoreThan10s, lost.timedOut]],
  );
  return [latency, '', calls, '', publish, '', staleness].join('\n');
}
