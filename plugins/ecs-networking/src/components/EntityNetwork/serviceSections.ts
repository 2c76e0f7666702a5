import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  Edge,
  Endpoint,
  EntityNetworkResponse,
  Finding,
  LiveService,
} from '@ecs-net/plugin-ecs-networking-common';

export interface ServiceSection {
  service: LiveService;
  endpoints: Endpoint[];
  inbound: Edge[];
  /** Absent when the entity is one endpoint: its provider's calls are not about it. */
  outbound?: Edge[];
  findings: Finding[];
}

/**
 * Splits an entity's network per ECS service (a Component may link several).
 * An endpoint API entity sees its own endpoint and the calls to it only.
 */
export function serviceSections(
  entity: Entity,
  network: EntityNetworkResponse,
): ServiceSection[] {
  const endpointId = entity.metadata.annotations?.[ANNOTATIONS.endpointId];
  return network.services.map(service => {
    const subjects = new Set(service.findingSubjects);
    const endpoints = network.endpoints.filter(
      e => e.serviceArn === service.arn && (!endpointId || e.id === endpointId),
    );
    const inbound = network.inbound.filter(
      e => e.to === service.arn && (!endpointId || e.endpointId === endpointId),
    );
    const findings = network.findings.filter(f => subjects.has(f.subject.arn));
    if (endpointId) return { service, endpoints, inbound, findings };
    const outbound = network.outbound.filter(e => e.from === service.arn);
    return { service, endpoints, inbound, outbound, findings };
  });
}

/** Every service ARN the sections mention, for one catalog lookup. */
export function mentionedArns(sections: ServiceSection[]): string[] {
  return sections.flatMap(s => [
    s.service.arn,
    ...s.inbound.map(e => e.from),
    ...(s.outbound ?? []).map(e => e.to),
  ]);
}
