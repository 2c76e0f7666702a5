import type { BackstageCredentials, PermissionsService } from '@backstage/backend-plugin-api';
import { CompoundEntityRef, Entity, parseEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { ecsNetworkingEstateReadPermission } from '@ecs-net/plugin-ecs-networking-common';

/**
 * Who may read what, for one caller: the HTTP routes and the registered
 * actions answer with the caller's own credentials through this, so both
 * follow the same rules.
 */
export interface NetworkAccess {
  /** Whole-estate questions: allowed by the permission policy, or NotAllowedError. */
  authorizeEstate(credentials: BackstageCredentials): Promise<void>;
  /**
   * An entity read with the caller's credentials, so the catalog's permission
   * rules decide who may see its network; NotFoundError when they cannot.
   */
  visibleEntity(credentials: BackstageCredentials, ref: string | CompoundEntityRef): Promise<Entity>;
}

function entityRefOf(text: string): CompoundEntityRef {
  try {
    return parseEntityRef(text, { defaultNamespace: 'default' });
  } catch (error) {
    throw new InputError(`entityRef: ${(error as Error).message}`);
  }
}

export function networkAccess(options: { catalog: CatalogService; permissions: PermissionsService }): NetworkAccess {
  const { catalog, permissions } = options;
  return {
    async authorizeEstate(credentials) {
      const [decision] = await permissions.authorize([{ permission: ecsNetworkingEstateReadPermission }], {
        credentials,
      });
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `Not allowed to read the ECS network estate (${ecsNetworkingEstateReadPermission.name})`,
        );
      }
    },
    async visibleEntity(credentials, ref) {
      const compound = typeof ref === 'string' ? entityRefOf(ref) : ref;
      const entity = await catalog.getEntityByRef(compound, { credentials });
      if (!entity) {
        throw new NotFoundError(`No entity ${compound.kind}:${compound.namespace}/${compound.name}`);
      }
      return entity;
    },
  };
}
