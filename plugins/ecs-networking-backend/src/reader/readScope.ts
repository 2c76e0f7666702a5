import type { ScopeSnapshot } from '@ecs-net/plugin-ecs-networking-common';
import type { ScopeClients } from '../aws/scopeClients';
import type { ScopeConfig } from './ScopeReader';
import { readClusters, readServices } from './readEcs';
import { listCloudMapServices, readExternalInstances, readNamespaces } from './readCloudMap';
import { resolveLoadBalancerNames } from './readLoadBalancers';
import { readObservedCalls } from './readObservedCalls';
import { mapLimited } from './paging';
import { TaskDefinitionCache } from './TaskDefinitionCache';

/**
 * Reads one account × region. The result's container references are
 * unfiltered candidates: the sync must pass the snapshot through
 * `retainReferences` before storing or serving it.
 */
export async function readScope(options: {
  scope: ScopeConfig;
  clients: ScopeClients;
  taskDefinitions: TaskDefinitionCache;
  concurrency: number;
}): Promise<ScopeSnapshot> {
  const { scope, clients, concurrency } = options;
  const [clusters, namespaces] = await Promise.all([
    readClusters(clients.ecs, scope.clusters, concurrency),
    readNamespaces(clients.cloudMap, scope.namespaces, concurrency),
  ]);
  const [servicesByCluster, listed] = await Promise.all([
    mapLimited(clusters, concurrency, cluster =>
      readServices(clients.ecs, cluster, concurrency),
    ),
    listCloudMapServices(clients.cloudMap, namespaces, concurrency),
  ]);
  const cloudMapServices = listed.map(l => l.info);
  const services = servicesByCluster.flat();
  // Services may name their Service Connect namespace by name; clusters
  // always give an ARN. Normalise to ARNs so the model joins on one key.
  const namespaceArnByName = new Map(namespaces.map(ns => [ns.name, ns.arn]));
  for (const service of services) {
    const sc = service.serviceConnect;
    if (sc?.namespace && !sc.namespace.startsWith('arn:')) {
      sc.namespace = namespaceArnByName.get(sc.namespace) ?? sc.namespace;
    }
  }
  const managed = new Set(
    services.flatMap(service =>
      (service.serviceConnect?.services ?? []).flatMap(entry => entry.discoveryArn ?? []),
    ),
  );
  const registeredByEcs = new Set([
    ...managed,
    ...services.flatMap(service => service.serviceRegistries.map(r => r.registryArn)),
  ]);

  const skipped: string[] = [];
  const [taskDefinitions, observedCalls] = await Promise.all([
    options.taskDefinitions.getMany(
      clients.ecs,
      services.map(service => service.taskDefinitionArn),
      concurrency,
    ),
    optional('cloudwatch:ListMetrics', skipped, [], () =>
      readObservedCalls(clients.cloudWatch, services),
    ),
    optional('elasticloadbalancing:Describe*', skipped, undefined, () =>
      resolveLoadBalancerNames(clients.loadBalancing, services, concurrency),
    ),
    readExternalInstances(clients.cloudMap, listed, registeredByEcs, concurrency),
  ]);

  for (const service of cloudMapServices) {
    service.managedByEcs = managed.has(service.arn);
  }

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
  };
}

const DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
]);

/**
 * Metrics and load balancer names add detail to a read. Without permission
 * for them the read still succeeds, and says what it skipped; any other
 * failure fails the read as usual so the last good snapshot is kept.
 */
async function optional<T>(
  what: string,
  skipped: string[],
  fallback: T,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const name = (error as Error)?.name;
    if (!DENIED.has(name)) throw error;
    skipped.push(`${what} (${name})`);
    return fallback;
  }
}
