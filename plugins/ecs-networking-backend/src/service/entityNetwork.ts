import { Entity, parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ANNOTATIONS, EntityNetworkResponse } from '@ecs-net/plugin-ecs-networking-common';
import type { NetworkView } from './NetworkService';

/** Normalises a component tag value (`orders` or `component:team/orders`) to a ref. */
export function componentRef(value: string): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind: 'component', defaultNamespace: 'default' }),
    );
  } catch {
    return undefined;
  }
}

function servicesOf(view: NetworkView, entity: Entity): string[] {
  const arn = entity.metadata.annotations?.[ANNOTATIONS.serviceArn];
  if (arn) return [arn];
  const endpointId = entity.metadata.annotations?.[ANNOTATIONS.endpointId];
  if (endpointId) {
    const endpoint = view.model.endpoints.find(e => e.id === endpointId);
    return endpoint ? [endpoint.serviceArn] : [];
  }
  const ref = stringifyEntityRef(entity);
  return view.model.services
    .filter(s => s.component && componentRef(s.component) === ref)
    .map(s => s.arn);
}

export function entityNetwork(view: NetworkView, entity: Entity): EntityNetworkResponse {
  const arns = new Set(servicesOf(view, entity));
  const ips = new Map(
    view.snapshots.flatMap(s => s.services.map(svc => [svc.arn, svc.taskIps] as const)),
  );
  const services = view.model.services
    .filter(s => arns.has(s.arn))
    .map(s => ({ ...s, taskIps: ips.get(s.arn) ?? [] }));
  const scopes = new Set(services.map(s => `${s.accountId}/${s.region}`));
  const subjectArns = new Set([
    ...arns,
    ...view.snapshots.flatMap(s =>
      s.services.filter(svc => arns.has(svc.arn)).map(svc => svc.taskDefinitionArn),
    ),
  ]);
  return {
    services,
    endpoints: view.model.endpoints.filter(e => arns.has(e.serviceArn)),
    inbound: view.model.edges.filter(e => arns.has(e.to)),
    outbound: view.model.edges.filter(e => arns.has(e.from)),
    findings: view.model.findings.filter(f => subjectArns.has(f.subject.arn)),
    scopes: view.statuses.filter(s => scopes.has(`${s.accountId}/${s.region}`)),
  };
}
