import type { EcsServiceInfo } from './snapshot';

/**
 * The ARNs a finding about an ECS service may be raised on: the service,
 * its task definition, and the Cloud Map services it registers into (a DNS
 * TTL, a missing health check).
 *
 * @public
 */
export function findingSubjectsOf(service: EcsServiceInfo): string[] {
  return [
    service.arn,
    service.taskDefinitionArn,
    ...service.serviceRegistries.map(r => r.registryArn),
    ...(service.serviceConnect?.services ?? []).flatMap(e => e.discoveryArn ?? []),
  ];
}
