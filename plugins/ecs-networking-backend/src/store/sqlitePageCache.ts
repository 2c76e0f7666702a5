import type { Knex } from 'knex';

/**
 * SQLite's own default page cache, 2 MB (negative: in KiB). better-sqlite3
 * builds SQLite with 16 MB per connection instead.
 */
const CACHE_SIZE_PRAGMA = 'cache_size = -2000';

type SqliteConnection = {
  pragma?: (source: string) => unknown;
  run?: (sql: string, callback: () => void) => unknown;
};

/**
 * Gives the plugin's SQLite connections SQLite's own 2 MB page cache. The
 * store holds a few large rows (a snapshot per account × region) that every
 * sync rewrites whole and every new generation reads whole, in order: a scan
 * larger than the cache, which an LRU cache never answers from, while the
 * pages it keeps stay in the process for good (the soak measured 16 MB of
 * them arriving with the first rewrite). An in-memory database keeps its
 * pages whatever the limit. Other databases are left as they are.
 */
export async function limitSqlitePageCache(client: Knex): Promise<void> {
  // Both SQLite drivers (sqlite3, better-sqlite3) are of this dialect.
  if (client.client.dialect !== 'sqlite3') return;
  // A connection the pool opens later (after an error) gets it too, the way
  // Backstage's own SQLite connector sets its pragmas.
  client.client.pool?.on('createSuccess', (_id: unknown, connection: SqliteConnection) => {
    if (connection.pragma) connection.pragma(CACHE_SIZE_PRAGMA);
    else connection.run?.(`PRAGMA ${CACHE_SIZE_PRAGMA}`, () => undefined);
  });
  await client.raw(`PRAGMA ${CACHE_SIZE_PRAGMA}`);
}
