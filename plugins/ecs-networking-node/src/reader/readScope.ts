import type { ScopeSnapshot } from '@ecs-net/plugin-ecs-networking-common';
import type { ScopeClients } from '../aws/scopeClients';
import type { ScopeConfig } from './ScopeConfig';
import { readClusters, readServices } from './readEcs';
import { listCloudMapServices, readExternalInstances, readNamespaces } from './readCloudMap';
import { resolveLoadBalancerNames } from './readLoadBalancers';
import { readNamespaceShares } from './readResourceShares';
import { readObservedCalls } from './readObservedCalls';
import { mapLimited } from './paging';
import { managedDiscoveryArns, normaliseNamespaces } from './serviceLinks';
import { Enrichment, ReadNotes } from './ReadNotes';
import { TaskDefinitionCache } from './TaskDefinitionCache';
import type { InstanceListCache } from './InstanceListCache';

/**
 * Reads one account × region. The result's container references are
 * unfiltered candidates, matched against known endpoints by `readEstate`,
 * the only way out of this package.
 *
 * ECS and Cloud Map structure is what the read is: a failure there fails
 * it, so the last good snapshot is kept. Enrichments (`skip` turns them off)
 * only add detail: whatever they fail with, the read succeeds without them
 * and says so in `skipped`.
 */
export async function readScope(options: {
  scope: ScopeConfig;
  clients: ScopeClients;
  taskDefinitions: TaskDefinitionCache;
  instanceLists: InstanceListCache;
  concurrency: number;
  skip?: readonly Enrichment[];
}): Promise<ScopeSnapshot> {
  const { scope, clients, concurrency } = options;
  const notes = new ReadNotes();
  const wanted = (enrichment: Enrichment) => {
    if (!options.skip?.includes(enrichment)) return true;
    notes.skip(enrichment, 'turned off');
    return false;
  };
  const [clusters, listedNamespaces] = await Promise.all([
    readClusters(clients.ecs, scope.clusters, concurrency, notes),
    readNamespaces(clients.cloudMap, scope.accountId, scope.namespaces, concurrency, notes),
  ]);
  const namespaces = listedNamespaces.map(ns => ns.info);
  const [servicesByCluster, listed] = await Promise.all([
    mapLimited(clusters, concurrency, cluster =>
      readServices(clients.ecs, cluster, concurrency, notes),
    ),
    listCloudMapServices(clients.cloudMap, listedNamespaces, concurrency, notes),
  ]);
  const cloudMapServices = listed.map(l => l.info);
  const services = servicesByCluster.flat();
  normaliseNamespaces(services, namespaces);
  const managed = managedDiscoveryArns(services);
  // In a namespace shared through RAM, each account reads the instances of
  // the Cloud Map services it created: another account's are that
  // account's (its ECS tasks, read there), and reading them twice costs calls.
  const registeredByEcs = new Set([
    ...managed,
    ...services.flatMap(service => service.serviceRegistries.map(r => r.registryArn)),
    ...listed
      .filter(l => l.createdByAccount && l.createdByAccount !== scope.accountId)
      .map(l => l.info.arn),
  ]);
  // Only Service Connect publishes the traffic metrics read here.
  const usesServiceConnect = services.some(service => service.serviceConnect?.enabled);

  const [taskDefinitions, observedCalls] = await Promise.all([
    options.taskDefinitions.getMany(
      clients.ecs,
      services.map(service => service.taskDefinitionArn),
      concurrency,
    ),
    usesServiceConnect && wanted('metrics')
      ? notes.optional('metrics', [], () => readObservedCalls(clients.cloudWatch, services, notes))
      : [],
    wanted('load-balancers')
      ? notes.optional('load-balancers', undefined, () =>
          resolveLoadBalancerNames(clients.loadBalancing, services, concurrency),
        )
      : undefined,
    readExternalInstances(
      clients.cloudMap,
      listed,
      registeredByEcs,
      options.instanceLists,
      concurrency,
      notes,
      wanted('cloud-map-health'),
      wanted('cloud-map-revision'),
    ),
    namespaces.length && wanted('ram-shares')
      ? notes.optional('ram-shares', undefined, () =>
          readNamespaceShares(clients.ram, scope.accountId, namespaces, concurrency, notes),
        )
      : undefined,
  ]);

  for (const service of cloudMapServices) {
    service.managedByEcs = managed.has(service.arn);
  }

  const { skipped, anomalies } = notes;
  return {
    accountId: scope.accountId,
    region: scope.region,
    readAt: new Date().toISOString(),
    clusters,
    services,
    taskDefinitions,
    namespaces,
    cloudMapServices,
    observedCalls,
    ...(skipped.length ? { skipped } : {}),
    ...(anomalies.length ? { anomalies } : {}),
  };
}
