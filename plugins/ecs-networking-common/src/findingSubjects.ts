import type { Finding, ModelService } from './model';
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

/**
 * The open error findings about a service, on any of its subjects: what a
 * service that depends on it should know before it does.
 *
 * @public
 */
export function openErrorsOf(
  service: Pick<
    ModelService,
    'arn' | 'taskDefinitionArn' | 'cloudMapServiceArns'
  >,
  findings: Finding[],
): Finding[] {
  const subjects = new Set(findingSubjectsOf(service));
  return findings.filter(
    f => f.severity === 'error' && subjects.has(f.subject.arn),
  );
}
