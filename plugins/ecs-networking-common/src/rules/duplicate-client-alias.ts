import type { Endpoint, Finding } from '../model';
import { compareStrings } from '../names';
import { finding, LintRule, serviceSubject } from './types';

/** @public */
export const duplicateClientAlias: LintRule = {
  id: 'duplicate-client-alias',
  severity: 'error',
  title: 'Two services claim one client alias',
  description:
    'A client alias (`dnsName:port`) must be unique within a Service Connect namespace; when two services claim it, clients cannot tell which one they reach.',
  check({ scopes, endpoints }) {
    const groups = new Map<string, Endpoint[]>();
    for (const endpoint of endpoints.endpoints) {
      if (endpoint.mechanism !== 'connect') continue;
      const provider = scopes.serviceByArn.get(endpoint.serviceArn)?.item;
      const namespace = provider?.serviceConnect?.namespace;
      if (!namespace) continue;
      const key = `${namespace}\u0000${endpoint.name}`;
      const group = groups.get(key);
      if (group) group.push(endpoint);
      else groups.set(key, [endpoint]);
    }
    const findings: Finding[] = [];
    for (const group of groups.values()) {
      // Two entries of one service naming the same alias are one claim: the
      // message needs another service to name.
      const services = [...new Set(group.map(e => e.serviceArn))].map(
        arn => scopes.serviceByArn.get(arn)!,
      );
      if (services.length < 2) continue;
      for (const service of services) {
        const others = services
          .filter(s => s !== service)
          .map(s => `${s.item.clusterName}/${s.item.name}`)
          .sort(compareStrings);
        const namespace =
          group[0].namespace?.name ?? service.item.serviceConnect!.namespace;
        findings.push(
          finding(
            duplicateClientAlias,
            serviceSubject(service),
            `Client alias ${
              group[0].name
            } in namespace ${namespace} is also claimed by ${others.join(
              ', ',
            )}, so callers may reach either service.`,
            `Give one of the services a different client alias dnsName or port.`,
          ),
        );
      }
    }
    return findings;
  },
};
