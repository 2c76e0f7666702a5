import type { Entity } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { serviceNameFromArn } from '../../lib/arns';

/**
 * An ECS service by its AWS name, linked to its catalog Resource when the
 * catalog holds one.
 */
export function ServiceLink(props: {
  arn: string;
  name?: string;
  entities: Map<string, Entity>;
}) {
  const name = props.name ?? serviceNameFromArn(props.arn);
  const entity = props.entities.get(props.arn);
  if (!entity) {
    return (
      <Typography component="span" variant="inherit">
        {name}
      </Typography>
    );
  }
  return (
    <EntityRefLink entityRef={entity} hideIcon>
      {name}
    </EntityRefLink>
  );
}
