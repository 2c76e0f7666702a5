import {
  DEFAULT_NAMESPACE,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { EmptyState } from '@backstage/core-components';
import { ANNOTATIONS } from '@ecs-net/plugin-ecs-networking-common';

function componentTagValue(entity: Entity): string {
  const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  return namespace === DEFAULT_NAMESPACE
    ? entity.metadata.name
    : stringifyEntityRef(entity);
}

/** Why an entity has no ECS network, and how to give it one. */
export function NotLinkedEmptyState(props: { entity: Entity }) {
  const { entity } = props;
  const annotations = entity.metadata.annotations ?? {};
  if (annotations[ANNOTATIONS.serviceArn]) {
    return (
      <EmptyState
        missing="data"
        title="This ECS service is not in the latest data"
        description="It may have been deleted, or its account and region have not been read yet. The catalog drops it on the next sync if it is gone."
      />
    );
  }
  if (annotations[ANNOTATIONS.endpointId]) {
    return (
      <EmptyState
        missing="data"
        title="This endpoint is not in the latest data"
        description="The service that answered on it may have changed its Service Connect or Service Discovery configuration, or its account has not been read yet."
      />
    );
  }
  return (
    <EmptyState
      missing="field"
      title="No ECS service is linked to this component"
      description={`Tag the ECS service with component=${componentTagValue(
        entity,
      )} and it appears here after the next sync. (The tag key is set by ecsNetworking.tags.component in app-config; "component" by default.)`}
    />
  );
}
