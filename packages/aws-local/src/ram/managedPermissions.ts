/** The ARN of an AWS RAM managed permission, by its name. */
export const ramPermissionArn = (name: string) =>
  `arn:aws:ram::aws:permission/${name}`;

/** RAM's resource type for a Cloud Map namespace, the only kind shared here. */
export const NAMESPACE_RESOURCE_TYPE = 'servicediscovery:namespace';

/** An AWS managed permission as RAM lists it. */
export interface ManagedPermission {
  arn: string;
  name: string;
  resourceType: string;
  /** Associated with a share of this resource type when none is named. */
  isResourceTypeDefault: boolean;
}

const permission = (
  name: string,
  isResourceTypeDefault: boolean,
): ManagedPermission => ({
  arn: ramPermissionArn(name),
  name,
  resourceType: NAMESPACE_RESOURCE_TYPE,
  isResourceTypeDefault,
});

/**
 * The AWS managed permissions for Cloud Map namespaces: the default one,
 * and the one ECS Service Connect needs to create services in a namespace
 * of another account.
 */
export const MANAGED_PERMISSIONS: readonly ManagedPermission[] = [
  permission('AWSRAMDefaultPermissionCloudMapNamespace', true),
  permission('AWSRAMPermissionCloudMapECSFullPermission', false),
];

/** Version 1 is the only version of the permissions above. */
export const PERMISSION_VERSION = '1';

/** The creation time RAM reports for its own managed permissions. */
export const MANAGED_PERMISSION_TIME = new Date('2024-11-01T00:00:00Z');

export function managedPermission(arn: string): ManagedPermission | undefined {
  // A versioned ARN (`…/Name/1`) names the same permission.
  const unversioned = arn.replace(/\/\d+$/, '');
  return MANAGED_PERMISSIONS.find(p => p.arn === unversioned);
}
