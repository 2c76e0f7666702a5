import type { Endpoint } from './model';
import { normalizeHost } from './names';
import type { ScopeIndex } from './scopeIndex';

/** Endpoints by host name, with the port rules of each mechanism. */
export interface EndpointIndex {
  endpoints: Endpoint[];
  byId: Map<string, Endpoint>;
  byService: Map<string, Endpoint[]>;
  /** Endpoints a caller writing `host[:port]` can mean; port ignored when absent. */
  match(host: string, port?: number): Endpoint[];
}

/**
 * Which ports a caller may put after an endpoint's host:
 * - Service Connect: exactly the alias port, the only one the client proxy
 *   listens on for that name;
 * - DNS and Cloud Map API: any port the tasks expose, because the name
 *   resolves to the task's address, not to one port (in bridge and host mode
 *   that is the host port);
 * - load balancer and VPC Lattice: any, since listener ports are not known
 *   here.
 * An empty set means "unknown", which accepts every port.
 */
function acceptedPorts(endpoint: Endpoint, scopes: ScopeIndex): Set<number> {
  const ports = new Set<number>();
  if (endpoint.mechanism === 'load-balancer' || endpoint.mechanism === 'lattice') {
    return ports;
  }
  if (endpoint.port !== undefined) ports.add(endpoint.port);
  if (endpoint.mechanism === 'connect') return ports;
  const service = scopes.serviceByArn.get(endpoint.serviceArn)?.item;
  const td = service && scopes.taskDefinitionOf(service);
  for (const container of td?.containers ?? []) {
    for (const mapping of container.portMappings) {
      const port =
        td!.networkMode === 'awsvpc' ? mapping.containerPort : mapping.hostPort;
      if (port) ports.add(port);
    }
  }
  return ports;
}

export function createEndpointIndex(
  endpoints: Endpoint[],
  scopes: ScopeIndex,
): EndpointIndex {
  const byHost = new Map<
    string,
    { endpoint: Endpoint; ports: Set<number> }[]
  >();
  const byId = new Map<string, Endpoint>();
  const byService = new Map<string, Endpoint[]>();
  for (const endpoint of endpoints) {
    byId.set(endpoint.id, endpoint);
    const own = byService.get(endpoint.serviceArn);
    if (own) own.push(endpoint);
    else byService.set(endpoint.serviceArn, [endpoint]);
    const entry = { endpoint, ports: acceptedPorts(endpoint, scopes) };
    const sameHost = byHost.get(endpoint.host);
    if (sameHost) sameHost.push(entry);
    else byHost.set(endpoint.host, [entry]);
  }
  return {
    endpoints,
    byId,
    byService,
    match(host, port) {
      const entries = byHost.get(normalizeHost(host)) ?? [];
      return entries
        .filter(
          ({ ports }) =>
            port === undefined || ports.size === 0 || ports.has(port),
        )
        .map(({ endpoint }) => endpoint);
    },
  };
}
