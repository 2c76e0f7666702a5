import { networkFacts } from '@ecs-net/plugin-ecs-networking-common';
import type { Knex } from 'knex';
import type { BenchEngine } from './benchEngine';
import { FactChurn } from './historyChurn';
import { percentile } from './percentiles';

const HOUR_MS = 3600_000;

/** The history tables (`migrations/20261210000000_history.js`), with their indexes. */
const HISTORY_TABLES = {
  changes: 'ecs_networking_changes',
  changeServices: 'ecs_networking_change_services',
  facts: 'ecs_networking_history_facts',
} as const;

export interface HistoryMeasurement {
  estate: string;
  services: number;
  /** Facts of the estate's generation: services, endpoints, edges, findings. */
  facts: number;
  /** Hours of churn recorded, one generation each. */
  generations: number;
  retentionDays: number;
  /** The recorder's step before the store's: the estate's facts from its model (median of 3). */
  factsMs: number;
  /** `HistoryStore.record` of one generation: diff and writes. */
  recordP50Ms: number;
  recordP95Ms: number;
  recordMaxMs: number;
  /**
   * `HistoryStore.applyRetention` after each recording, as the hourly
   * `ecs-networking:history-retention` task runs it: the hour that expired
   * (none before the retention's window is full).
   */
  retentionP95Ms: number;
  retentionMaxMs: number;
  /** Changes recorded over all generations, and held once the retention has applied. */
  changesRecorded: number;
  changesStored: number;
  /** SQLite pages in use by each history table and its indexes × the page size, in MB. */
  storageMb: { changes: number; changeServices: number; facts: number; total: number };
  /** Filled in by the parent, which reads them through the API (`/changes`: its default page, as the UI asks). */
  answers?: { changesPerEntity: number; changesKb: number; blastRadiusCallers: number; blastRadiusKb: number };
}

/** What the parent needs to load the history routes. */
export interface HistoryBenchResult {
  measurement: HistoryMeasurement;
  /** The recorded window, ISO 8601. */
  since: string;
  until: string;
  /** Indexes into the model's services (entity `svc-<n>`): those with the most callers. */
  targets: number[];
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** Bytes of SQLite pages each history table and its indexes use (SQLite's `dbstat`). */
async function historyBytes(knex: Knex): Promise<Record<keyof typeof HISTORY_TABLES, number>> {
  const rows: Array<{ tbl: string; bytes: number }> = await knex.raw(
    `SELECT m.tbl_name AS tbl, SUM(d.pgsize) AS bytes FROM dbstat d JOIN sqlite_schema m ON m.name = d.name
     WHERE m.tbl_name IN (${Object.values(HISTORY_TABLES).map(() => '?').join(', ')}) GROUP BY m.tbl_name`,
    Object.values(HISTORY_TABLES),
  );
  const bytes = new Map(rows.map(row => [row.tbl, Number(row.bytes)]));
  const of = (table: string) => bytes.get(table) ?? 0;
  return {
    changes: of(HISTORY_TABLES.changes),
    changeServices: of(HISTORY_TABLES.changeServices),
    facts: of(HISTORY_TABLES.facts),
  };
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 100) / 100;

/**
 * Records `hours` generations of hourly churn over the engine's current
 * network with the engine's history store, each at its hour (the last at
 * the present), each followed by the retention, so it drops the oldest as
 * it does in a backend that has run that long; times each recording and
 * each retention apart, and reads the storage the history takes at the end.
 */
export async function benchHistory(
  engine: BenchEngine,
  estate: string,
  options: { hours: number; targets: number },
): Promise<HistoryBenchResult> {
  const view = await engine.network.current();
  const factTimes: number[] = [];
  let facts = networkFacts(view.model, { desiredCounts: view.indexes.desiredCounts });
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    facts = networkFacts(view.model, { desiredCounts: view.indexes.desiredCounts });
    factTimes.push(performance.now() - started);
  }
  const churn = new FactChurn(facts);
  const last = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
  const first = last - (options.hours - 1) * HOUR_MS;
  const recordTimes: number[] = [];
  const retentionTimes: number[] = [];
  let changesRecorded = 0;
  for (let hour = 0; hour < options.hours; hour++) {
    const next = churn.next();
    const started = performance.now();
    const changes = await engine.history.record(view.generation + 1 + hour, next, 'sync', new Date(first + hour * HOUR_MS));
    recordTimes.push(performance.now() - started);
    if (!changes) throw new Error(`hour ${hour}: the history store did not record its generation`);
    changesRecorded += changes.length;
    const retained = performance.now();
    await engine.history.applyRetention(new Date(first + hour * HOUR_MS));
    retentionTimes.push(performance.now() - retained);
  }
  recordTimes.sort((a, b) => a - b);
  retentionTimes.sort((a, b) => a - b);
  const [{ count }] = await engine.knex(HISTORY_TABLES.changes).count({ count: '*' });
  const bytes = await historyBytes(engine.knex);

  // The services most called: their neighbourhoods and blast radii are the largest.
  const callers = view.model.services.map((service, index) => ({
    index,
    callers: new Set((view.indexes.edgesTo.get(service.arn) ?? []).map(edge => edge.from)).size,
  }));
  const targets = callers
    .sort((a, b) => b.callers - a.callers || a.index - b.index)
    .slice(0, options.targets)
    .map(t => t.index);

  return {
    measurement: {
      estate,
      services: view.model.services.length,
      facts: facts.length,
      generations: options.hours,
      retentionDays: engine.settings.history.retentionMs / (24 * HOUR_MS),
      factsMs: median(factTimes),
      recordP50Ms: percentile(recordTimes, 50),
      recordP95Ms: percentile(recordTimes, 95),
      recordMaxMs: recordTimes[recordTimes.length - 1],
      retentionP95Ms: percentile(retentionTimes, 95),
      retentionMaxMs: retentionTimes[retentionTimes.length - 1],
      changesRecorded,
      changesStored: Number(count),
      storageMb: {
        changes: mb(bytes.changes),
        changeServices: mb(bytes.changeServices),
        facts: mb(bytes.facts),
        total: mb(bytes.changes + bytes.changeServices + bytes.facts),
      },
    },
    // The retention's window: what a backend that has run this long holds.
    since: new Date(Math.max(first, last - engine.settings.history.retentionMs)).toISOString(),
    until: new Date(last).toISOString(),
    targets,
  };
}
