import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

const validator = makeValidator();

/**
 * A tag value as an entity ref: `team-a` read as an owner is
 * `group:default/team-a`, `component:shop/orders` stays as it is. Tags are
 * free text typed into AWS, so a value that cannot be a valid ref (empty,
 * spaces, too long) gives undefined rather than a ref the catalog would
 * reject. The catalog module, the backend and the frontend all read tags
 * through this, so the ref a service links to is the same everywhere.
 *
 * @public
 */
export function entityRefFromTag(
  value: string | undefined,
  defaultKind: string,
): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  try {
    const ref = parseEntityRef(text, {
      defaultKind,
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
