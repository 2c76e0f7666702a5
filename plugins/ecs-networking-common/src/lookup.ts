import type { Endpoint, Mechanism, ModelService, NetworkModel } from './model';
import type { ScopeSnapshot } from './snapshot';
import { compareStrings, isIpv4, normalizeHost, parseHostPort } from './names';

/** @public */
export type LookupMatchKind =
  | 'endpoint'
  | 'dns-name'
  | 'cloud-map-service'
  | 'ip'
  | 'arn'
  | 'service-name';

/** @public */
export interface LookupMatch {
  service: ModelService;
  matchedBy: LookupMatchKind;
  endpoint?: Endpoint;
}

/** @public */
export interface LookupIndex {
  /**
   * Who owns a name: a Service Connect endpoint (`orders:8080`, `orders`), a
   * DNS name (`mysql.app`, `mysql.app.`, `mysql.app:3306`, or a URL), a Cloud
   * Map service name, a task's private IP, an ARN (service, task definition
   * with or without revision, cluster, Cloud Map service), a service name or
   * `cluster/service`.
   */
  lookup(query: string): LookupMatch[];
}

const KIND_RANK: Record<LookupMatchKind, number> = {
  arn: 0,
  ip: 1,
  endpoint: 2,
  'dns-name': 3,
  'cloud-map-service': 4,
  'service-name': 5,
};

const KIND_OF_MECHANISM: Record<Mechanism, LookupMatchKind> = {
  connect: 'endpoint',
  dns: 'dns-name',
  'load-balancer': 'dns-name',
  'http-api': 'cloud-map-service',
  lattice: 'endpoint',
};

class MultiMap<V> {
  private readonly map = new Map<string, V[]>();

  add(key: string, value: V): void {
    const list = this.map.get(key);
    if (list) list.push(value);
    else this.map.set(key, [value]);
  }

  get(key: string): V[] {
    return this.map.get(key) ?? [];
  }
}

/** `arn:...:task-definition/web:12` → `arn:...:task-definition/web`. */
function familyArn(taskDefinitionArn: string): string {
  return taskDefinitionArn.replace(/:\d+$/, '');
}

function stripUrl(query: string): string {
  return query
    .replace(/^[a-z][a-z0-9+.-]*(?::[a-z][a-z0-9+.-]*)*:\/\//i, '')
    .replace(/^.*@/, '')
    .replace(/[/?#].*$/, '');
}

/**
 * An index answering "who owns this?" in O(1) per query. Task IPs come from
 * the snapshots (when given) and are only ever held in memory here: they are
 * volatile and never part of the model or of catalog entities.
 *
 * @public
 */
export function createLookupIndex(
  model: NetworkModel,
  snapshots: ScopeSnapshot[] = [],
): LookupIndex {
  const serviceByArn = new Map(model.services.map(s => [s.arn, s]));
  const byArn = new MultiMap<{ service: ModelService; endpoint?: Endpoint }>();
  const byName = new MultiMap<ModelService>();
  const byEndpointName = new MultiMap<Endpoint>();
  const byEndpointHost = new MultiMap<Endpoint>();
  const byCloudMapName = new MultiMap<Endpoint>();
  const byIp = new MultiMap<ModelService>();

  for (const service of model.services) {
    byArn.add(service.arn.toLowerCase(), { service });
    byArn.add(service.clusterArn.toLowerCase(), { service });
    byArn.add(service.taskDefinitionArn.toLowerCase(), { service });
    byArn.add(familyArn(service.taskDefinitionArn).toLowerCase(), { service });
    // Old-format service ARNs carry no cluster: `...:service/orders`.
    const oldArn = service.arn.replace(/:service\/[^/]+\//, ':service/');
    if (oldArn !== service.arn) byArn.add(oldArn.toLowerCase(), { service });
    byName.add(service.name.toLowerCase(), service);
    byName.add(`${service.cluster}/${service.name}`.toLowerCase(), service);
  }
  for (const endpoint of model.endpoints) {
    byEndpointName.add(endpoint.name.toLowerCase(), endpoint);
    byEndpointHost.add(endpoint.host, endpoint);
    if (endpoint.discoveryName) {
      byCloudMapName.add(endpoint.discoveryName.toLowerCase(), endpoint);
    }
  }

  const endpointsByService = new MultiMap<Endpoint>();
  for (const endpoint of model.endpoints) {
    endpointsByService.add(endpoint.serviceArn, endpoint);
  }
  for (const snapshot of snapshots) {
    const cloudMapByArn = new Map(
      snapshot.cloudMapServices.map(c => [c.arn, c]),
    );
    const registrants = new MultiMap<string>();
    for (const info of snapshot.services) {
      for (const registry of info.serviceRegistries) {
        registrants.add(registry.registryArn, info.arn);
      }
    }
    for (const info of snapshot.services) {
      const service = serviceByArn.get(info.arn);
      if (!service) continue;
      for (const task of info.tasks) if (task.ip) byIp.add(task.ip, service);
      for (const registry of info.serviceRegistries) {
        const cloudMap = cloudMapByArn.get(registry.registryArn);
        // Instances do not say which ECS service registered them, so their
        // addresses are attributed only when one service uses the registry.
        if (registrants.get(registry.registryArn).length === 1) {
          for (const instance of cloudMap?.instances ?? []) {
            if (instance.ipv4) byIp.add(instance.ipv4, service);
          }
        }
        const endpoint = endpointsByService
          .get(service.arn)
          .find(
            e =>
              e.mechanism !== 'connect' && e.discoveryName === cloudMap?.name,
          );
        byArn.add(registry.registryArn.toLowerCase(), { service, endpoint });
      }
      for (const entry of info.serviceConnect?.services ?? []) {
        if (!entry.discoveryArn) continue;
        const endpoint = endpointsByService
          .get(service.arn)
          .find(e => e.portName === entry.portName && e.mechanism !== 'dns');
        byArn.add(entry.discoveryArn.toLowerCase(), { service, endpoint });
      }
    }
  }

  function endpointMatch(endpoint: Endpoint): LookupMatch[] {
    const service = serviceByArn.get(endpoint.serviceArn);
    return service
      ? [
          {
            service,
            endpoint,
            matchedBy: KIND_OF_MECHANISM[endpoint.mechanism],
          },
        ]
      : [];
  }

  function search(query: string): LookupMatch[] {
    if (query.toLowerCase().startsWith('arn:')) {
      return byArn
        .get(query.toLowerCase())
        .map(({ service, endpoint }) =>
          endpoint
            ? { service, endpoint, matchedBy: 'arn' }
            : { service, matchedBy: 'arn' },
        );
    }
    const address = parseHostPort(stripUrl(query));
    if (address && isIpv4(address.host)) {
      return byIp
        .get(address.host)
        .map(service => ({ service, matchedBy: 'ip' }));
    }
    const matches: LookupMatch[] = [];
    if (address) {
      const exact = byEndpointName.get(
        address.port === undefined
          ? address.host
          : `${address.host}:${address.port}`,
      );
      const sameHost = byEndpointHost
        .get(address.host)
        .filter(
          e =>
            address.port === undefined ||
            e.mechanism !== 'connect' ||
            e.port === address.port,
        );
      for (const endpoint of [...exact, ...sameHost]) {
        matches.push(...endpointMatch(endpoint));
      }
    }
    const word = normalizeHost(query);
    for (const endpoint of byCloudMapName.get(word)) {
      const service = serviceByArn.get(endpoint.serviceArn);
      if (service)
        matches.push({ service, endpoint, matchedBy: 'cloud-map-service' });
    }
    for (const service of byName.get(query.toLowerCase())) {
      matches.push({ service, matchedBy: 'service-name' });
    }
    return matches;
  }

  return {
    lookup(rawQuery) {
      const query = rawQuery.trim();
      if (!query) return [];
      const seen = new Set<string>();
      return search(query)
        .filter(match => {
          const key = `${match.service.arn}\u0000${match.matchedBy}\u0000${
            match.endpoint?.id ?? ''
          }`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        })
        .sort(
          (a, b) =>
            KIND_RANK[a.matchedBy] - KIND_RANK[b.matchedBy] ||
            compareStrings(a.service.accountId, b.service.accountId) ||
            compareStrings(a.service.region, b.service.region) ||
            compareStrings(a.service.arn, b.service.arn) ||
            compareStrings(a.endpoint?.id ?? '', b.endpoint?.id ?? ''),
        );
    },
  };
}
