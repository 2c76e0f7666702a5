import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  cloudMapNamespaceArnOf,
  EntityNetworkResponse,
  LiveService,
} from '@ecs-net/plugin-ecs-networking-common';
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

function liveService(view: NetworkView, arn: string): LiveService {
  const { indexes } = view;
  return {
    ...indexes.services.get(arn)!,
    tasks: indexes.tasks.get(arn) ?? [],
    findingSubjects: indexes.findingSubjects.get(arn) ?? [],
  };
}

function scopesOf(view: NetworkView, scopes: Array<{ accountId: string; region: string }>) {
  const keys = new Set(scopes.map(s => `${s.accountId}/${s.region}`));
  return view.statuses.filter(s => keys.has(`${s.accountId}/${s.region}`));
}

/**
 * A namespace's network is what is named in it and who uses it: its
 * endpoints, the services answering on them, the Service Connect services
 * that only call through it, and the findings about the namespace itself.
 * Edges are left to the services' own pages: a namespace can hold hundreds.
 */
function namespaceNetwork(view: NetworkView, namespaceArn: string): EntityNetworkResponse {
  const { indexes } = view;
  const endpoints = indexes.endpointsByNamespace.get(namespaceArn) ?? [];
  const arns = [
    ...new Set([
      ...endpoints.map(e => e.serviceArn),
      ...(indexes.servicesByNamespace.get(namespaceArn) ?? []).map(s => s.arn),
    ]),
  ].filter(arn => indexes.services.has(arn));
  const namespace = view.model.namespaces.find(n => n.arn === namespaceArn);
  return {
    generation: view.generation,
    services: arns.map(arn => liveService(view, arn)),
    endpoints,
    inbound: [],
    outbound: [],
    findings: indexes.findingsBySubject.get(namespaceArn) ?? [],
    scopes: scopesOf(view, namespace ? [namespace] : []),
  };
}

/**
 * The ECS services an entity stands for, as `entityNetwork` presents them;
 * a service Resource also names its service once it is gone (its history
 * still concerns it).
 */
export function entityServiceArns(view: NetworkView, entity: Entity): string[] {
  const namespaceArn = cloudMapNamespaceArnOf(entity);
  if (namespaceArn) return namespaceNetwork(view, namespaceArn).services.map(s => s.arn);
  return servicesOf(view, entity);
}

export function entityNetwork(view: NetworkView, entity: Entity): EntityNetworkResponse {
  const namespaceArn = cloudMapNamespaceArnOf(entity);
  if (namespaceArn) return namespaceNetwork(view, namespaceArn);
  const { indexes } = view;
  const arns = servicesOf(view, entity).filter(arn => indexes.services.has(arn));
  const subjects = new Set(arns.flatMap(arn => indexes.findingSubjects.get(arn) ?? []));
  const services = arns.map(arn => liveService(view, arn));
  return {
    generation: view.generation,
    services,
    endpoints: arns.flatMap(arn => indexes.endpointsByService.get(arn) ?? []),
    inbound: arns.flatMap(arn => indexes.edgesTo.get(arn) ?? []),
    outbound: arns.flatMap(arn => indexes.edgesFrom.get(arn) ?? []),
    findings: [...subjects].flatMap(subject => indexes.findingsBySubject.get(subject) ?? []),
    scopes: scopesOf(view, services),
  };
}
