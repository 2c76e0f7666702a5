import type { Finding } from '../model';
import { parseArn } from '../arns';
import { finding, LintRule, serviceSubject } from './types';

/** @public */
export const serviceConnectNamespaceRegion: LintRule = {
  id: 'service-connect-namespace-region',
  severity: 'error',
  title: 'Service Connect namespace in another region',
  description:
    'Service Connect uses a Cloud Map namespace of its own region only, a shared one included: a service whose namespace ARN names another region registers nothing and resolves nothing.',
  check({ scopes }) {
    const findings: Finding[] = [];
    for (const service of scopes.services) {
      const sc = service.item.serviceConnect;
      if (!sc?.enabled || !sc.namespace) continue;
      const arn = parseArn(sc.namespace);
      if (!arn || arn.region === service.region) continue;
      const owner =
        arn.accountId === service.accountId
          ? 'this account'
          : `account ${arn.accountId}`;
      findings.push(
        finding(
          serviceConnectNamespaceRegion,
          serviceSubject(service),
          `Service Connect namespace ${sc.namespace} (${owner}) is in ${arn.region}, but the service runs in ${service.region}; ECS uses namespaces of the service's own region only.`,
          `Use a namespace in ${service.region}: create one there (and share it through AWS RAM if other accounts join), or run the service in ${arn.region}.`,
        ),
      );
    }
    return findings;
  },
};
