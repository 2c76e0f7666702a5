import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { chunks } from '../store/chunks';

/** What the store knows of the calls, as drift reads it. */
export interface EdgeSightings {
  /** When sightings began; absent before the first recording. */
  watchedSince?: string;
  /**
   * `pairKey` → ISO time a call not seen since was last seen, or undefined
   * for one seen at the last recording.
   */
  lastSeen: Map<string, string | undefined>;
}

/**
 * When each call between two services last had network evidence (a
 * container reference or traffic metrics), kept in the plugin database so
 * that a declared call can be told to have gone unobserved for days, across
 * restarts and replicas. Only appearances and disappearances are written.
 * Tables are created by the plugin's migrations, which `SnapshotStore.create`
 * runs.
 */
export class EdgeSightingsStore {
  static async create(database: DatabaseService): Promise<EdgeSightingsStore> {
    return new EdgeSightingsStore(await database.getClient());
  }

  private constructor(private readonly db: Knex) {}

  /**
   * Records the calls a generation observes: those not seen before are
   * seen now, those seen before and not now were last seen `now`. Calls
   * unseen for longer than `keepMs` are forgotten: a call never seen at all
   * counts the same from then on.
   */
  async record(observed: Set<string>, now: Date, keepMs: number): Promise<void> {
    const at = now.toISOString();
    await this.db.transaction(async tx => {
      const seen = new Set(
        (await tx('ecs_networking_edge_sightings').whereNull('last_seen').select('pair')).map(row => row.pair as string),
      );
      const appeared = [...observed].filter(pair => !seen.has(pair));
      for (const part of chunks(appeared)) {
        await tx('ecs_networking_edge_sightings')
          .insert(part.map(pair => ({ pair, last_seen: null })))
          .onConflict('pair')
          .merge();
      }
      const gone = [...seen].filter(pair => !observed.has(pair));
      for (const part of chunks(gone)) {
        await tx('ecs_networking_edge_sightings').whereIn('pair', part).update({ last_seen: at });
      }
      const cutoff = new Date(now.getTime() - keepMs).toISOString();
      await tx('ecs_networking_edge_sightings').where('last_seen', '<', cutoff).delete();
      await tx('ecs_networking_generation').where({ id: 1 }).whereNull('sightings_since').update({ sightings_since: at });
    });
  }

  async read(): Promise<EdgeSightings> {
    const [row, rows] = await Promise.all([
      this.db('ecs_networking_generation').where({ id: 1 }).first('sightings_since'),
      this.db('ecs_networking_edge_sightings').select('pair', 'last_seen'),
    ]);
    return {
      ...(row?.sightings_since ? { watchedSince: row.sightings_since as string } : {}),
      lastSeen: new Map(rows.map(r => [r.pair as string, (r.last_seen as string | null) ?? undefined])),
    };
  }
}
