// @ts-check

/**
 * The removal guard (see src/sync/removalGuard.ts): a held-back drop in a
 * scope's services, and how many services its stored snapshot has, so a
 * sync can compare a read with the last good one without parsing the
 * stored snapshot. Existing rows get their count from their snapshot.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('ecs_networking_scopes', table => {
    table.text('removal_pending').nullable();
    table.integer('service_count').nullable();
  });
  const keys = await knex('ecs_networking_scopes')
    .whereNotNull('snapshot')
    .select('account_id', 'region');
  // One snapshot in memory at a time: they can be large.
  for (const key of keys) {
    const row = await knex('ecs_networking_scopes').where(key).first('snapshot');
    const services = JSON.parse(row.snapshot).services ?? [];
    await knex('ecs_networking_scopes')
      .where(key)
      .update({ service_count: services.length });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('ecs_networking_scopes', table => {
    table.dropColumn('removal_pending');
    table.dropColumn('service_count');
  });
};
