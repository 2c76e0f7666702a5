import type { Entity } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { serviceNameFromArn } from '../../lib/arns';

// ECS service names run to 255 characters without a space: let them wrap
// rather than push out of their card.
const useStyles = makeStyles({ name: { overflowWrap: 'anywhere' } });

/**
 * An ECS service by its AWS name, linked to its catalog Resource when the
 * catalog holds one.
 */
export function ServiceLink(props: {
  arn: string;
  name?: string;
  entities: Map<string, Entity>;
}) {
  const classes = useStyles();
  const name = props.name ?? serviceNameFromArn(props.arn);
  const entity = props.entities.get(props.arn);
  if (!entity) {
    return (
      <Typography component="span" variant="inherit" className={classes.name}>
        {name}
      </Typography>
    );
  }
  return (
    <EntityRefLink entityRef={entity} hideIcon className={classes.name}>
      {name}
    </EntityRefLink>
  );
}
