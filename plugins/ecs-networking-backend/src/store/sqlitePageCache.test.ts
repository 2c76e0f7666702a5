import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SnapshotStore } from './SnapshotStore';

const cacheSize = async (knex: Knex) => (await knex.raw('PRAGMA cache_size'))[0].cache_size;

describe('the store on SQLite', () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsnet-pagecache-'));
  const databases: Knex[] = [];
  afterAll(async () => {
    await Promise.all(databases.map(db => db.destroy()));
    fs.rmSync(directory, { recursive: true, force: true });
  });

  function fileDatabase(name: string, pool?: Knex.PoolConfig) {
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(directory, name) },
      useNullAsDefault: true,
      pool,
    });
    databases.push(knex);
    return knex;
  }

  it('gives its connection SQLite’s own 2 MB page cache instead of the driver’s 16 MB', async () => {
    const knex = fileDatabase('store.sqlite');
    expect(await cacheSize(knex)).toBe(-16000);
    await SnapshotStore.create({ getClient: async () => knex });
    expect(await cacheSize(knex)).toBe(-2000);
  });

  it('gives it to a connection the pool opens later as well', async () => {
    const knex = fileDatabase('second.sqlite', { min: 1, max: 2 });
    await SnapshotStore.create({ getClient: async () => knex });
    // The first connection is held, so the pool opens a second.
    const first = await knex.client.acquireConnection();
    const second = await knex.client.acquireConnection();
    try {
      expect(second).not.toBe(first);
      expect(second.pragma('cache_size', { simple: true })).toBe(-2000);
    } finally {
      await knex.client.releaseConnection(first);
      await knex.client.releaseConnection(second);
    }
  });
});
