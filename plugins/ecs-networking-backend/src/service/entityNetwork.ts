import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ANNOTATIONS, EntityNetworkResponse } from '@ecs-net/plugin-ecs-networking-common';
import type { NetworkView } from './NetworkService';

function servicesOf(view: NetworkView, entity: Entity): string[] {
  const annotations = entity.metadata.annotations ?? {};
  const arn = annotations[ANNOTATIONS.serviceArn];
  if (arn) return [arn];
  const endpointId = annotations[ANNOTATIONS.endpointId];
  if (endpointId) {
    const endpoint = view.indexes.endpoints.get(endpointId);
    return endpoint ? [endpoint.serviceArn] : [];
  }
  return view.indexes.servicesByComponent.get(stringifyEntityRef(entity)) ?? [];
}

export function entityNetwork(view: NetworkView, entity: Entity): EntityNetworkResponse {
  const { indexes } = view;
  const arns = servicesOf(view, entity).filter(arn => indexes.services.has(arn));
  const subjects = new Set(arns.flatMap(arn => indexes.findingSubjects.get(arn) ?? []));
  const services = arns.map(arn => indexes.services.get(arn)!);
  const scopes = new Set(services.map(s => `${s.accountId}/${s.region}`));
  return {
    services: services.map(s => ({
      ...s,
      tasks: indexes.tasks.get(s.arn) ?? [],
      findingSubjects: indexes.findingSubjects.get(s.arn) ?? [],
    })),
    endpoints: arns.flatMap(arn => indexes.endpointsByService.get(arn) ?? []),
    inbound: arns.flatMap(arn => indexes.edgesTo.get(arn) ?? []),
    outbound: arns.flatMap(arn => indexes.edgesFrom.get(arn) ?? []),
    findings: [...subjects].flatMap(subject => indexes.findingsBySubject.get(subject) ?? []),
    scopes: view.statuses.filter(s => scopes.has(`${s.accountId}/${s.region}`)),
  };
}
