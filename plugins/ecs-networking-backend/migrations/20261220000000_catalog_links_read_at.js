// @ts-check

/**
 * When the stored catalog answer was read (epoch milliseconds). The sync and
 * the catalog-links task read the catalog independently, possibly on
 * different replicas; an answer read before the stored one must not replace
 * it when it finishes last.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('ecs_networking_generation', table => {
    table.bigInteger('catalog_links_read_at').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('ecs_networking_generation', table => {
    table.dropColumn('catalog_links_read_at');
  });
};
