import type { Finding } from '../model';
import { compareStrings } from '../names';
import {
  cloudMapServiceSubject,
  finding,
  LintRule,
  registrantsByCloudMapService,
} from './types';

/** @public */
export const cloudMapHealthCheckMissing: LintRule = {
  id: 'cloud-map-health-check-missing',
  severity: 'warning',
  title: 'Service Discovery without health checks',
  description:
    'ECS reports task health to Cloud Map only when the Cloud Map service has a custom health check config; without any health check, unhealthy tasks stay in DNS answers.',
  check({ scopes }) {
    const registrants = registrantsByCloudMapService(scopes);
    const findings: Finding[] = [];
    for (const cloudMap of scopes.cloudMapServices) {
      const { item } = cloudMap;
      if (item.managedByEcs || item.dnsRecords.length === 0) continue;
      if (item.healthCheck || item.customHealthCheck) continue;
      const users = registrants.get(item.arn);
      if (!users?.length) continue;
      const names = users
        .map(s => s.item.name)
        .sort(compareStrings)
        .join(', ');
      findings.push(
        finding(
          cloudMapHealthCheckMissing,
          cloudMapServiceSubject(cloudMap),
          `Cloud Map service ${item.name}, used by ${names}, has no health check, so tasks that fail stay in DNS answers.`,
          `Add HealthCheckCustomConfig to Cloud Map service ${item.name} (recreate it: the setting cannot be changed later) so ECS reports task health.`,
        ),
      );
    }
    return findings;
  },
};
