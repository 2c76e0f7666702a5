import type { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@ecs-net/plugin-ecs-networking-common';

/**
 * Whether the ECS networking card and tab apply to an entity: ECS service
 * Resources and endpoint APIs by their annotations, and every Component,
 * since a Component links to its ECS services through their tags rather than
 * through anything on the Component; the card explains the tag when none do.
 *
 * @public
 */
export function isEcsNetworkingAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return (
    Boolean(annotations[ANNOTATIONS.serviceArn]) ||
    Boolean(annotations[ANNOTATIONS.endpointId]) ||
    entity.kind.toLocaleLowerCase('en-US') === 'component'
  );
}
