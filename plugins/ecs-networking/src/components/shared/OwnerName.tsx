import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';

const validator = makeValidator();

/** The owner tag as an entity ref, when it can be one. */
function ownerRef(owner: string): string | undefined {
  try {
    const ref = parseEntityRef(owner.trim(), {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    const valid =
      validator.isValidKind(ref.kind) &&
      validator.isValidNamespace(ref.namespace) &&
      validator.isValidEntityName(ref.name);
    return valid ? stringifyEntityRef(ref) : undefined;
  } catch {
    return undefined;
  }
}

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
  const ref = ownerRef(props.owner);
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
