import type { EcsServiceInfo, ServiceConnectService } from '../snapshot';
import type { Finding } from '../model';
import { effectiveDiscoveryName } from '../endpoints';
import { compareStrings } from '../names';
import type { Scoped } from '../scopeIndex';
import { finding, LintRule, serviceSubject } from './types';

interface Claim {
  service: Scoped<EcsServiceInfo>;
  entry: ServiceConnectService;
}

/** @public */
export const duplicateDiscoveryName: LintRule = {
  id: 'duplicate-discovery-name',
  severity: 'error',
  title: 'Discovery name used twice in a namespace',
  description:
    'Each Service Connect entry becomes a Cloud Map service named by its discovery name (the port name when unset); the name must be unique within the namespace.',
  check({ scopes }) {
    const groups = new Map<string, Claim[]>();
    for (const service of scopes.services) {
      const sc = service.item.serviceConnect;
      if (!sc?.enabled || !sc.namespace) continue;
      for (const entry of sc.services) {
        const key = `${sc.namespace}\u0000${effectiveDiscoveryName(
          entry,
        ).toLowerCase()}`;
        const group = groups.get(key);
        if (group) group.push({ service, entry });
        else groups.set(key, [{ service, entry }]);
      }
    }
    const findings: Finding[] = [];
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      for (const claim of group) {
        const name = effectiveDiscoveryName(claim.entry);
        const namespaceArn = claim.service.item.serviceConnect!.namespace!;
        const namespace =
          scopes.namespaceByArn.get(namespaceArn)?.item.name ?? namespaceArn;
        const others = group
          .filter(c => c !== claim)
          .map(c =>
            c.service === claim.service
              ? `another entry of this service (port ${c.entry.portName})`
              : `${c.service.item.clusterName}/${c.service.item.name}`,
          )
          .sort(compareStrings);
        findings.push(
          finding(
            duplicateDiscoveryName,
            serviceSubject(claim.service),
            `Discovery name "${name}" in namespace ${namespace} is also used by ${others.join(
              ', ',
            )}; Cloud Map holds one service per name, so the deployments collide.`,
            `Set a distinct discoveryName for port ${claim.entry.portName} (it defaults to the port name).`,
          ),
        );
      }
    }
    return findings;
  },
};
