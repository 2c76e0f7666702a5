import type { Finding } from '../model';
import { cloudMapServiceSubject, finding, LintRule } from './types';

const MAX_TTL_SECONDS = 60;

/** @public */
export const dnsTtlTooHigh: LintRule = {
  id: 'dns-ttl-too-high',
  severity: 'warning',
  title: 'Service Discovery DNS TTL above 60 seconds',
  description:
    'Task addresses change on every deployment and scaling event; resolvers cache a record for its TTL, so a long TTL sends callers to stopped tasks.',
  check({ scopes }) {
    const findings: Finding[] = [];
    for (const service of scopes.cloudMapServices) {
      if (service.item.managedByEcs) continue;
      const ttl = Math.max(0, ...service.item.dnsRecords.map(r => r.ttl));
      if (ttl <= MAX_TTL_SECONDS) continue;
      findings.push(
        finding(
          dnsTtlTooHigh,
          cloudMapServiceSubject(service),
          `DNS records live ${ttl} s, so callers keep using stopped tasks' addresses for up to ${ttl} s after a deployment or scale-in.`,
          `Set the TTL of every DNS record of Cloud Map service ${service.item.name} to ${MAX_TTL_SECONDS} s or less (10 s is common).`,
        ),
      );
    }
    return findings;
  },
};
