import { withFrozenClock } from '../util/clock';
import { DnsRecordType } from '../cloudmap/types';
import {
  ContainerDefinition,
  ServiceConnectConfiguration,
  ServiceRegistry,
  VpcLatticeConfiguration,
} from '../ecs/types';
import { hexId } from '../util/ids';
import {
  managedPermission,
  MANAGED_PERMISSIONS,
  ramPermissionArn,
} from '../ram/managedPermissions';
import { CloudMapTag, EcsTag } from '../util/tags';
import { Partition } from '../world/Partition';
import { World } from '../world/World';
import {
  Estate,
  EstateRegion,
  EstateServiceRegistry,
  EstateTags,
} from './types';

const ecsTags = (tags?: EstateTags): EcsTag[] =>
  Object.entries(tags ?? {}).map(([key, value]) => ({
    key,
    value: String(value),
  }));

const cloudMapTags = (tags?: EstateTags): CloudMapTag[] =>
  Object.entries(tags ?? {}).map(([Key, Value]) => ({
    Key,
    Value: String(Value),
  }));

function withContext<T>(where: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw new Error(`estate ${where}: ${(error as Error).message}`);
  }
}

/**
 * Builds the estate's state through the same operations the API runs, so
 * seeded services have tasks with addresses and their Cloud Map
 * registrations, exactly as if they had been created through the API.
 */
export function seedEstate(world: World, estate: Estate): void {
  withFrozenClock(() => seedAll(world, estate));
}

function seedAll(world: World, estate: Estate): void {
  for (const account of estate.accounts) {
    world.credentials.addAccount(account.id);
    for (const key of account.accessKeys ?? []) {
      world.credentials.addAccessKey(key.id, account.id, key.user);
    }
    for (const role of account.roles ?? []) {
      world.credentials.addRole(account.id, role.name, role.trustedAccounts);
    }
  }
  for (const account of estate.accounts) {
    for (const [region, contents] of Object.entries(account.regions ?? {})) {
      const partition = world.partition(account.id, region);
      const where = `${account.id}/${region}`;
      seedRegion(partition, contents ?? {}, where);
      for (const share of contents?.resourceShares ?? []) {
        withContext(`${where} resource share ${share.name}`, () =>
          world.shares.create(account.id, region, {
            name: share.name,
            resourceArns: share.namespaces.map(name => {
              const namespace = partition.cloudMap.findNamespace(name);
              if (!namespace) {
                throw new Error(
                  `namespace '${name}' is not defined in this region`,
                );
              }
              return namespace.Arn;
            }),
            principals: share.principals,
            permissionArns: share.permissions.map(name => {
              const permission = managedPermission(ramPermissionArn(name));
              if (!permission) {
                throw new Error(
                  `permission '${name}' is not one of ${MANAGED_PERMISSIONS.map(
                    p => p.name,
                  ).join(', ')}`,
                );
              }
              return permission.arn;
            }),
            accepted: true,
          }),
        );
      }
    }
  }
}

function seedRegion(
  partition: Partition,
  region: EstateRegion,
  where: string,
): void {
  const { accountId } = partition;
  const seededBy = `arn:aws:iam::${accountId}:root`;
  for (const subnet of region.subnets ?? []) {
    withContext(`${where} subnet ${subnet.id}`, () =>
      partition.network.add({
        id: subnet.id,
        cidr: subnet.cidr,
        availabilityZone: subnet.availabilityZone ?? `${partition.region}a`,
        vpcId:
          subnet.vpcId ??
          `vpc-${hexId(17, accountId, partition.region, 'estate-vpc')}`,
      }),
    );
  }
  const namespaceIds = new Map<string, string>();
  for (const ns of region.namespaces ?? []) {
    withContext(`${where} namespace ${ns.name}`, () => {
      const { namespace } = partition.cloudMap.createNamespace({
        name: ns.name,
        type: ns.type,
        description: ns.description,
        vpc:
          ns.type === 'DNS_PRIVATE'
            ? ns.vpc ??
              `vpc-${hexId(17, accountId, partition.region, 'estate-vpc')}`
            : undefined,
        tags: cloudMapTags(ns.tags),
      });
      namespaceIds.set(ns.name, namespace.Id);
    });
  }
  const namespaceId = (name: string) => {
    const id =
      namespaceIds.get(name) ?? partition.cloudMap.findNamespace(name)?.Id;
    if (!id)
      throw new Error(`namespace '${name}' is not defined in this region`);
    return id;
  };
  for (const svc of region.cloudMapServices ?? []) {
    withContext(
      `${where} Cloud Map service ${svc.namespace}/${svc.name}`,
      () => {
        const created = partition.cloudMap.createService({
          name: svc.name,
          namespaceId: namespaceId(svc.namespace),
          description: svc.description,
          dnsConfig: svc.dnsConfig && {
            RoutingPolicy: svc.dnsConfig.routingPolicy,
            DnsRecords: svc.dnsConfig.dnsRecords.map(r => ({
              Type: r.type as DnsRecordType,
              TTL: r.ttl,
            })),
          },
          healthCheckConfig: svc.healthCheckConfig && {
            Type: svc.healthCheckConfig.type,
            ResourcePath: svc.healthCheckConfig.resourcePath,
            FailureThreshold: svc.healthCheckConfig.failureThreshold,
          },
          healthCheckCustomConfig: svc.healthCheckCustomConfig && {
            FailureThreshold: svc.healthCheckCustomConfig.failureThreshold,
          },
          tags: cloudMapTags(svc.tags),
        });
        for (const instance of svc.instances ?? []) {
          partition.cloudMap.registerInstance(
            created.Id,
            instance.id,
            instance.attributes,
          );
        }
      },
    );
  }
  for (const lb of region.loadBalancers ?? []) {
    withContext(`${where} load balancer ${lb.name}`, () =>
      partition.elb.create(lb),
    );
  }
  for (const cluster of region.clusters ?? []) {
    withContext(`${where} cluster ${cluster.name}`, () => {
      partition.ecs.createCluster({
        clusterName: cluster.name,
        settings: cluster.settings,
        tags: ecsTags(cluster.tags),
        serviceConnectDefaults: cluster.serviceConnectDefaults,
      });
      if (cluster.containerInstances) {
        partition.ecs.addContainerInstances(
          cluster.name,
          cluster.containerInstances.count,
          cluster.containerInstances.subnets,
        );
      }
    });
  }
  for (const td of region.taskDefinitions ?? []) {
    withContext(`${where} task definition ${td.family}`, () => {
      const { tags, containerDefinitions, ...rest } = td;
      partition.ecs.registerTaskDefinition(
        {
          ...rest,
          containerDefinitions: containerDefinitions as ContainerDefinition[],
          tags: ecsTags(tags),
        },
        seededBy,
      );
    });
  }
  for (const svc of region.services ?? []) {
    withContext(`${where} service ${svc.cluster}/${svc.name}`, () => {
      partition.ecs.createService(
        {
          serviceName: svc.name,
          cluster: svc.cluster,
          taskDefinition: svc.taskDefinition,
          desiredCount: svc.desiredCount ?? 1,
          launchType: svc.launchType,
          networkConfiguration: svc.networkConfiguration,
          serviceConnectConfiguration: svc.serviceConnectConfiguration as
            | ServiceConnectConfiguration
            | undefined,
          serviceRegistries: (svc.serviceRegistries ?? []).map(r =>
            resolveRegistry(partition, r, namespaceId),
          ),
          loadBalancers: svc.loadBalancers,
          vpcLatticeConfigurations: svc.vpcLatticeConfigurations as
            | VpcLatticeConfiguration[]
            | undefined,
          tags: ecsTags(svc.tags),
        },
        { unchecked: svc.seedUnchecked === true, createdBy: seededBy },
      );
    });
  }
}

function resolveRegistry(
  partition: Partition,
  registry: EstateServiceRegistry,
  namespaceId: (name: string) => string,
): ServiceRegistry {
  const { namespace, service, registryArn, ...ports } = registry;
  if (registryArn) {
    return { registryArn, ...ports };
  }
  if (!namespace || !service) {
    throw new Error(
      'a service registry needs registryArn, or namespace and service',
    );
  }
  const found = partition.cloudMap.findServiceByName(
    namespaceId(namespace),
    service,
  );
  if (!found) {
    throw new Error(
      `Cloud Map service '${service}' is not defined in namespace '${namespace}'`,
    );
  }
  return { registryArn: found.Arn, ...ports };
}
