// @ts-check

/**
 * What the catalog declared services depend on, read by the sync and stored
 * under the same generation as the snapshots: every replica analyses the
 * same input, so the same generation means the same answer everywhere.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('ecs_networking_generation', table => {
    table.text('catalog_depends_on', 'longtext').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('ecs_networking_generation', table => {
    table.dropColumn('catalog_depends_on');
  });
};
