import type { Entity } from '@backstage/catalog-model';
import { cloudMapNamespaceArnOf } from '@ecs-net/plugin-ecs-networking-common';

/**
 * Whether an entity is a Cloud Map namespace Resource written by the catalog
 * provider: the namespace card applies to it.
 *
 * @public
 */
export function isEcsNamespace(entity: Entity): boolean {
  return Boolean(cloudMapNamespaceArnOf(entity));
}
