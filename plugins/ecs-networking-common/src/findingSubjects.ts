import type { ModelService } from './model';
import type { EcsServiceInfo } from './snapshot';

/** The Cloud Map services an ECS service registers into. */
export function cloudMapServiceArnsOf(service: EcsServiceInfo): string[] {
  return [
    ...service.serviceRegistries.map(r => r.registryArn),
    ...(service.serviceConnect?.services ?? []).flatMap(
      e => e.discoveryArn ?? [],
    ),
  ];
}

/**
 * The ARNs a finding about an ECS service may be raised on: the service,
 * its task definition, and the Cloud Map services it registers into (a DNS
 * TTL, a missing health check).
 *
 * @public
 */
export function findingSubjectsOf(
  service: Pick<
    ModelService,
    'arn' | 'taskDefinitionArn' | 'cloudMapServiceArns'
  >,
): string[] {
  return [
    service.arn,
    service.taskDefinitionArn,
    ...service.cloudMapServiceArns,
  ];
}
