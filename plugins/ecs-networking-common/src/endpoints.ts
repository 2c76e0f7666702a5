import type { Endpoint, Mechanism, Reachability } from './model';
import type { EcsServiceInfo, NamespaceInfo, ScopeSnapshot } from './snapshot';
import { arnResourceName } from './arns';
import { compareStrings, normalizeHost } from './names';
import { createScopeIndex, Scoped, ScopeIndex } from './scopeIndex';

/**
 * The Cloud Map name ECS gives a Service Connect entry. AWS rule: when
 * `discoveryName` is omitted, the task definition's port mapping name
 * (`portName`) is used in its place.
 *
 * @public
 */
export function effectiveDiscoveryName(entry: {
  portName: string;
  discoveryName?: string;
}): string {
  return entry.discoveryName || entry.portName;
}

interface Draft {
  mechanism: Mechanism;
  reachableFrom: Reachability;
  name: string;
  host: string;
  port?: number;
  namespaceSegment?: string;
  namespace?: NamespaceInfo;
  extra: Pick<
    Endpoint,
    | 'portName'
    | 'discoveryName'
    | 'dnsRecords'
    | 'routingPolicy'
    | 'tls'
    | 'timeout'
    | 'accessLog'
    | 'targetGroupArn'
  >;
}

function serviceConnectDrafts(
  service: EcsServiceInfo,
  index: ScopeIndex,
): Draft[] {
  const sc = service.serviceConnect;
  if (!sc?.enabled || !sc.namespace) return [];
  const namespace = index.namespaceByArn.get(sc.namespace)?.item;
  const namespaceSegment = namespace?.name ?? arnResourceName(sc.namespace);
  const drafts: Draft[] = [];
  for (const entry of sc.services) {
    const discoveryName = effectiveDiscoveryName(entry);
    const defaultHost = namespace
      ? normalizeHost(`${discoveryName}.${namespace.name}`)
      : undefined;
    const extra = {
      portName: entry.portName,
      discoveryName,
      tls: entry.tls,
      timeout: entry.timeout,
      accessLog: sc.accessLog,
    };
    if (entry.clientAliases.length === 0) {
      // The API reference asks for one client alias per entry, but ECS accepts
      // an entry without one: it still registers the discovery name in Cloud
      // Map (an API-only service), yet client proxies open no listener for it.
      // The service is discoverable through DiscoverInstances, not callable
      // by a short name.
      if (defaultHost) {
        drafts.push({
          mechanism: 'http-api',
          reachableFrom: 'cloud-map-api',
          name: defaultHost,
          host: defaultHost,
          namespaceSegment,
          namespace,
          extra,
        });
      }
      continue;
    }
    for (const alias of entry.clientAliases) {
      // AWS rule: an alias without dnsName is reached as
      // `discoveryName.namespaceName` (discoveryName itself defaulting to the
      // port name). Without the namespace's name that form cannot be spelled.
      const host = alias.dnsName ? normalizeHost(alias.dnsName) : defaultHost;
      if (!host) continue;
      drafts.push({
        mechanism: 'connect',
        reachableFrom: 'service-connect-namespace',
        name: `${host}:${alias.port}`,
        host,
        port: alias.port,
        namespaceSegment,
        namespace,
        extra,
      });
    }
  }
  return drafts;
}

function serviceDiscoveryDrafts(
  service: EcsServiceInfo,
  index: ScopeIndex,
): Draft[] {
  const drafts: Draft[] = [];
  for (const registry of service.serviceRegistries) {
    const cloudMap = index.cloudMapServiceByArn.get(registry.registryArn);
    if (!cloudMap) continue;
    const namespace = index.namespaceOfCloudMapService(cloudMap)?.item;
    if (!namespace) continue;
    const name = normalizeHost(`${cloudMap.item.name}.${namespace.name}`);
    // A Cloud Map service without DNS records (or in an HTTP namespace) is
    // only answered by the Cloud Map API; nothing resolves it through DNS.
    const dns =
      namespace.type !== 'HTTP' && cloudMap.item.dnsRecords.length > 0;
    drafts.push({
      mechanism: dns ? 'dns' : 'http-api',
      // A public DNS namespace resolves anywhere, but it hands out the tasks'
      // private addresses, so only the VPC can actually connect.
      reachableFrom: dns ? 'vpc' : 'cloud-map-api',
      name,
      host: name,
      port: registry.containerPort ?? registry.port,
      namespaceSegment: namespace.name,
      namespace,
      extra: {
        portName: cloudMap.item.name,
        discoveryName: cloudMap.item.name,
        dnsRecords: dns ? cloudMap.item.dnsRecords : undefined,
        routingPolicy: dns ? cloudMap.item.routingPolicy : undefined,
      },
    });
  }
  return drafts;
}

function loadBalancerDrafts(service: EcsServiceInfo): Draft[] {
  return service.loadBalancers.flatMap(lb => {
    if (!lb.dnsName) return [];
    const host = normalizeHost(lb.dnsName);
    // The listener port callers use is not on the ECS service (only the
    // target's container port), so the endpoint carries none.
    return [
      {
        mechanism: 'load-balancer' as const,
        reachableFrom: 'load-balancer' as const,
        name: host,
        host,
        extra: {},
      },
    ];
  });
}

/**
 * A VPC Lattice target group the service's tasks register in. Callers reach
 * it through a Lattice service whose DNS name ECS does not know, so the
 * endpoint is named by the target group and matches no reference.
 */
function latticeDrafts(service: EcsServiceInfo): Draft[] {
  return (service.vpcLattice ?? []).map(lattice => {
    const name = arnResourceName(lattice.targetGroupArn);
    return {
      mechanism: 'lattice' as const,
      reachableFrom: 'vpc-lattice' as const,
      name,
      host: name,
      extra: {
        portName: lattice.portName,
        targetGroupArn: lattice.targetGroupArn,
      },
    };
  });
}

function toEndpoint(draft: Draft, service: Scoped<EcsServiceInfo>): Endpoint {
  const endpoint: Endpoint = {
    id: `${draft.mechanism}:${service.accountId}:${service.region}:${
      draft.namespaceSegment ?? '-'
    }:${draft.name}`,
    mechanism: draft.mechanism,
    name: draft.name,
    host: draft.host,
    serviceArn: service.item.arn,
    accountId: service.accountId,
    region: service.region,
    reachableFrom: draft.reachableFrom,
  };
  if (draft.port !== undefined) endpoint.port = draft.port;
  if (draft.namespace) {
    endpoint.namespace = {
      arn: draft.namespace.arn,
      name: draft.namespace.name,
      type: draft.namespace.type,
    };
  }
  // Only the members a mechanism has are set, so endpoints stay small.
  for (const [key, value] of Object.entries(draft.extra)) {
    if (value) Object.assign(endpoint, { [key]: value });
  }
  return endpoint;
}

/**
 * Every name by which other workloads reach the indexed services, sorted by
 * id.
 *
 * Ids follow `mechanism:account:region:namespace:name`. Two services can claim
 * the same name (a duplicate alias, two services registered in one Cloud Map
 * service, one load balancer in front of several services); then every
 * claimant's id gets `@cluster/service`, so no claimant silently wins and each
 * id still points at one service.
 */
export function buildEndpointsFromIndex(index: ScopeIndex): Endpoint[] {
  const byId = new Map<string, Endpoint[]>();
  for (const service of index.services) {
    const drafts = [
      ...serviceConnectDrafts(service.item, index),
      ...serviceDiscoveryDrafts(service.item, index),
      ...loadBalancerDrafts(service.item),
      ...latticeDrafts(service.item),
    ];
    const seen = new Set<string>();
    for (const draft of drafts) {
      const endpoint = toEndpoint(draft, service);
      if (seen.has(endpoint.id)) continue;
      seen.add(endpoint.id);
      const claimants = byId.get(endpoint.id);
      if (claimants) claimants.push(endpoint);
      else byId.set(endpoint.id, [endpoint]);
    }
  }

  const endpoints: Endpoint[] = [];
  for (const claimants of byId.values()) {
    if (claimants.length > 1) {
      for (const endpoint of claimants) {
        const service = index.serviceByArn.get(endpoint.serviceArn)!.item;
        endpoint.id = `${endpoint.id}@${service.clusterName}/${service.name}`;
      }
    }
    endpoints.push(...claimants);
  }
  return endpoints.sort(compareEndpoints);
}

/** Endpoints are listed by id. */
export function compareEndpoints(a: Endpoint, b: Endpoint): number {
  return compareStrings(a.id, b.id);
}

/**
 * Every name by which other workloads reach the services in the snapshots.
 *
 * @public
 */
export function buildEndpoints(snapshots: ScopeSnapshot[]): Endpoint[] {
  return buildEndpointsFromIndex(createScopeIndex(snapshots));
}
