import type {
  ClusterInfo,
  CloudMapServiceInfo,
  EcsServiceInfo,
  NamespaceInfo,
  ScopeSnapshot,
  TaskDefinitionInfo,
} from './snapshot';
import { compareStrings } from './names';
import { parseArn } from './arns';

/** A snapshot item together with the account and region it was read in. */
export interface Scoped<T> {
  item: T;
  accountId: string;
  region: string;
}

/**
 * Lookups over all snapshots at once, keyed by ARN (globally unique) or, for
 * Cloud Map namespace ids that services reference without an ARN, by
 * `account/region/id`. Built once per analysis so every later step is O(1).
 *
 * A namespace shared through AWS RAM, and the Cloud Map services in it, are
 * listed by its owner and by every account it is shared with: each is held
 * once, attributed to the account that owns it (the copy read there when
 * that account is read), and found by id from every account that listed it.
 */
export interface ScopeIndex {
  snapshots: ScopeSnapshot[];
  /** All services, sorted by account, region, cluster, name. */
  services: Scoped<EcsServiceInfo>[];
  serviceByArn: Map<string, Scoped<EcsServiceInfo>>;
  taskDefinitionByArn: Map<string, TaskDefinitionInfo>;
  clusterByArn: Map<string, ClusterInfo>;
  namespaces: Scoped<NamespaceInfo>[];
  namespaceByArn: Map<string, Scoped<NamespaceInfo>>;
  cloudMapServices: Scoped<CloudMapServiceInfo>[];
  cloudMapServiceByArn: Map<string, Scoped<CloudMapServiceInfo>>;
  namespaceOfCloudMapService(
    service: Scoped<CloudMapServiceInfo>,
  ): Scoped<NamespaceInfo> | undefined;
  taskDefinitionOf(service: EcsServiceInfo): TaskDefinitionInfo | undefined;
}

/** Where a service stands in every list of services. */
export interface ServicePlace {
  accountId: string;
  region: string;
  cluster: string;
  name: string;
  arn: string;
}

/** Services are listed by account, region, cluster, name and ARN. */
export function compareServicePlaces(a: ServicePlace, b: ServicePlace): number {
  return (
    compareStrings(a.accountId, b.accountId) ||
    compareStrings(a.region, b.region) ||
    compareStrings(a.cluster, b.cluster) ||
    compareStrings(a.name, b.name) ||
    compareStrings(a.arn, b.arn)
  );
}

function scopeKey(accountId: string, region: string, id: string): string {
  return `${accountId}/${region}/${id}`;
}

export function createScopeIndex(snapshots: ScopeSnapshot[]): ScopeIndex {
  const services: Scoped<EcsServiceInfo>[] = [];
  const serviceByArn = new Map<string, Scoped<EcsServiceInfo>>();
  const taskDefinitionByArn = new Map<string, TaskDefinitionInfo>();
  const clusterByArn = new Map<string, ClusterInfo>();
  const namespaces: Scoped<NamespaceInfo>[] = [];
  const namespaceByArn = new Map<string, Scoped<NamespaceInfo>>();
  const namespaceById = new Map<string, Scoped<NamespaceInfo>>();
  const cloudMapServices: Scoped<CloudMapServiceInfo>[] = [];
  const cloudMapServiceByArn = new Map<string, Scoped<CloudMapServiceInfo>>();
  const sharedCopies = new Set<Scoped<NamespaceInfo>>();

  for (const snapshot of snapshots) {
    const { accountId, region } = snapshot;
    for (const cluster of snapshot.clusters)
      clusterByArn.set(cluster.arn, cluster);
    for (const td of snapshot.taskDefinitions)
      taskDefinitionByArn.set(td.arn, td);
    for (const item of snapshot.services) {
      const scoped = { item, accountId, region };
      services.push(scoped);
      serviceByArn.set(item.arn, scoped);
    }
    for (const item of snapshot.namespaces) {
      const isOwnerCopy = !item.ownerAccountId;
      const scoped = { item, accountId: item.ownerAccountId ?? accountId, region };
      const known = namespaceByArn.get(item.arn);
      if (!known || (isOwnerCopy && sharedCopies.has(known))) {
        namespaceByArn.set(item.arn, scoped);
      }
      if (!isOwnerCopy) sharedCopies.add(scoped);
      namespaceById.set(scopeKey(accountId, region, item.id), scoped);
    }
    for (const item of snapshot.cloudMapServices) {
      const owner = parseArn(item.arn)?.accountId ?? accountId;
      const known = cloudMapServiceByArn.get(item.arn);
      // Listed by the namespace's owner and by each account it is shared
      // with: the owner's copy wins, or the first one read.
      if (known && (known.accountId === owner || owner !== accountId)) continue;
      cloudMapServiceByArn.set(item.arn, { item, accountId, region });
    }
  }
  // Ids of a shared namespace resolve, from every account, to the copy kept.
  for (const [key, scoped] of namespaceById) {
    namespaceById.set(key, namespaceByArn.get(scoped.item.arn)!);
  }
  namespaces.push(...namespaceByArn.values());
  cloudMapServices.push(...cloudMapServiceByArn.values());

  const sorted = services
    .map(scoped => ({
      scoped,
      place: {
        accountId: scoped.accountId,
        region: scoped.region,
        cluster: scoped.item.clusterName,
        name: scoped.item.name,
        arn: scoped.item.arn,
      },
    }))
    .sort((a, b) => compareServicePlaces(a.place, b.place))
    .map(({ scoped }) => scoped);

  return {
    snapshots,
    services: sorted,
    serviceByArn,
    taskDefinitionByArn,
    clusterByArn,
    namespaces,
    namespaceByArn,
    cloudMapServices,
    cloudMapServiceByArn,
    namespaceOfCloudMapService: service =>
      namespaceById.get(
        scopeKey(service.accountId, service.region, service.item.namespaceId),
      ),
    taskDefinitionOf: service =>
      taskDefinitionByArn.get(service.taskDefinitionArn),
  };
}
