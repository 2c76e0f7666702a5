import { entityRefFromTag } from '../entityRefs';
import type { Edge, Mechanism, ModelService } from '../model';
import { compareStrings } from '../names';
import type { CallGraph } from './callGraph';

/** A service as blast radius presents it: who it is, where, and whom to page. @public */
export interface BlastRadiusService {
  arn: string;
  name: string;
  cluster: string;
  accountId: string;
  region: string;
  /** Owner entity ref: the owner tag, or the default owner when it has none. */
  owner: string;
  /** Linked Component entity ref, when tagged. */
  component?: string;
}

/** A call from a caller to a service one hop closer to the target. @public */
export interface BlastRadiusCall {
  /** ARN of the called service. */
  to: string;
  toName: string;
  endpointId: string;
  /** The endpoint as callers write it (`orders:8080`). */
  endpoint: string;
  mechanism: Mechanism;
}

/** A service that breaks, or degrades, when the target does. @public */
export interface BlastRadiusCaller {
  /** 1: calls the target directly; 2: calls a service at hop 1; … */
  hop: number;
  service: BlastRadiusService;
  /** Its calls toward the target: each to a service one hop closer (or to the target). */
  calls: BlastRadiusCall[];
}

/** @public */
export interface BlastRadius {
  /** The services whose failure is asked about. */
  targets: BlastRadiusService[];
  /** When the question was about endpoints: only their callers are at hop 1. */
  endpointIds?: string[];
  /** The most hops followed. */
  hops: number;
  /** By hop, then name; each service once, at its nearest hop. */
  callers: BlastRadiusCaller[];
  /** Owners of the callers, sorted: whom to tell. */
  owners: string[];
}

/** @public */
export interface BlastRadiusOptions {
  /** Owner of a service without a valid owner tag. Default `group:default/unknown`. */
  defaultOwner?: string;
}

/**
 * A service as blast radius and ownership answers present it: who it is,
 * where, and whom to page (its owner tag, else the default owner).
 *
 * @public
 */
export function presentService(service: ModelService, defaultOwner: string): BlastRadiusService {
  const component = entityRefFromTag(service.component, 'component');
  return {
    arn: service.arn,
    name: service.name,
    cluster: service.cluster,
    accountId: service.accountId,
    region: service.region,
    owner: entityRefFromTag(service.owner, 'group') ?? defaultOwner,
    ...(component ? { component } : {}),
  };
}

/**
 * Who is affected when services (or endpoints) fail: their callers, then
 * the callers of those, up to `hops` calls away, breadth first over every
 * edge of the model, across accounts and regions where the model has such
 * edges. Each service is listed once, at its nearest hop, so cycles end;
 * a target is never its own caller. Pure.
 *
 * @public
 */
export function blastRadius(
  graph: CallGraph,
  target: { serviceArns: string[] } | { endpointIds: string[] },
  hops: number,
  options: BlastRadiusOptions = {},
): BlastRadius {
  const defaultOwner = options.defaultOwner ?? 'group:default/unknown';
  const endpointIds: Set<string> | undefined =
    'endpointIds' in target ? new Set<string>(target.endpointIds) : undefined;
  const startArns: string[] =
    'serviceArns' in target
      ? target.serviceArns
      : target.endpointIds.flatMap(id => graph.endpoints.get(id)?.serviceArn ?? []);
  const targetArns = [...new Set(startArns)];
  const known = targetArns.filter(arn => graph.services.has(arn));

  const reached = new Set(known);
  const callers: BlastRadiusCaller[] = [];
  let frontier = known;
  for (let hop = 1; hop <= hops && frontier.length > 0; hop++) {
    const callsBy = new Map<string, Edge[]>();
    for (const arn of frontier) {
      for (const edge of graph.edgesTo.get(arn) ?? []) {
        // At the first hop of an endpoint question, only calls through those endpoints count.
        if (hop === 1 && endpointIds && !endpointIds.has(edge.endpointId)) continue;
        if (reached.has(edge.from) || !graph.services.has(edge.from)) continue;
        callsBy.set(edge.from, [...(callsBy.get(edge.from) ?? []), edge]);
      }
    }
    const level = [...callsBy].map(([arn, edges]) => ({
      hop,
      service: presentService(graph.services.get(arn)!, defaultOwner),
      calls: edges.map(edge => ({
        to: edge.to,
        toName: graph.services.get(edge.to)?.name ?? edge.to,
        endpointId: edge.endpointId,
        endpoint: graph.endpoints.get(edge.endpointId)?.name ?? edge.endpointId,
        mechanism: edge.mechanism,
      })),
    }));
    level.sort((a, b) => compareStrings(a.service.name, b.service.name) || compareStrings(a.service.arn, b.service.arn));
    level.forEach(caller => reached.add(caller.service.arn));
    callers.push(...level);
    frontier = level.map(caller => caller.service.arn);
  }

  return {
    targets: known.map(arn => presentService(graph.services.get(arn)!, defaultOwner)),
    ...(endpointIds ? { endpointIds: [...endpointIds] } : {}),
    hops,
    callers,
    owners: [...new Set(callers.map(c => c.service.owner))].sort(compareStrings),
  };
}
