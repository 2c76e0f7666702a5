import {
  GetInstancesHealthStatusCommand,
  ListInstancesCommand,
  ListNamespacesCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  ServiceDiscoveryClient,
} from '@aws-sdk/client-servicediscovery';
import type {
  CloudMapServiceInfo,
  DnsRecordInfo,
  NamespaceInfo,
  NamespaceType,
} from '@ecs-net/plugin-ecs-networking-common';
import { collectPages, mapLimited, tagsToRecord } from './paging';

const PAGE = 100;

/**
 * Only the attributes ECS itself writes are read. Custom instance attributes
 * are user data and may hold secrets.
 */
const IPV4 = 'AWS_INSTANCE_IPV4';
const PORT = 'AWS_INSTANCE_PORT';

export async function readNamespaces(
  cloudMap: ServiceDiscoveryClient,
  filter: string[] | undefined,
  concurrency: number,
): Promise<NamespaceInfo[]> {
  let summaries = await collectPages(async token => {
    const page = await cloudMap.send(new ListNamespacesCommand({ MaxResults: PAGE, NextToken: token }));
    return { items: page.Namespaces, next: page.NextToken };
  });
  if (filter?.length) {
    const wanted = new Set(filter);
    summaries = summaries.filter(ns => wanted.has(ns.Name!));
  }
  return mapLimited(summaries, concurrency, async ns => {
    const tags = await cloudMap.send(new ListTagsForResourceCommand({ ResourceARN: ns.Arn! }));
    return {
      id: ns.Id!,
      arn: ns.Arn!,
      name: ns.Name!,
      type: ns.Type as NamespaceType,
      tags: tagsToRecord(tags.Tags),
    };
  });
}

/** A Cloud Map service as listed, before any instance is read. */
export interface ListedCloudMapService {
  info: CloudMapServiceInfo;
  instanceCount: number;
  healthChecked: boolean;
}

export async function listCloudMapServices(
  cloudMap: ServiceDiscoveryClient,
  namespaces: NamespaceInfo[],
  concurrency: number,
): Promise<ListedCloudMapService[]> {
  // Service summaries do not name their namespace, so list per namespace.
  const perNamespace = await mapLimited(namespaces, concurrency, async ns => {
    const services = await collectPages(async token => {
      const page = await cloudMap.send(
        new ListServicesCommand({
          MaxResults: PAGE,
          NextToken: token,
          Filters: [{ Name: 'NAMESPACE_ID', Values: [ns.id], Condition: 'EQ' }],
        }),
      );
      return { items: page.Services, next: page.NextToken };
    });
    return services.map(service => ({ service, namespaceId: ns.id }));
  });
  return perNamespace.flat().map(({ service, namespaceId }) => ({
    instanceCount: service.InstanceCount ?? 0,
    healthChecked: !!(service.HealthCheckConfig || service.HealthCheckCustomConfig),
    info: {
      id: service.Id!,
      arn: service.Arn!,
      name: service.Name!,
      namespaceId,
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
  }));
}

/**
 * Reads the instances of Cloud Map services that ECS does not register.
 * Instances ECS registers are its tasks, already read with DescribeTasks;
 * reading them again would cost one call per service. What remains is what
 * only Cloud Map knows: EC2 hosts, on-premises servers, other platforms.
 *
 * The control-plane ListInstances pages through every instance; the
 * data-plane DiscoverInstances stops at 1,000 and is meant for clients.
 */
export async function readExternalInstances(
  cloudMap: ServiceDiscoveryClient,
  listed: ListedCloudMapService[],
  registeredByEcs: Set<string>,
  concurrency: number,
): Promise<void> {
  const external = listed.filter(l => l.instanceCount > 0 && !registeredByEcs.has(l.info.arn));
  await mapLimited(external, concurrency, async ({ info, healthChecked }) => {
    const instances = await collectPages(async token => {
      const page = await cloudMap.send(
        new ListInstancesCommand({ ServiceId: info.id, MaxResults: PAGE, NextToken: token }),
      );
      return { items: page.Instances, next: page.NextToken };
    });
    const health = new Map<string, string>();
    if (instances.length && healthChecked) {
      const statuses = await collectPages(async token => {
        const page = await cloudMap.send(
          new GetInstancesHealthStatusCommand({
            ServiceId: info.id,
            MaxResults: PAGE,
            NextToken: token,
          }),
        );
        return { items: Object.entries(page.Status ?? {}), next: page.NextToken };
      });
      for (const [id, status] of statuses) health.set(id, status);
    }
    info.instances = instances.map(instance => ({
      id: instance.Id!,
      ipv4: instance.Attributes?.[IPV4],
      port: instance.Attributes?.[PORT] ? Number(instance.Attributes[PORT]) : undefined,
      health: health.get(instance.Id!),
    }));
  });
}
