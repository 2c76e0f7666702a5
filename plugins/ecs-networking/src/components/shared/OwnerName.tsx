import type { Entity } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { entityRefFromTag } from '@ecs-net/plugin-ecs-networking-common';
import Typography from '@material-ui/core/Typography';

/**
 * The owner the catalog gave a service's Resource, for a service with no
 * owner tag: the configured default owner.
 */
export function catalogOwner(entities: Map<string, Entity>, arn: string): string | undefined {
  const owner = entities.get(arn)?.spec?.owner;
  return typeof owner === 'string' ? owner : undefined;
}

/**
 * The owner from the service's tag. Tags are free text typed into AWS, so
 * only a value that is a valid entity ref becomes a link. Without a tag, the
 * owner the catalog shows (`defaultOwner`, when known) marked as the
 * default, so the page says one owner, the same as the catalog does.
 */
export function OwnerName(props: { owner?: string; defaultOwner?: string }) {
  if (!props.owner) {
    if (!props.defaultOwner) {
      return (
        <Typography component="span" variant="inherit" color="textSecondary">
          no owner tag
        </Typography>
      );
    }
    return (
      <>
        <EntityRefLink entityRef={props.defaultOwner} defaultKind="group" hideIcon />{' '}
        <Typography
          component="span"
          variant="inherit"
          color="textSecondary"
          title="The service has no owner tag: this is the configured default owner (ecsNetworking.ownership.defaultOwner)"
        >
          (default owner)
        </Typography>
      </>
    );
  }
  const ref = entityRefFromTag(props.owner, 'group');
  return ref ? (
    <EntityRefLink entityRef={ref} hideIcon>
      {props.owner}
    </EntityRefLink>
  ) : (
    <Typography component="span" variant="inherit">
      {props.owner}
    </Typography>
  );
}
