// @ts-check

/**
 * Drift (see src/history/EdgeSightingsStore.ts): when each call between two
 * services last had network evidence. A row is written when a call appears
 * or goes, so recording a generation writes in proportion to its changes.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ecs_networking_edge_sightings', table => {
    // `caller ARN target ARN`.
    table.text('pair').primary();
    // ISO 8601 of the recording that no longer saw it; null while it is seen.
    table.string('last_seen', 32).nullable().index();
  });
  // When sightings began: nothing is known of the calls before.
  await knex.schema.alterTable('ecs_networking_generation', table => {
    table.string('sightings_since', 32).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('ecs_networking_generation', table => {
    table.dropColumn('sightings_since');
  });
  await knex.schema.dropTable('ecs_networking_edge_sightings');
};
