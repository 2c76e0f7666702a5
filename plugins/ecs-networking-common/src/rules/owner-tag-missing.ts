import type { Finding } from '../model';
import { finding, LintRule, serviceSubject } from './types';

/** @public */
export const ownerTagMissing: LintRule = {
  id: 'owner-tag-missing',
  severity: 'warning',
  title: 'ECS service without an owner tag',
  description:
    'The catalog takes a service owner from its owner tag; without it nobody is accountable for the service or its endpoints.',
  check({ scopes, tagKeys }) {
    const findings: Finding[] = [];
    for (const service of scopes.services) {
      if (service.item.tags[tagKeys.owner]?.trim()) continue;
      findings.push(
        finding(
          ownerTagMissing,
          serviceSubject(service),
          `No "${tagKeys.owner}" tag, so the catalog gives this service the default owner (ecsNetworking.ownership.defaultOwner) and no team is accountable for it.`,
          `Tag the ECS service with ${tagKeys.owner}=<team>.`,
        ),
      );
    }
    return findings;
  },
};
