import type { Finding } from '../model';
import { finding, LintRule, serviceSubject } from './types';

/** @public */
export const dnsSrvMissingPort: LintRule = {
  id: 'dns-srv-missing-port',
  severity: 'error',
  title: 'SRV registration without container name and port',
  description:
    'An SRV record carries a port, so ECS must be told which one: containerName and containerPort on the service registry (in awsvpc mode a plain port also works).',
  check({ scopes }) {
    const findings: Finding[] = [];
    for (const service of scopes.services) {
      const td = scopes.taskDefinitionOf(service.item);
      for (const registry of service.item.serviceRegistries) {
        const cloudMap = scopes.cloudMapServiceByArn.get(
          registry.registryArn,
        )?.item;
        if (!cloudMap?.dnsRecords.some(r => r.type === 'SRV')) continue;
        const named =
          !!registry.containerName && registry.containerPort !== undefined;
        const awsvpcPort =
          td?.networkMode === 'awsvpc' && registry.port !== undefined;
        if (named || awsvpcPort) continue;
        findings.push(
          finding(
            dnsSrvMissingPort,
            serviceSubject(service),
            `Registers in Cloud Map service ${cloudMap.name}, which has an SRV record, without containerName and containerPort, so ECS cannot say which port the record points to.`,
            `Set containerName and containerPort on the service registry for ${cloudMap.name}.`,
          ),
        );
      }
    }
    return findings;
  },
};
