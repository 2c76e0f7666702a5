import type { Finding } from '../model';
import { finding, LintRule, serviceSubject } from './types';

/** @public */
export const serviceConnectNamespaceMissing: LintRule = {
  id: 'service-connect-namespace-missing',
  severity: 'error',
  title: 'Service Connect without a namespace',
  description:
    'Service Connect needs a Cloud Map namespace, named on the service or taken from the cluster default; with neither, no endpoint is registered and no other service is visible.',
  check({ scopes }) {
    const findings: Finding[] = [];
    for (const service of scopes.services) {
      const sc = service.item.serviceConnect;
      if (!sc?.enabled || sc.namespace) continue;
      findings.push(
        finding(
          serviceConnectNamespaceMissing,
          serviceSubject(service),
          `Service Connect is on but neither the service nor cluster ${service.item.clusterName} names a namespace, so nothing is registered or resolvable.`,
          `Set serviceConnectConfiguration.namespace on the service, or a Service Connect default namespace on cluster ${service.item.clusterName}.`,
        ),
      );
    }
    return findings;
  },
};
