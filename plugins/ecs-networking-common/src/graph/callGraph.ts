import type { Edge, Endpoint, ModelService, NetworkModel } from '../model';

/**
 * A network's services and endpoints by id, and its edges by caller and by
 * callee. The backend keeps one per generation in its indexes; `callGraph`
 * builds one from a model.
 *
 * @public
 */
export interface CallGraph {
  services: ReadonlyMap<string, ModelService>;
  endpoints: ReadonlyMap<string, Endpoint>;
  /** Caller service ARN → its outbound edges. */
  edgesFrom: ReadonlyMap<string, Edge[]>;
  /** Called service ARN → its inbound edges. */
  edgesTo: ReadonlyMap<string, Edge[]>;
}

function group(edges: Edge[], key: (edge: Edge) => string): Map<string, Edge[]> {
  const map = new Map<string, Edge[]>();
  for (const edge of edges) {
    const list = map.get(key(edge));
    if (list) list.push(edge);
    else map.set(key(edge), [edge]);
  }
  return map;
}

/** @public */
export function callGraph(model: Pick<NetworkModel, 'services' | 'endpoints' | 'edges'>): CallGraph {
  return {
    services: new Map(model.services.map(s => [s.arn, s])),
    endpoints: new Map(model.endpoints.map(e => [e.id, e])),
    edgesFrom: group(model.edges, e => e.from),
    edgesTo: group(model.edges, e => e.to),
  };
}

/**
 * The services at most `hops` calls away from the start services, in either
 * direction (callers and callees), with the start services themselves.
 * Breadth first, each service once: cycles end there.
 *
 * @public
 */
export function neighbourhood(
  graph: Pick<CallGraph, 'edgesFrom' | 'edgesTo'>,
  start: Iterable<string>, hops: number): Set<string> {
  const seen = new Set(start);
  let frontier = [...seen];
  for (let hop = 0; hop < hops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const arn of frontier) {
      const edges = [...(graph.edgesFrom.get(arn) ?? []), ...(graph.edgesTo.get(arn) ?? [])];
      for (const edge of edges) {
        for (const other of [edge.from, edge.to]) {
          if (!seen.has(other)) {
            seen.add(other);
            next.push(other);
          }
        }
      }
    }
    frontier = next;
  }
  return seen;
}
