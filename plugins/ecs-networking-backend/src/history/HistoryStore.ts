import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import {
  ChangeTrigger,
  diffFactsById,
  factId,
  NetworkChange,
  NetworkFact,
  RecordedChange,
} from '@ecs-net/plugin-ecs-networking-common';
import { chunks } from '../store/chunks';

/** How much history is kept. */
export interface HistorySettings {
  /** Changes older than this are dropped. */
  retentionMs: number;
  /** At most this many changes are kept, the newest. */
  maxChanges: number;
}

/** A place in the order changes are served in: after this generation's change `seq`. */
export interface ChangesCursor {
  generation: number;
  seq: number;
}

/** At most this many changes are deleted in one transaction by the retention. */
const RETENTION_BATCH = 2000;

interface ChangeRow {
  id: number;
  generation: number | string;
  seq: number;
  at: string;
  trigger: ChangeTrigger;
  change: string;
}

function toRecorded(row: ChangeRow): RecordedChange {
  const change: NetworkChange = JSON.parse(row.change);
  return { ...change, id: row.id, generation: Number(row.generation), at: row.at, trigger: row.trigger };
}

/**
 * The network's history in the plugin database: every recorded change, and
 * the facts of the last recorded generation (the next one is diffed against
 * them). Tables are created by the plugin's migrations, which
 * `SnapshotStore.create` runs.
 */
export class HistoryStore {
  static async create(database: DatabaseService, settings: HistorySettings): Promise<HistoryStore> {
    return new HistoryStore(await database.getClient(), settings);
  }

  /** The facts last recorded by this process, so it need not read them back. */
  private cache?: { generation: number; facts: Map<string, NetworkFact> };

  private constructor(
    private readonly db: Knex,
    private readonly settings: HistorySettings,
  ) {}

  /**
   * Records a generation: its changes against the last recorded one, and
   * its facts. The first generation ever recorded is the baseline and has
   * no changes. A generation at or below the last recorded one (another
   * replica was quicker) is left alone: undefined. The retention is
   * `applyRetention`'s, on its own schedule: deleting an expired hour is
   * work of the size of a recording, and need not hold up this transaction.
   */
  async record(
    generation: number,
    facts: NetworkFact[],
    trigger: ChangeTrigger,
    now: Date = new Date(),
  ): Promise<NetworkChange[] | undefined> {
    const next = new Map(facts.map(fact => [factId(fact), fact]));
    const recorded = await this.db.transaction(async tx => {
      const claim = await this.claim(tx, generation);
      if (!claim) return undefined;
      const { last } = claim;
      let changes: NetworkChange[] = [];
      if (last === undefined) {
        await this.writeFacts(tx, [...next.values()]);
      } else {
        const previous = this.cache?.generation === last ? this.cache.facts : await this.readFacts(tx);
        changes = diffFactsById(previous, next);
        await this.applyChanges(tx, changes, next);
        await this.insertChanges(tx, changes, generation, trigger, now);
      }
      return changes;
    });
    this.cache = recorded ? { generation, facts: next } : undefined;
    return recorded;
  }

  /**
   * Moves the recorded generation up to `generation`, if it is below; what
   * it was (none before the first recording), or undefined when it is not
   * below. A compare-and-set: when two replicas record at once, the second
   * one's update waits for the first's transaction (PostgreSQL locks the
   * row), then finds the generation moved and reads it again, so a
   * generation is recorded once and the stored facts stay one generation's.
   */
  private async claim(tx: Knex.Transaction, generation: number): Promise<{ last?: number } | undefined> {
    for (;;) {
      const row = await tx('ecs_networking_generation').where({ id: 1 }).first('history_generation');
      if (!row) throw new Error('ecs_networking_generation has no row: the plugin\'s migrations have not run');
      const last = row.history_generation === null ? undefined : Number(row.history_generation);
      if (last !== undefined && last >= generation) return undefined;
      const moved = await tx('ecs_networking_generation')
        .where({ id: 1 })
        .andWhere(q => (last === undefined ? q.whereNull('history_generation') : q.where('history_generation', last)))
        .update({ history_generation: generation });
      if (moved > 0) return { last };
    }
  }

  /**
   * A page of the recorded changes in `[since, until]`, newest generation
   * first (a generation's in the order the diff gives them), at most
   * `limit`, starting after `before`; with `serviceArns`, only those
   * concerning one of them. `next` is where the next page starts, when
   * there is one: a place in that order, which newer recordings do not move.
   */
  async changes(query: {
    since: string;
    until: string;
    serviceArns?: string[];
    limit: number;
    before?: ChangesCursor;
  }): Promise<{ changes: RecordedChange[]; truncated: boolean; next?: ChangesCursor }> {
    const { before } = query;
    const newest = () =>
      this.db<ChangeRow>('ecs_networking_changes')
        .where('at', '>=', query.since)
        .andWhere('at', '<=', query.until)
        .andWhere(q => {
          if (before) {
            q.where('generation', '<', before.generation).orWhere(same =>
              same.where('generation', before.generation).andWhere('seq', '>', before.seq),
            );
          }
        })
        .orderBy([
          { column: 'generation', order: 'desc' },
          { column: 'seq', order: 'asc' },
        ])
        .limit(query.limit + 1)
        .select();
    let rows: ChangeRow[];
    if (query.serviceArns) {
      // One statement a chunk of services, each ordered and limited by the
      // database; the chunks' rows merged (a change may concern services of two).
      const byId = new Map<number, ChangeRow>();
      for (const arns of chunks([...new Set(query.serviceArns)])) {
        const concerning = this.db('ecs_networking_change_services as s')
          .join('ecs_networking_changes as c', function on() {
            this.on('c.generation', 's.generation').andOn('c.seq', 's.seq');
          })
          .whereIn('s.service_arn', arns)
          .select('c.id');
        const part: ChangeRow[] = await newest().whereIn('id', concerning);
        part.forEach(row => byId.set(Number(row.id), row));
      }
      rows = [...byId.values()]
        .sort((a, b) => Number(b.generation) - Number(a.generation) || a.seq - b.seq)
        .slice(0, query.limit + 1);
    } else {
      rows = await newest();
    }
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const truncated = rows.length > query.limit;
    return {
      changes: page.map(toRecorded),
      truncated,
      next: truncated ? { generation: Number(last.generation), seq: last.seq } : undefined,
    };
  }

  private async readFacts(tx: Knex.Transaction): Promise<Map<string, NetworkFact>> {
    const rows = await tx('ecs_networking_history_facts').select('id', 'fact');
    return new Map(rows.map(row => [row.id as string, JSON.parse(row.fact) as NetworkFact]));
  }

  private async writeFacts(tx: Knex.Transaction, facts: NetworkFact[]) {
    for (const part of chunks(facts)) {
      await tx('ecs_networking_history_facts')
        .insert(part.map(fact => ({ id: factId(fact), fact: JSON.stringify(fact) })))
        .onConflict('id')
        .merge();
    }
  }

  /** Brings the stored facts to the new generation's, writing only what changed. */
  private async applyChanges(tx: Knex.Transaction, changes: NetworkChange[], next: Map<string, NetworkFact>) {
    const removed = changes.filter(c => c.action === 'removed').map(factId);
    for (const part of chunks(removed)) {
      await tx('ecs_networking_history_facts').whereIn('id', part).delete();
    }
    await this.writeFacts(
      tx,
      changes.filter(c => c.action !== 'removed').map(c => next.get(factId(c))!),
    );
  }

  private async insertChanges(
    tx: Knex.Transaction,
    changes: NetworkChange[],
    generation: number,
    trigger: ChangeTrigger,
    now: Date,
  ) {
    const at = now.toISOString();
    const rows = changes.map((change, seq) => ({ generation, seq, at, trigger, change: JSON.stringify(change) }));
    for (const part of chunks(rows)) await tx('ecs_networking_changes').insert(part);
    const services = changes.flatMap((change, seq) =>
      change.serviceArns.map(arn => ({ generation, seq, service_arn: arn })),
    );
    for (const part of chunks(services)) await tx('ecs_networking_change_services').insert(part);
  }

  /**
   * Drops the generations past the retention, and the oldest beyond the
   * count bound: a generation's changes go together. Deletes at most
   * `RETENTION_BATCH` changes a transaction (or one generation, if larger),
   * so a large backlog (a retention just shortened) does not hold the
   * database in one long write. How many changes it dropped.
   */
  async applyRetention(now: Date = new Date()): Promise<number> {
    const upTo = await this.expiredUpTo(now);
    let dropped = 0;
    for (;;) {
      // Each generation holds a change at least, so this many generations hold a batch.
      const counts: Array<{ generation: number | string; count: number | string }> = await this.db(
        'ecs_networking_changes',
      )
        .where('generation', '<=', upTo)
        .groupBy('generation')
        .orderBy('generation')
        .limit(RETENTION_BATCH)
        .select('generation')
        .count({ count: '*' });
      if (counts.length === 0) return dropped;
      let last = Number(counts[0].generation);
      let batch = 0;
      for (const row of counts) {
        if (batch > 0 && batch + Number(row.count) > RETENTION_BATCH) break;
        batch += Number(row.count);
        last = Number(row.generation);
      }
      await this.db.transaction(async tx => {
        await tx('ecs_networking_change_services').where('generation', '<=', last).delete();
        await tx('ecs_networking_changes').where('generation', '<=', last).delete();
      });
      dropped += batch;
    }
  }

  /** The newest generation past the retention or the count bound; 0 when none is. */
  private async expiredUpTo(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.settings.retentionMs).toISOString();
    const changes = () => this.db('ecs_networking_changes');
    const expired = await changes().where('at', '<', cutoff).max({ generation: 'generation' }).first();
    const newest = await changes().max({ id: 'id' }).first();
    const overflow = await changes()
      .where('id', '<=', Number(newest?.id ?? 0) - this.settings.maxChanges)
      .max({ generation: 'generation' })
      .first();
    return Math.max(Number(expired?.generation ?? 0), Number(overflow?.generation ?? 0));
  }
}
