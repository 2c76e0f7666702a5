import type { Finding } from '../model';
import { finding, LintRule, serviceSubject } from './types';

/** @public */
export const dnsARecordNetworkMode: LintRule = {
  id: 'dns-a-record-network-mode',
  severity: 'error',
  title: 'A/AAAA records with bridge or host network mode',
  description:
    'In bridge and host network mode tasks share the instance address and get dynamic host ports; an A or AAAA record cannot carry the port, so Service Discovery needs SRV records there.',
  check({ scopes }) {
    const findings: Finding[] = [];
    for (const service of scopes.services) {
      const td = scopes.taskDefinitionOf(service.item);
      if (!td || (td.networkMode !== 'bridge' && td.networkMode !== 'host'))
        continue;
      for (const registry of service.item.serviceRegistries) {
        const cloudMap = scopes.cloudMapServiceByArn.get(
          registry.registryArn,
        )?.item;
        const types = cloudMap?.dnsRecords
          .map(r => r.type)
          .filter(t => t === 'A' || t === 'AAAA');
        if (!cloudMap || !types?.length) continue;
        findings.push(
          finding(
            dnsARecordNetworkMode,
            serviceSubject(service),
            `Registers in Cloud Map service ${cloudMap.name} with ${types.join(
              '/',
            )} records while ${td.family}:${td.revision} uses ${
              td.networkMode
            } network mode, where an address alone does not reach the task.`,
            `Use an SRV record with containerName and containerPort on the service registry, or switch the task definition to awsvpc network mode.`,
          ),
        );
      }
    }
    return findings;
  },
};
