// @ts-check

/**
 * Network history (see src/history): what changed from one generation to
 * the next, and the facts of the last recorded generation to diff the next
 * one against. A fact row is written when it changes, so recording a
 * generation writes in proportion to its changes, not to the estate.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ecs_networking_changes', table => {
    table.increments('id');
    table.bigInteger('generation').notNullable();
    // Its place among the generation's changes: with the generation, what service rows refer to.
    table.integer('seq').notNullable();
    // ISO 8601, so text order is time order on every database.
    table.string('at', 32).notNullable().index();
    table.string('trigger', 16).notNullable();
    table.text('change').notNullable();
    table.unique(['generation', 'seq']);
  });
  // The services a change concerns: `GET /changes?entityRef=` reads by them.
  await knex.schema.createTable('ecs_networking_change_services', table => {
    table.bigInteger('generation').notNullable().index();
    table.integer('seq').notNullable();
    table.string('service_arn', 2048).notNullable();
    table.index(['service_arn', 'generation']);
  });
  await knex.schema.createTable('ecs_networking_history_facts', table => {
    // `kind key` of the fact.
    table.text('id').primary();
    table.text('fact').notNullable();
  });
  // The generation the stored facts are of; absent until the first recording.
  await knex.schema.alterTable('ecs_networking_generation', table => {
    table.bigInteger('history_generation').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('ecs_networking_generation', table => {
    table.dropColumn('history_generation');
  });
  await knex.schema.dropTable('ecs_networking_history_facts');
  await knex.schema.dropTable('ecs_networking_change_services');
  await knex.schema.dropTable('ecs_networking_changes');
};
