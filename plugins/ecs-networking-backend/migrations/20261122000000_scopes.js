// @ts-check

/**
 * One row per account × region: the last good snapshot and the outcome of the
 * last attempt. A failed attempt updates only the status columns, so the last
 * good snapshot survives any number of failures.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ecs_networking_scopes', table => {
    table.string('account_id', 12).notNullable();
    table.string('region', 32).notNullable();
    table.text('snapshot', 'longtext').nullable();
    table.string('last_success_at').nullable();
    table.string('last_error_at').nullable();
    table.text('last_error').nullable();
    table.integer('consecutive_failures').notNullable().defaultTo(0);
    table.text('calls').nullable();
    table.integer('duration_ms').nullable();
    table.primary(['account_id', 'region']);
  });
  // Bumped on every write; readers on any replica compare it to decide
  // whether their cached model is current.
  await knex.schema.createTable('ecs_networking_generation', table => {
    table.integer('id').primary();
    table.bigInteger('generation').notNullable();
  });
  await knex('ecs_networking_generation').insert({ id: 1, generation: 0 });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ecs_networking_generation');
  await knex.schema.dropTable('ecs_networking_scopes');
};
