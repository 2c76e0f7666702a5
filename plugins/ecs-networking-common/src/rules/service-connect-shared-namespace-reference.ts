import type { Finding } from '../model';
import { finding, LintRule, serviceSubject } from './types';

/** @public */
export const serviceConnectSharedNamespaceReference: LintRule = {
  id: 'service-connect-shared-namespace-reference',
  severity: 'error',
  title: 'Shared namespace named by ID or name instead of ARN',
  description:
    "ECS looks a namespace's name or ID up among the account's own namespaces only: a Cloud Map namespace shared from another account through AWS RAM is reached by its ARN alone, so Service Connect names it by ARN.",
  check({ scopes }) {
    const findings: Finding[] = [];
    for (const snapshot of scopes.snapshots) {
      const shared = snapshot.namespaces.filter(ns => ns.ownerAccountId);
      if (shared.length === 0) continue;
      for (const service of snapshot.services) {
        const sc = service.serviceConnect;
        const reference = sc?.enabled ? sc.namespaceReference : undefined;
        if (!reference) continue;
        const named = shared.find(
          ns => ns.id === reference || ns.name === reference,
        );
        const own = snapshot.namespaces.some(
          ns =>
            !ns.ownerAccountId &&
            (ns.id === reference || ns.name === reference),
        );
        if (!named || own) continue;
        findings.push(
          finding(
            serviceConnectSharedNamespaceReference,
            serviceSubject(scopes.serviceByArn.get(service.arn)!),
            `Service Connect names namespace "${reference}", which account ${named.ownerAccountId} shares with this one; ECS resolves a name or ID only among the account's own namespaces, so it does not find it.`,
            `Set serviceConnectConfiguration.namespace to the namespace's ARN: ${named.arn}.`,
          ),
        );
      }
    }
    return findings;
  },
};
