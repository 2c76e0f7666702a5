import {
  DiscoverInstancesRevisionCommand,
  GetInstancesHealthStatusCommand,
  GetServiceCommand,
  ListInstancesCommand,
  ListNamespacesCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  ServiceDiscoveryClient,
  ServiceSummary,
} from '@aws-sdk/client-servicediscovery';
import type {
  CloudMapServiceInfo,
  DnsRecordInfo,
  NamespaceInfo,
  NamespaceType,
} from '@ecs-net/plugin-ecs-networking-common';
import type { InstanceListCache, ListedInstance } from './InstanceListCache';
import { collectPages, mapLimited, tagsToRecord } from './paging';
import type { ReadNotes } from './ReadNotes';

const PAGE = 100;

/**
 * Only the attributes ECS itself writes are read. Custom instance attributes
 * are user data and may hold secrets.
 */
const IPV4 = 'AWS_INSTANCE_IPV4';
const PORT = 'AWS_INSTANCE_PORT';

const byId = (item: { Id?: string }) => item.Id!;

/** A namespace as read, with the number of services Cloud Map says it holds. */
export interface ListedNamespace {
  info: NamespaceInfo;
  serviceCount?: number;
  /** The name Cloud Map's data plane (DiscoverInstances*) knows it by. */
  httpName: string;
}

/**
 * The namespaces the account sees: its own and, without any filter, those
 * other accounts share with it through AWS RAM (`ResourceOwner` names the
 * owner). A shared namespace's tags are its owner's and are read there.
 */
export async function readNamespaces(
  cloudMap: ServiceDiscoveryClient,
  accountId: string,
  filter: string[] | undefined,
  concurrency: number,
  notes: ReadNotes,
): Promise<ListedNamespace[]> {
  let summaries = await collectPages(
    async token => {
      const page = await cloudMap.send(new ListNamespacesCommand({ MaxResults: PAGE, NextToken: token }));
      return { items: page.Namespaces, next: page.NextToken };
    },
    { what: 'servicediscovery:ListNamespaces', key: byId, pageSize: PAGE, notes },
  );
  if (filter?.length) {
    const wanted = new Set(filter);
    summaries = summaries.filter(ns => wanted.has(ns.Name!));
  }
  return mapLimited(summaries, concurrency, async ns => {
    const info: NamespaceInfo = {
      id: ns.Id!,
      arn: ns.Arn!,
      name: ns.Name!,
      type: ns.Type as NamespaceType,
      tags: {},
    };
    if (ns.ResourceOwner && ns.ResourceOwner !== accountId) {
      info.ownerAccountId = ns.ResourceOwner;
    } else {
      const tags = await cloudMap.send(new ListTagsForResourceCommand({ ResourceARN: ns.Arn! }));
      info.tags = tagsToRecord(tags.Tags);
    }
    return {
      info,
      serviceCount: ns.ServiceCount,
      httpName: ns.Properties?.HttpProperties?.HttpName ?? ns.Name!,
    };
  });
}

/** A Cloud Map service as listed, before any instance is read. */
export interface ListedCloudMapService {
  info: CloudMapServiceInfo;
  instanceCount: number;
  healthChecked: boolean;
  /** Cloud Map's `CreatedByAccount`: another account's in a shared namespace. */
  createdByAccount?: string;
  namespace: ListedNamespace;
}

export async function listCloudMapServices(
  cloudMap: ServiceDiscoveryClient,
  namespaces: ListedNamespace[],
  concurrency: number,
  notes: ReadNotes,
): Promise<ListedCloudMapService[]> {
  // Service summaries do not name their namespace, so list per namespace.
  const perNamespace = await mapLimited(namespaces, concurrency, async ns => {
    const services = await collectPages(
      async token => {
        const page = await cloudMap.send(
          new ListServicesCommand({
            MaxResults: PAGE,
            NextToken: token,
            Filters: [{ Name: 'NAMESPACE_ID', Values: [ns.info.id], Condition: 'EQ' }],
          }),
        );
        return { items: page.Services, next: page.NextToken };
      },
      { what: 'servicediscovery:ListServices', key: byId, pageSize: PAGE, notes },
    );
    return { ns, services };
  });
  const placed = await placeServices(cloudMap, perNamespace, concurrency, notes);
  const namespaceById = new Map(namespaces.map(ns => [ns.info.id, ns]));
  return placed.map(({ service, namespaceId }) => listedService(service, namespaceById.get(namespaceId)!));
}

/** A Cloud Map service, listed or described, as the snapshot holds it before any instance is read. */
function listedService(service: ServiceSummary, namespace: ListedNamespace): ListedCloudMapService {
  return {
    namespace,
    instanceCount: service.InstanceCount ?? 0,
    createdByAccount: service.CreatedByAccount,
    healthChecked: !!(service.HealthCheckConfig || service.HealthCheckCustomConfig),
    info: {
      id: service.Id!,
      arn: service.Arn!,
      name: service.Name!,
      namespaceId: namespace.info.id,
      type: service.Type,
      dnsRecords: (service.DnsConfig?.DnsRecords ?? []).map(record => ({
        type: record.Type as DnsRecordInfo['type'],
        ttl: record.TTL ?? 0,
      })),
      routingPolicy: service.DnsConfig?.RoutingPolicy,
      healthCheck: service.HealthCheckConfig?.Type
        ? {
            type: service.HealthCheckConfig.Type,
            resourcePath: service.HealthCheckConfig.ResourcePath,
          }
        : undefined,
      customHealthCheck: !!service.HealthCheckCustomConfig,
      // Set by the caller from the ECS services: asking Cloud Map for each
      // service's tags would cost one call per service.
      managedByEcs: false,
      tags: {},
      instances: [],
    },
  };
}

/**
 * Re-reads Cloud Map services by id (after an AWS change event), one
 * GetService each. Services that no longer exist, or whose namespace is not
 * among `namespaces` (not read here), are `goneIds`.
 */
export async function readCloudMapServicesById(
  cloudMap: ServiceDiscoveryClient,
  ids: string[],
  namespaces: Map<string, ListedNamespace>,
  concurrency: number,
): Promise<{ listed: ListedCloudMapService[]; goneIds: string[] }> {
  const listed: ListedCloudMapService[] = [];
  const goneIds: string[] = [];
  await mapLimited(ids, concurrency, async id => {
    try {
      const { Service: service } = await cloudMap.send(new GetServiceCommand({ Id: id }));
      const namespace = service?.NamespaceId ? namespaces.get(service.NamespaceId) : undefined;
      if (service && namespace) {
        listed.push(listedService(service, namespace));
      } else {
        goneIds.push(id);
      }
    } catch (error) {
      if ((error as Error).name !== 'ServiceNotFound') throw error;
      goneIds.push(id);
    }
  });
  return { listed, goneIds };
}

/**
 * Gives each listed service its one namespace. On AWS every list holds
 * exactly its namespace's services; an endpoint that ignores the filter
 * lists every service under every namespace, and trusting it would make
 * one service into several. A service listed under more than one
 * namespace, or in a list longer than its namespace's `ServiceCount`, is
 * placed by its own `NamespaceId` (GetService), and dropped when that
 * namespace is not read.
 */
async function placeServices(
  cloudMap: ServiceDiscoveryClient,
  perNamespace: Array<{ ns: ListedNamespace; services: ServiceSummary[] }>,
  concurrency: number,
  notes: ReadNotes,
): Promise<Array<{ service: ServiceSummary; namespaceId: string }>> {
  const listedUnder = new Map<string, string[]>();
  for (const { ns, services } of perNamespace) {
    for (const service of services) {
      listedUnder.set(service.Id!, [...(listedUnder.get(service.Id!) ?? []), ns.info.id]);
    }
  }
  const overfull = new Set(
    perNamespace
      .filter(({ ns, services }) => ns.serviceCount !== undefined && services.length > ns.serviceCount)
      .map(({ ns }) => ns.info.id),
  );
  const doubtful = [...listedUnder].filter(
    ([, namespaceIds]) => namespaceIds.length > 1 || namespaceIds.some(id => overfull.has(id)),
  );
  const confirmed = new Map<string, string | undefined>();
  await mapLimited(doubtful, concurrency, async ([id]) => {
    const out = await cloudMap.send(new GetServiceCommand({ Id: id }));
    confirmed.set(id, out.Service?.NamespaceId);
  });
  const read = new Set(perNamespace.map(({ ns }) => ns.info.id));
  const placed: Array<{ service: ServiceSummary; namespaceId: string }> = [];
  const done = new Set<string>();
  let dropped = 0;
  for (const { ns, services } of perNamespace) {
    for (const service of services) {
      if (done.has(service.Id!)) continue;
      const namespaceId = confirmed.has(service.Id!) ? confirmed.get(service.Id!) : ns.info.id;
      if (namespaceId !== ns.info.id && !(namespaceId && read.has(namespaceId))) {
        dropped++;
        done.add(service.Id!);
        continue;
      }
      if (namespaceId !== ns.info.id) continue; // placed when its own namespace's list comes
      done.add(service.Id!);
      placed.push({ service, namespaceId });
    }
  }
  if (doubtful.length) {
    notes.anomaly(
      'servicediscovery:ListServices listed services outside the namespace it was asked for (its NAMESPACE_ID filter was ignored): {n} service(s) were placed by their own namespace (servicediscovery:GetService)',
      doubtful.length,
    );
  }
  if (dropped) {
    notes.anomaly(
      'servicediscovery:ListServices listed {n} service(s) of namespaces not read; they were left out',
      dropped,
    );
  }
  return placed;
}

/**
 * Reads the instances of Cloud Map services that ECS does not register.
 * Instances ECS registers are its tasks, already read with DescribeTasks;
 * reading them again would cost one call per service. What remains is what
 * only Cloud Map knows: EC2 hosts, on-premises servers, other platforms.
 *
 * Each service's `InstancesRevision` (data plane, a quota of its own) is
 * read first: when it is the one the cached list was read at, the list is
 * reused and only health, which the revision does not cover, is read again.
 * Otherwise the control-plane ListInstances pages through every instance
 * (the data-plane DiscoverInstances stops at 1,000 and is meant for clients).
 */
export async function readExternalInstances(
  cloudMap: ServiceDiscoveryClient,
  listed: ListedCloudMapService[],
  registeredByEcs: Set<string>,
  cache: InstanceListCache,
  concurrency: number,
  notes: ReadNotes,
  readHealth: boolean,
  readRevisions: boolean,
): Promise<void> {
  const external = listed.filter(l => l.instanceCount > 0 && !registeredByEcs.has(l.info.arn));
  cache.keepOnly(external.map(l => l.info.arn));
  // An optimisation: without it (denied, or an endpoint without the data
  // plane) every list is read, and the first failure stops the asking.
  let revisions = readRevisions;
  const revisionOf = async ({ info, namespace }: ListedCloudMapService) => {
    if (!revisions) return undefined;
    const out = await notes.optional('cloud-map-revision', undefined, () =>
      cloudMap.send(
        new DiscoverInstancesRevisionCommand({
          NamespaceName: namespace.httpName,
          ServiceName: info.name,
          // A namespace shared with this account is found only with its owner.
          OwnerAccount: namespace.info.ownerAccountId,
        }),
      ),
    );
    if (!out) revisions = false;
    return out?.InstancesRevision;
  };
  await mapLimited(external, concurrency, async service => {
    const { info, healthChecked } = service;
    const revision = await revisionOf(service);
    let instances =
      revision === undefined ? undefined : cache.at(info.arn, revision);
    if (!instances) {
      instances = (await listInstances(cloudMap, info.id, notes)).map(
        instance => ({
          id: instance.Id!,
          ipv4: instance.Attributes?.[IPV4],
          port: instance.Attributes?.[PORT]
            ? Number(instance.Attributes[PORT])
            : undefined,
        }),
      );
      if (revision !== undefined) cache.set(info.arn, revision, instances);
    }
    const health =
      instances.length && healthChecked && readHealth
        ? await readHealthStatus(cloudMap, info.id, notes)
        : new Map<string, string>();
    info.instances = instances.map((instance: ListedInstance) => ({
      ...instance,
      health: health.get(instance.id),
    }));
  });
}

function listInstances(
  cloudMap: ServiceDiscoveryClient,
  serviceId: string,
  notes: ReadNotes,
) {
  return collectPages(
    async token => {
      const page = await cloudMap.send(
        new ListInstancesCommand({
          ServiceId: serviceId,
          MaxResults: PAGE,
          NextToken: token,
        }),
      );
      return { items: page.Instances, next: page.NextToken };
    },
    {
      what: 'servicediscovery:ListInstances',
      key: byId,
      pageSize: PAGE,
      notes,
    },
  );
}

/** Instance health by id; empty when it cannot be read (an enrichment). */
async function readHealthStatus(
  cloudMap: ServiceDiscoveryClient,
  serviceId: string,
  notes: ReadNotes,
): Promise<Map<string, string>> {
  const statuses = await notes.optional('cloud-map-health', [], () =>
    collectPages(
      async token => {
        const page = await cloudMap.send(
          new GetInstancesHealthStatusCommand({
            ServiceId: serviceId,
            MaxResults: PAGE,
            NextToken: token,
          }),
        );
        return {
          items: Object.entries(page.Status ?? {}),
          next: page.NextToken,
        };
      },
      {
        what: 'servicediscovery:GetInstancesHealthStatus',
        key: ([id]) => id,
        pageSize: PAGE,
        notes,
      },
    ),
  );
  return new Map(statuses);
}
