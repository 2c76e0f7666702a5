import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { pathToFileURL } from 'node:url';
import type {
  RemovalPending,
  ScopeSnapshot,
  ScopeStatus,
} from '@ecs-net/plugin-ecs-networking-common';
import {
  applyServiceRefresh,
  keepLaterRefreshes,
  ServiceRefresh,
} from '@ecs-net/plugin-ecs-networking-node';
import type { CatalogLinks } from '../service/catalogDependencies';
import { limitSqlitePageCache } from './sqlitePageCache';

// Resolved from this module rather than by package name, so the migrations
// found are this copy's own, wherever another copy of the package is installed.
const migrationsDir = resolvePackagePath(pathToFileURL(__filename).href, 'migrations');

interface ScopeRow {
  account_id: string;
  region: string;
  snapshot: string | null;
  last_success_at: string | null;
  last_error_at: string | null;
  last_error: string | null;
  consecutive_failures: number;
  calls: string | null;
  duration_ms: number | null;
  removal_pending: string | null;
  service_count: number | null;
}

export interface AttemptStats {
  calls: Record<string, number>;
  durationMs: number;
}

/** What the removal guard compares a read with. */
export interface RemovalGuardState {
  /** Services of the stored snapshot. */
  previousServices: number;
  pending?: RemovalPending;
}

export interface StoredScope {
  status: ScopeStatus;
  snapshot?: ScopeSnapshot;
}

/** The later of the last full read and the last re-read from an event laid over it. */
function updatedAt(lastSuccessAt: string | null, snapshot?: ScopeSnapshot): string | undefined {
  const times = [lastSuccessAt, ...Object.values(snapshot?.refreshedAt ?? {})];
  return times.reduce<string | undefined>((latest, at) => (at && (!latest || at > latest) ? at : latest), undefined);
}

function toStatus(row: ScopeRow, snapshot?: ScopeSnapshot): ScopeStatus {
  return {
    accountId: row.account_id,
    region: row.region,
    lastSuccessAt: row.last_success_at ?? undefined,
    updatedAt: updatedAt(row.last_success_at, snapshot),
    lastErrorAt: row.last_error_at ?? undefined,
    lastError: row.last_error ?? undefined,
    consecutiveFailures: row.consecutive_failures,
    stale: row.consecutive_failures > 0,
    calls: row.calls ? JSON.parse(row.calls) : {},
    durationMs: row.duration_ms ?? undefined,
    counts: {
      services: snapshot?.services.length ?? 0,
      namespaces: snapshot?.namespaces.length ?? 0,
      taskDefinitions: snapshot?.taskDefinitions.length ?? 0,
    },
    ...(snapshot?.skipped?.length ? { skipped: snapshot.skipped } : {}),
    ...(snapshot?.anomalies?.length ? { anomalies: snapshot.anomalies } : {}),
    removalPending: row.removal_pending ? JSON.parse(row.removal_pending) : undefined,
  };
}

/** The last good snapshot and last attempt of every account × region. */
export class SnapshotStore {
  static async create(database: DatabaseService): Promise<SnapshotStore> {
    const client = await database.getClient();
    await limitSqlitePageCache(client);
    if (!database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new SnapshotStore(client);
  }

  private localWrites = 0;

  private constructor(private readonly db: Knex) {}

  /**
   * Writes this process has committed. A cache of the store may trust
   * itself for a while about other replicas' writes, never about its own:
   * the sync's event is handled right after them.
   */
  get committedWrites(): number {
    return this.localWrites;
  }

  /**
   * Stores a full read. Services re-read from events after `readStartedAt`
   * keep their stored version: the full read saw them earlier.
   */
  async saveSuccess(
    read: ScopeSnapshot,
    stats: AttemptStats,
    readStartedAt?: string,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      const stored = readStartedAt ? await this.storedSnapshot(tx, read) : undefined;
      const snapshot = readStartedAt ? keepLaterRefreshes(read, stored, readStartedAt) : read;
      await tx<ScopeRow>('ecs_networking_scopes')
        .insert({
          account_id: snapshot.accountId,
          region: snapshot.region,
          snapshot: JSON.stringify(snapshot),
          last_success_at: snapshot.readAt,
          last_error_at: null,
          last_error: null,
          consecutive_failures: 0,
          calls: JSON.stringify(stats.calls),
          duration_ms: stats.durationMs,
          removal_pending: null,
          service_count: snapshot.services.length,
        })
        .onConflict(['account_id', 'region'])
        .merge();
      await this.bump(tx);
    });
  }

  /**
   * Lays a re-read of some services over the stored snapshot of their
   * scope, in one transaction with reading it, so replicas applying reads
   * concurrently lose nothing. A new generation only when a service
   * changed. False when the scope has no snapshot yet (its first full read
   * will have them).
   */
  async applyRefresh(
    scope: { accountId: string; region: string },
    refresh: ServiceRefresh,
  ): Promise<{ changed: boolean; stored: boolean }> {
    return this.db.transaction(async tx => {
      const stored = await this.storedSnapshot(tx, scope);
      if (!stored) return { changed: false, stored: false };
      const updated = applyServiceRefresh(stored, refresh);
      const withoutTimes = (s: ScopeSnapshot) => JSON.stringify({ ...s, refreshedAt: undefined });
      const changed = withoutTimes(updated) !== withoutTimes(stored);
      await tx<ScopeRow>('ecs_networking_scopes')
        .where({ account_id: scope.accountId, region: scope.region })
        .update({ snapshot: JSON.stringify(updated), service_count: updated.services.length });
      if (changed) await this.bump(tx);
      return { changed, stored: true };
    });
  }

  /** The stored snapshot of one scope, if it has one. */
  async snapshotOf(scope: { accountId: string; region: string }): Promise<ScopeSnapshot | undefined> {
    return this.storedSnapshot(this.db, scope);
  }

  private async storedSnapshot(
    db: Knex,
    scope: { accountId: string; region: string },
  ): Promise<ScopeSnapshot | undefined> {
    const row = await db<ScopeRow>('ecs_networking_scopes')
      .where({ account_id: scope.accountId, region: scope.region })
      .first('snapshot');
    return row?.snapshot ? JSON.parse(row.snapshot) : undefined;
  }

  /** Records a failed attempt. The stored snapshot is left as it was. */
  async saveFailure(
    scope: { accountId: string; region: string },
    error: string,
    stats: AttemptStats,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      const now = new Date().toISOString();
      const updated = await tx<ScopeRow>('ecs_networking_scopes')
        .where({ account_id: scope.accountId, region: scope.region })
        .update({
          last_error_at: now,
          last_error: error,
          consecutive_failures: tx.raw(
            'consecutive_failures + 1',
          ) as unknown as number,
          calls: JSON.stringify(stats.calls),
          duration_ms: stats.durationMs,
        });
      if (updated === 0) {
        await tx<ScopeRow>('ecs_networking_scopes').insert({
          account_id: scope.accountId,
          region: scope.region,
          snapshot: null,
          last_error_at: now,
          last_error: error,
          consecutive_failures: 1,
          calls: JSON.stringify(stats.calls),
          duration_ms: stats.durationMs,
        });
      }
      await this.bump(tx);
    });
  }

  /**
   * Records a successful read that the removal guard held back: the stored
   * snapshot (and its time) stays, the scope is marked. It is no failure.
   */
  async saveHeld(
    scope: { accountId: string; region: string },
    pending: RemovalPending,
    stats: AttemptStats,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await tx<ScopeRow>('ecs_networking_scopes')
        .where({ account_id: scope.accountId, region: scope.region })
        .update({
          removal_pending: JSON.stringify(pending),
          last_error_at: null,
          last_error: null,
          consecutive_failures: 0,
          calls: JSON.stringify(stats.calls),
          duration_ms: stats.durationMs,
        });
      await this.bump(tx);
    });
  }

  /** The removal guard's view of every scope that has a stored snapshot, by `account/region`. */
  async removalGuardStates(): Promise<Map<string, RemovalGuardState>> {
    const rows = await this.db<ScopeRow>('ecs_networking_scopes')
      .whereNotNull('snapshot')
      .select('account_id', 'region', 'service_count', 'removal_pending');
    return new Map(
      rows.map(row => [
        `${row.account_id}/${row.region}`,
        {
          previousServices: row.service_count ?? 0,
          pending: row.removal_pending ? JSON.parse(row.removal_pending) : undefined,
        },
      ]),
    );
  }

  /** Removes scopes that are no longer configured. */
  async retainOnly(
    scopes: Array<{ accountId: string; region: string }>,
  ): Promise<void> {
    const keep = new Set(scopes.map(s => `${s.accountId}/${s.region}`));
    const rows = await this.db<ScopeRow>('ecs_networking_scopes').select(
      'account_id',
      'region',
    );
    const gone = rows.filter(r => !keep.has(`${r.account_id}/${r.region}`));
    if (gone.length === 0) return;
    await this.db.transaction(async tx => {
      for (const row of gone) {
        await tx('ecs_networking_scopes')
          .where({ account_id: row.account_id, region: row.region })
          .delete();
      }
      await this.bump(tx);
    });
  }

  async list(): Promise<StoredScope[]> {
    const rows = await this.db<ScopeRow>('ecs_networking_scopes')
      .select()
      .orderBy(['account_id', 'region']);
    return rows.map(row => {
      const snapshot: ScopeSnapshot | undefined = row.snapshot
        ? JSON.parse(row.snapshot)
        : undefined;
      return { status: toStatus(row, snapshot), snapshot };
    });
  }

  /**
   * One page of stored snapshots, ordered like `list`, read straight from
   * the database: serving them never needs them all in memory.
   */
  async page(offset: number, limit: number): Promise<{ total: number; items: ScopeSnapshot[] }> {
    const withSnapshot = () => this.db<ScopeRow>('ecs_networking_scopes').whereNotNull('snapshot');
    const [{ count }] = await withSnapshot().count({ count: '*' });
    const rows = await withSnapshot()
      .select('snapshot')
      .orderBy(['account_id', 'region'])
      .offset(offset)
      .limit(limit);
    return { total: Number(count), items: rows.map(row => JSON.parse(row.snapshot!)) };
  }

  /**
   * The stored snapshots of every scope but the given ones. Only these rows
   * are read and parsed: a sync needs the snapshots of scopes it could not
   * read, not a second copy of the ones it just read.
   */
  async snapshotsExcept(
    scopes: Array<{ accountId: string; region: string }>,
  ): Promise<ScopeSnapshot[]> {
    const skip = new Set(scopes.map(s => `${s.accountId}/${s.region}`));
    const keys = await this.db<ScopeRow>('ecs_networking_scopes')
      .whereNotNull('snapshot')
      .select('account_id', 'region');
    const wanted = keys.filter(k => !skip.has(`${k.account_id}/${k.region}`));
    const snapshots: ScopeSnapshot[] = [];
    for (const key of wanted) {
      const row = await this.db<ScopeRow>('ecs_networking_scopes')
        .where({ account_id: key.account_id, region: key.region })
        .first('snapshot');
      if (row?.snapshot) snapshots.push(JSON.parse(row.snapshot));
    }
    return snapshots;
  }

  async generation(): Promise<number> {
    const row = await this.db('ecs_networking_generation')
      .where({ id: 1 })
      .first('generation');
    return Number(row?.generation ?? 0);
  }

  /**
   * Stores what the catalog says about the services (see `CatalogLinks`),
   * read at `readAt` (epoch ms, taken before the read began). The sync and
   * the catalog-links task read independently, on any replica: an answer read
   * before the stored one is older news and is dropped, whichever finishes
   * last. A change is a new generation, like a new snapshot.
   */
  async saveCatalogLinks(links: CatalogLinks, readAt: number): Promise<void> {
    const json = JSON.stringify(links);
    await this.db.transaction(async tx => {
      const row = await tx('ecs_networking_generation')
        .where({ id: 1 })
        .first('catalog_depends_on', 'catalog_links_read_at');
      if (Number(row?.catalog_links_read_at ?? -Infinity) > readAt) return;
      const changed = row?.catalog_depends_on !== json;
      await tx('ecs_networking_generation')
        .where({ id: 1 })
        .update(changed ? { catalog_depends_on: json, catalog_links_read_at: readAt } : { catalog_links_read_at: readAt });
      if (changed) await this.bump(tx);
    });
  }

  async catalogLinks(): Promise<CatalogLinks | undefined> {
    const row = await this.db('ecs_networking_generation')
      .where({ id: 1 })
      .first('catalog_depends_on');
    if (!row?.catalog_depends_on) return undefined;
    const stored = JSON.parse(row.catalog_depends_on);
    // Stored before missing Components were kept: the dependsOn map alone.
    return Array.isArray(stored.missingComponents)
      ? stored
      : { dependsOn: stored, missingComponents: [] };
  }

  private async bump(tx: Knex.Transaction) {
    await tx('ecs_networking_generation')
      .where({ id: 1 })
      .increment('generation', 1);
    tx.executionPromise.then(
      () => this.localWrites++,
      () => undefined,
    );
  }
}
