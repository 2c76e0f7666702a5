import type {
  Edge,
  EcsTaskInfo,
  Endpoint,
  Finding,
  ModelService,
  NetworkModel,
  ScopeSnapshot,
} from '@ecs-net/plugin-ecs-networking-common';
import type { CallGraph } from '@ecs-net/plugin-ecs-networking-common';
import { entityRefFromTag, findingSubjectsOf } from '@ecs-net/plugin-ecs-networking-common';

/** Lookups by ARN, built once per store generation so requests never scan; also the model's `CallGraph`. */
export interface NetworkIndexes extends CallGraph {
  services: Map<string, ModelService>;
  /** Running tasks by service ARN: volatile, so never part of the model. */
  tasks: Map<string, EcsTaskInfo[]>;
  /** Desired task count by service ARN: history tells a scale to zero. */
  desiredCounts: Map<string, number>;
  /**
   * Service ARN → ARNs findings about it may be raised on: its task
   * definition and the Cloud Map services it registers into.
   */
  findingSubjects: Map<string, string[]>;
  endpoints: Map<string, Endpoint>;
  endpointsByService: Map<string, Endpoint[]>;
  /** Cloud Map namespace ARN → the endpoints named in it. */
  endpointsByNamespace: Map<string, Endpoint[]>;
  /** Cloud Map namespace ARN → the services using it for Service Connect. */
  servicesByNamespace: Map<string, ModelService[]>;
  edgesFrom: Map<string, Edge[]>;
  edgesTo: Map<string, Edge[]>;
  findingsBySubject: Map<string, Finding[]>;
  /** Component entity ref → ARNs of the services tagged with it. */
  servicesByComponent: Map<string, string[]>;
}

function group<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * Indexes of the model and of the few snapshot details requests need. The
 * snapshots themselves are not kept: at 10,000 services they would be the
 * largest thing in memory.
 */
export function buildIndexes(snapshots: ScopeSnapshot[], model: NetworkModel): NetworkIndexes {
  const servicesByComponent = new Map<string, string[]>();
  for (const service of model.services) {
    const ref = entityRefFromTag(service.component, 'component');
    if (ref) servicesByComponent.set(ref, [...(servicesByComponent.get(ref) ?? []), service.arn]);
  }
  return {
    services: new Map(model.services.map(s => [s.arn, s])),
    tasks: new Map(snapshots.flatMap(s => s.services.map(svc => [svc.arn, svc.tasks] as const))),
    desiredCounts: new Map(
      snapshots.flatMap(s => s.services.map(svc => [svc.arn, svc.desiredCount] as const)),
    ),
    findingSubjects: new Map(model.services.map(s => [s.arn, findingSubjectsOf(s)])),
    endpoints: new Map(model.endpoints.map(e => [e.id, e])),
    endpointsByService: group(model.endpoints, e => e.serviceArn),
    endpointsByNamespace: group(
      model.endpoints.filter(e => e.namespace),
      e => e.namespace!.arn,
    ),
    servicesByNamespace: group(
      model.services.filter(s => s.serviceConnect && s.serviceConnectNamespace),
      s => s.serviceConnectNamespace!,
    ),
    edgesFrom: group(model.edges, e => e.from),
    edgesTo: group(model.edges, e => e.to),
    findingsBySubject: group(model.findings, f => f.subject.arn),
    servicesByComponent,
  };
}
