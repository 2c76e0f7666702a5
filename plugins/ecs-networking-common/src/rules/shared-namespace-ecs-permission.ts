import type { Finding } from '../model';
import { finding, LintRule, namespaceSubject } from './types';

/** The RAM managed permission ECS Service Connect needs on a shared namespace. */
export const CLOUD_MAP_ECS_PERMISSION = 'AWSRAMPermissionCloudMapECSFullPermission';

/** @public */
export const sharedNamespaceEcsPermission: LintRule = {
  id: 'shared-namespace-ecs-permission',
  severity: 'error',
  title: 'Shared namespace without the ECS permission',
  description: `Service Connect in another account works with a shared Cloud Map namespace only when its AWS RAM share carries the managed permission ${CLOUD_MAP_ECS_PERMISSION}; with another permission the accounts see the namespace but their services cannot join it.`,
  check({ scopes }) {
    const findings: Finding[] = [];
    for (const namespace of scopes.namespaces) {
      for (const share of namespace.item.shares ?? []) {
        if (share.status && share.status !== 'ACTIVE') continue;
        if (share.permissions.includes(CLOUD_MAP_ECS_PERMISSION)) continue;
        const granted = share.permissions.join(', ') || 'none';
        findings.push(
          finding(
            sharedNamespaceEcsPermission,
            namespaceSubject(namespace),
            `Resource share ${share.name} shares namespace ${namespace.item.name} with ${
              share.principals.join(', ') || 'no one'
            } under ${granted}, without ${CLOUD_MAP_ECS_PERMISSION}, so Service Connect in those accounts cannot use it.`,
            `Associate ${CLOUD_MAP_ECS_PERMISSION} with resource share ${share.name} (ram associate-resource-share-permission), or share the namespace in a resource share that has it.`,
          ),
        );
      }
    }
    return findings;
  },
};
