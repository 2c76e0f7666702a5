import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { entityRefFromTag } from '@ecs-net/plugin-ecs-networking-common';
import Typography from '@material-ui/core/Typography';

/**
 * The owner from the service's tag. Tags are free text typed into AWS, so
 * only a value that is a valid entity ref becomes a link.
 */
export function OwnerName(props: { owner?: string }) {
  if (!props.owner) {
    return (
      <Typography component="span" variant="inherit" color="textSecondary">
        no owner tag
      </Typography>
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
