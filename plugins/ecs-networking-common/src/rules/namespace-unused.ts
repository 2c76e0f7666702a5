import type { Finding } from '../model';
import { finding, LintRule, namespaceSubject } from './types';

/** @public */
export const namespaceUnused: LintRule = {
  id: 'namespace-unused',
  severity: 'info',
  title: 'Cloud Map namespace used by nothing',
  description:
    'A namespace that no ECS service uses for Service Connect or Service Discovery, no cluster names as its default, and holds no registered instances is likely left over.',
  check({ scopes }) {
    const used = new Set<string>();
    for (const service of scopes.services) {
      const sc = service.item.serviceConnect;
      if (sc?.enabled && sc.namespace) used.add(sc.namespace);
      for (const registry of service.item.serviceRegistries) {
        const cloudMap = scopes.cloudMapServiceByArn.get(registry.registryArn);
        const namespace =
          cloudMap && scopes.namespaceOfCloudMapService(cloudMap);
        if (namespace) used.add(namespace.item.arn);
      }
    }
    for (const cluster of scopes.clusterByArn.values()) {
      if (cluster.serviceConnectDefaultNamespace) {
        used.add(cluster.serviceConnectDefaultNamespace);
      }
    }
    for (const cloudMap of scopes.cloudMapServices) {
      if (cloudMap.item.instances.length === 0) continue;
      const namespace = scopes.namespaceOfCloudMapService(cloudMap);
      if (namespace) used.add(namespace.item.arn);
    }
    const findings: Finding[] = [];
    for (const namespace of scopes.namespaces) {
      if (used.has(namespace.item.arn)) continue;
      findings.push(
        finding(
          namespaceUnused,
          namespaceSubject(namespace),
          `Namespace ${namespace.item.name} is used by no ECS service, no cluster default and no registered instance.`,
          `Delete the namespace if nothing outside ECS needs it, or point a service's Service Connect or Service Discovery at it.`,
        ),
      );
    }
    return findings;
  },
};
