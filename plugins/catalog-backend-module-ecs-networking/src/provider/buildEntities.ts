import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ApiEntity,
  ComponentEntity,
  Entity,
  ResourceEntity,
} from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  ENTITY_TYPES,
  Endpoint,
  endpointSettings,
  entityRefFromTag,
  Mechanism,
  ModelNamespace,
  ModelService,
  NetworkModel,
} from '@ecs-net/plugin-ecs-networking-common';
import { entityName, regionCode, resolveCollisions } from './entityNames';
import { distinctTitles } from './entityTitles';

/**
 * Resources have no API fields of their own; this module's processor turns
 * these two lists into providesApi / consumesApi relations.
 */
type EcsServiceResource = ResourceEntity & {
  spec: ResourceEntity['spec'] & {
    dependencyOf?: string[];
    providesApis: string[];
    consumesApis: string[];
  };
};

export interface BuildOptions {
  /** Provider name, used for the managed-by location annotations. */
  providerName: string;
  /** Owner of anything without a valid owner tag. */
  defaultOwner: string;
  /** Create a Component for services that no tag links to one. */
  createComponents: boolean;
}

const API_TYPES: Record<Mechanism, string> = {
  connect: ENTITY_TYPES.serviceConnectEndpoint,
  dns: ENTITY_TYPES.dnsEndpoint,
  'http-api': ENTITY_TYPES.httpApiEndpoint,
  'load-balancer': ENTITY_TYPES.loadBalancerEndpoint,
  lattice: ENTITY_TYPES.latticeEndpoint,
};

const MECHANISM_TITLES: Record<Mechanism, string> = {
  connect: 'Service Connect',
  dns: 'Service Discovery (DNS)',
  'http-api': 'Cloud Map API discovery',
  'load-balancer': 'Load balancer',
  lattice: 'VPC Lattice',
};

function scopeParts(item: { accountId: string; region: string }): string[] {
  return [regionCode(item.region), item.accountId.slice(-4)];
}

function consoleLink(service: ModelService) {
  const cluster = encodeURIComponent(service.cluster);
  const name = encodeURIComponent(service.name);
  return {
    url: `https://${service.region}.console.aws.amazon.com/ecs/v2/clusters/${cluster}/services/${name}/health?region=${service.region}`,
    title: 'AWS console',
  };
}

function endpointDefinition(endpoint: Endpoint): string {
  // API entities need a definition; for an endpoint the useful content is
  // how to address it, so that is what the API docs page shows.
  const lines = [
    `mechanism: ${MECHANISM_TITLES[endpoint.mechanism]}`,
    `name: ${JSON.stringify(endpoint.name)}`,
    `host: ${JSON.stringify(endpoint.host)}`,
  ];
  if (endpoint.port !== undefined) lines.push(`port: ${endpoint.port}`);
  if (endpoint.namespace) {
    lines.push(`namespace: ${JSON.stringify(endpoint.namespace.name)} (${endpoint.namespace.type})`);
  }
  lines.push(`reachableFrom: ${endpoint.reachableFrom}`);
  for (const record of endpoint.dnsRecords ?? []) {
    lines.push(`dnsRecord: ${record.type} ttl=${record.ttl}s`);
  }
  if (endpoint.routingPolicy) lines.push(`routingPolicy: ${endpoint.routingPolicy}`);
  // TLS, timeouts, access logs; a Lattice target group and port name.
  for (const setting of endpointSettings(endpoint)) {
    lines.push(`setting: ${JSON.stringify(setting)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Turns the analyzed network into catalog entities. Pure: the same model
 * gives the same entities, so unchanged estates cause no catalog writes.
 */
export function buildEntities(model: NetworkModel, options: BuildOptions): Entity[] {
  const location = `ecs-networking:${options.providerName}`;
  const managed = {
    [ANNOTATION_LOCATION]: location,
    [ANNOTATION_ORIGIN_LOCATION]: location,
  };

  const resourceNames = resolveCollisions<ModelService | ModelNamespace>(
    [...model.services, ...model.namespaces],
    item =>
      'cluster' in item
        ? entityName([item.name, item.cluster, ...scopeParts(item)])
        : entityName([item.name, ...scopeParts(item)]),
    item => item.arn,
  );
  const apiNames = resolveCollisions(
    model.endpoints,
    e => entityName([e.name.replace(':', '-'), ...(e.namespace && e.mechanism === 'connect' ? [e.namespace.name] : []), ...scopeParts(e)]),
    e => e.id,
  );

  const serviceTitles = distinctTitles(model.services, s => s.name, s => [s.accountId, s.region, s.cluster]);
  const namespaceTitles = distinctTitles(model.namespaces, ns => ns.name, ns => [ns.accountId, ns.region]);
  const apiTitles = distinctTitles(
    model.endpoints,
    e => e.name,
    e => [e.accountId, e.region, e.namespace?.name ?? ''],
  );
  // A component tag the catalog has no Component for is a finding (see the
  // rule), not a relation to an entity that cannot be found.
  const danglingComponent = new Set(
    model.findings.filter(f => f.ruleId === 'component-tag-not-in-catalog').map(f => f.subject.arn),
  );

  const serviceRef = new Map(
    model.services.map(s => [s.arn, `resource:default/${resourceNames.get(s)}`]),
  );
  const namespaceRef = new Map(
    model.namespaces.map(ns => [ns.arn, `resource:default/${resourceNames.get(ns)}`]),
  );
  const apiRef = new Map(model.endpoints.map(e => [e.id, `api:default/${apiNames.get(e)}`]));
  const ownerOf = new Map(
    model.services.map(s => [s.arn, entityRefFromTag(s.owner, 'group') ?? options.defaultOwner]),
  );

  const outbound = new Map<string, { services: Set<string>; apis: Set<string> }>();
  for (const edge of model.edges) {
    const entry = outbound.get(edge.from) ?? { services: new Set(), apis: new Set() };
    const target = serviceRef.get(edge.to);
    if (target && edge.to !== edge.from) entry.services.add(target);
    const api = apiRef.get(edge.endpointId);
    if (api) entry.apis.add(api);
    outbound.set(edge.from, entry);
  }

  const endpointsOf = new Map<string, Endpoint[]>();
  const namespaceUsers = new Map<string, Set<string>>();
  const useNamespace = (nsArn: string | undefined, serviceArn: string) => {
    if (!nsArn) return;
    const users = namespaceUsers.get(nsArn) ?? new Set<string>();
    users.add(serviceArn);
    namespaceUsers.set(nsArn, users);
  };
  for (const e of model.endpoints) {
    endpointsOf.set(e.serviceArn, [...(endpointsOf.get(e.serviceArn) ?? []), e]);
    useNamespace(e.namespace?.arn, e.serviceArn);
  }
  for (const s of model.services) useNamespace(s.serviceConnectNamespace, s.arn);
  const serviceByArn = new Map(model.services.map(s => [s.arn, s]));

  const entities: Entity[] = [];

  for (const ns of model.namespaces) {
    const users = [...(namespaceUsers.get(ns.arn) ?? [])];
    const owners = [...new Set(users.map(arn => ownerOf.get(arn)!))];
    // The namespace's own owner tag first; else whoever uses it, when that is one team.
    const owner =
      entityRefFromTag(ns.owner, 'group') ?? (owners.length === 1 ? owners[0] : options.defaultOwner);
    const resource: ResourceEntity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: resourceNames.get(ns)!,
        title: namespaceTitles.get(ns)!,
        description: `Cloud Map ${ns.type === 'HTTP' ? 'HTTP' : 'DNS'} namespace ${ns.name} (${ns.accountId}, ${ns.region})`,
        annotations: {
          ...managed,
          [ANNOTATIONS.namespaceArn]: ns.arn,
          [ANNOTATIONS.accountId]: ns.accountId,
          [ANNOTATIONS.region]: ns.region,
        },
        tags: ['cloud-map', ns.type.toLowerCase().replace('_', '-')],
      },
      spec: {
        type: ENTITY_TYPES.cloudMapNamespace,
        owner,
      },
    };
    entities.push(resource);
  }

  for (const service of model.services) {
    const owner = ownerOf.get(service.arn)!;
    const system = entityRefFromTag(service.system, 'system');
    const component = danglingComponent.has(service.arn)
      ? undefined
      : entityRefFromTag(service.component, 'component');
    const calls = outbound.get(service.arn);
    const own = endpointsOf.get(service.arn) ?? [];
    const provides = own.map(e => apiRef.get(e.id)!);
    const namespaces = [...namespaceUsers]
      .filter(([, users]) => users.has(service.arn))
      .flatMap(([arn]) => namespaceRef.get(arn) ?? []);
    const mechanisms = new Set(own.map(e => e.mechanism));
    const resource: EcsServiceResource = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: resourceNames.get(service)!,
        title: serviceTitles.get(service)!,
        description: `ECS service ${service.name} in cluster ${service.cluster} (${service.accountId}, ${service.region})`,
        annotations: {
          ...managed,
          [ANNOTATIONS.serviceArn]: service.arn,
          [ANNOTATIONS.accountId]: service.accountId,
          [ANNOTATIONS.region]: service.region,
          [ANNOTATIONS.clusterArn]: service.clusterArn,
          ...(service.serviceConnectNamespace
            ? { [ANNOTATIONS.namespaceArn]: service.serviceConnectNamespace }
            : {}),
        },
        tags: [
          'ecs',
          ...(mechanisms.has('connect') ? ['service-connect'] : []),
          ...(mechanisms.has('dns') ? ['service-discovery'] : []),
        ],
        links: [consoleLink(service)],
      },
      spec: {
        type: ENTITY_TYPES.ecsService,
        owner,
        ...(system ? { system } : {}),
        dependsOn: [...(calls?.services ?? []), ...namespaces].sort(),
        ...(component ? { dependencyOf: [component] } : {}),
        providesApis: provides.sort(),
        consumesApis: [...(calls?.apis ?? [])].sort(),
      },
    };
    entities.push(resource);

    if (!component && options.createComponents) {
      const generated: ComponentEntity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: resourceNames.get(service)!,
          title: serviceTitles.get(service)!,
          description: `Workload of ECS service ${service.name} (created because no component tag links it)`,
          annotations: { ...managed, [ANNOTATIONS.serviceArn]: service.arn },
        },
        spec: {
          type: 'service',
          lifecycle: service.lifecycle?.trim() || 'production',
          owner,
          ...(system ? { system } : {}),
          dependsOn: [serviceRef.get(service.arn)!],
          // Its endpoints, so its page lists the APIs it provides.
          providesApis: provides,
        },
      };
      entities.push(generated);
    }
  }

  for (const endpoint of model.endpoints) {
    const provider = serviceByArn.get(endpoint.serviceArn);
    const api: ApiEntity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: {
        name: apiNames.get(endpoint)!,
        title: apiTitles.get(endpoint)!,
        description: `${MECHANISM_TITLES[endpoint.mechanism]} endpoint ${endpoint.name} of ${provider?.name ?? 'an ECS service'} (${endpoint.accountId}, ${endpoint.region})`,
        annotations: {
          ...managed,
          [ANNOTATIONS.endpointId]: endpoint.id,
          [ANNOTATIONS.accountId]: endpoint.accountId,
          [ANNOTATIONS.region]: endpoint.region,
          ...(endpoint.namespace ? { [ANNOTATIONS.namespaceArn]: endpoint.namespace.arn } : {}),
        },
        tags: [API_TYPES[endpoint.mechanism]],
      },
      spec: {
        type: API_TYPES[endpoint.mechanism],
        lifecycle: provider?.lifecycle?.trim() || 'production',
        owner: ownerOf.get(endpoint.serviceArn) ?? options.defaultOwner,
        ...(provider && entityRefFromTag(provider.system, 'system')
          ? { system: entityRefFromTag(provider.system, 'system') }
          : {}),
        definition: endpointDefinition(endpoint),
      },
    };
    entities.push(api);
  }

  return entities;
}
