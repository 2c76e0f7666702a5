import type { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS, ENTITY_TYPES } from '@ecs-net/plugin-ecs-networking-common';

/**
 * Whether an entity is a Cloud Map namespace Resource written by the catalog
 * provider: the namespace card applies to it. Endpoint APIs carry the
 * namespace annotation too, but stand for their service.
 *
 * @public
 */
export function isEcsNamespace(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    (entity.spec as { type?: unknown } | undefined)?.type === ENTITY_TYPES.cloudMapNamespace &&
    Boolean(entity.metadata.annotations?.[ANNOTATIONS.namespaceArn])
  );
}
