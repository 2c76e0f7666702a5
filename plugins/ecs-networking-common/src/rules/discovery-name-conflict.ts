import type { Finding } from '../model';
import { effectiveDiscoveryName } from '../endpoints';
import { finding, LintRule, serviceSubject } from './types';

/** @public */
export const discoveryNameConflict: LintRule = {
  id: 'discovery-name-conflict',
  severity: 'warning',
  title: 'Service Discovery name equals a Service Connect discovery name',
  description:
    'Service Connect creates a Cloud Map service named by its discovery name; a Service Discovery (DNS) service of the same name in the same namespace clashes with it, and one of the two cannot be created.',
  check({ scopes }) {
    const dnsNames = new Map<string, string>();
    for (const cloudMap of scopes.cloudMapServices) {
      if (cloudMap.item.managedByEcs || cloudMap.item.dnsRecords.length === 0)
        continue;
      const namespace = scopes.namespaceOfCloudMapService(cloudMap);
      if (!namespace) continue;
      dnsNames.set(
        `${namespace.item.arn}\u0000${cloudMap.item.name.toLowerCase()}`,
        cloudMap.item.name,
      );
    }
    const findings: Finding[] = [];
    for (const service of scopes.services) {
      const sc = service.item.serviceConnect;
      if (!sc?.enabled || !sc.namespace) continue;
      for (const entry of sc.services) {
        const name = effectiveDiscoveryName(entry);
        const clash = dnsNames.get(
          `${sc.namespace}\u0000${name.toLowerCase()}`,
        );
        if (!clash) continue;
        const namespace = scopes.namespaceByArn.get(sc.namespace)!.item.name;
        findings.push(
          finding(
            discoveryNameConflict,
            serviceSubject(service),
            `Service Connect discovery name "${name}" equals Service Discovery service ${clash}.${namespace}, and Cloud Map allows one service per name in a namespace.`,
            `Give port ${entry.portName} a different discoveryName, or keep Service Connect and Service Discovery in separate namespaces.`,
          ),
        );
      }
    }
    return findings;
  },
};
