import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading the whole estate: `/network`, `/lookup`, `/snapshots` and
 * `/status`, which the network page and the scaffolder use. One entity's
 * network (`/entities/...`) is governed by the catalog's own
 * `catalog.entity.read` instead, so a policy can hide the estate view from
 * some users and still let them see the services of entities they may read.
 *
 * @public
 */
export const ecsNetworkingEstateReadPermission = createPermission({
  name: 'ecs-networking.estate.read',
  attributes: { action: 'read' },
});

/** @public */
export const ecsNetworkingPermissions = [ecsNetworkingEstateReadPermission];
