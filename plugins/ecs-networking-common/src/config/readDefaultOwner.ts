import { parseEntityRef } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import { invalidConfig, readConfigAt } from './configErrors';

const KEY = 'ecsNetworking.ownership.defaultOwner';

/**
 * Reads `ecsNetworking.ownership.defaultOwner` from the root config: the
 * owner of whatever carries no valid owner tag. Default
 * `group:default/unknown`. A value that is not a group or user ref fails
 * here, at startup, rather than as entities the catalog rejects.
 *
 * @public
 */
export function readDefaultOwner(config: Config): string {
  const owner = readConfigAt(KEY, () => config.getOptionalString(KEY)) ?? 'group:default/unknown';
  const ref = readConfigAt(KEY, () =>
    parseEntityRef(owner, { defaultKind: 'group', defaultNamespace: 'default' }),
  );
  if (!['group', 'user'].includes(ref.kind.toLocaleLowerCase('en-US'))) {
    invalidConfig(KEY, `must name a group or a user, got "${owner}"`);
  }
  return owner;
}
