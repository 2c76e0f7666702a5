import { arnResourceName } from '@ecs-net/plugin-ecs-networking-common';
import type {
  CloudMapServiceInfo,
  ClusterInfo,
  EcsServiceInfo,
  ScopeSnapshot,
  TaskDefinitionInfo,
} from '@ecs-net/plugin-ecs-networking-common';
import type { ScopeClients } from '../aws/scopeClients';
import { mapLimited } from './paging';
import { Enrichment, ReadNotes } from './ReadNotes';
import { InstanceListCache } from './InstanceListCache';
import { readCloudMapServicesById, readExternalInstances } from './readCloudMap';
import { describeClusters, readNamedServices } from './readEcs';
import { resolveLoadBalancerNames } from './readLoadBalancers';
import type { ScopeConfig } from './ScopeConfig';
import { managedDiscoveryArns, normaliseNamespaces } from './serviceLinks';
import { TaskDefinitionCache } from './TaskDefinitionCache';

/**
 * A re-read of some services of one account × region, to lay over its
 * stored snapshot with `applyServiceRefresh`.
 *
 * @public
 */
export interface ServiceRefresh {
  /** ISO time the read began: what it found was true at least from then on. */
  startedAt: string;
  /** The services asked for that are ACTIVE, as a full read gives them. */
  services: EcsServiceInfo[];
  /** The services asked for that are not (deleted, or unknown to ECS). */
  gone: string[];
  /** Task definitions of `services` the snapshot read against did not hold. */
  taskDefinitions: TaskDefinitionInfo[];
  /** The Cloud Map services asked for that exist in a namespace read here, as a full read gives them. */
  cloudMapServices?: CloudMapServiceInfo[];
  /** ARNs of the Cloud Map services asked for that no longer exist (or left the namespaces read). */
  cloudMapGone?: string[];
}

const SERVICE_ARN = /^(arn:aws[\w-]*:ecs:[^:]+:\d{12}):service\/([^/]+)\/[^/]+$/;

/** The cluster a long-format service ARN names (short ARNs name none). */
function clusterArnOf(serviceArn: string): string | undefined {
  const match = SERVICE_ARN.exec(serviceArn);
  return match ? `${match[1]}:cluster/${match[2]}` : undefined;
}

/**
 * Re-reads the named services of one scope: one DescribeServices per
 * cluster and 10 services, their running tasks, and only the task
 * definitions `base` does not hold. Services of clusters the scope's filter
 * leaves out are not read. Cloud Map services named by id are read with
 * GetService, and the instances of those ECS does not register with
 * ListInstances, as a full read reads them.
 */
export async function refreshServices(options: {
  scope: ScopeConfig;
  clients: ScopeClients;
  taskDefinitions: TaskDefinitionCache;
  concurrency: number;
  base: ScopeSnapshot;
  serviceArns: string[];
  cloudMapServiceIds?: string[];
  skip?: readonly Enrichment[];
}): Promise<ServiceRefresh & { notes: ReadNotes }> {
  const { scope, clients, concurrency, base } = options;
  const startedAt = new Date().toISOString();
  const notes = new ReadNotes();
  const wanted = new Set(scope.clusters ?? []);
  const inScope = (clusterArn: string) =>
    wanted.size === 0 || wanted.has(clusterArn) || wanted.has(arnResourceName(clusterArn));
  const byCluster = new Map<string, string[]>();
  for (const arn of new Set(options.serviceArns)) {
    const clusterArn =
      clusterArnOf(arn) ?? base.services.find(service => service.arn === arn)?.clusterArn;
    if (!clusterArn || !inScope(clusterArn)) continue;
    byCluster.set(clusterArn, [...(byCluster.get(clusterArn) ?? []), arn]);
  }
  const known = new Map(base.clusters.map(cluster => [cluster.arn, cluster]));
  const unknown = [...byCluster.keys()].filter(arn => !known.has(arn));
  const described = unknown.length
    ? await describeClusters(clients.ecs, unknown, concurrency, notes)
    : [];
  const clusters: ClusterInfo[] = [...byCluster.keys()].flatMap(
    arn => known.get(arn) ?? described.find(cluster => cluster.arn === arn) ?? [],
  );
  const perCluster = await mapLimited(clusters, concurrency, cluster =>
    readNamedServices(clients.ecs, cluster, byCluster.get(cluster.arn)!, concurrency, notes),
  );
  const services = perCluster.flat();
  normaliseNamespaces(services, base.namespaces);
  const held = new Set(base.taskDefinitions.map(td => td.arn));
  const [taskDefinitions] = await Promise.all([
    options.taskDefinitions.getMany(
      clients.ecs,
      services.map(service => service.taskDefinitionArn).filter(arn => !held.has(arn)),
      concurrency,
    ),
    options.skip?.includes('load-balancers')
      ? undefined
      : notes.optional('load-balancers', undefined, () =>
          resolveLoadBalancerNames(clients.loadBalancing, services, concurrency),
        ),
  ]);
  const found = new Set(services.map(service => service.arn));
  const read = clusters.flatMap(cluster => byCluster.get(cluster.arn)!);
  const cloudMap = await refreshCloudMap({ ...options, services, notes });
  return {
    startedAt,
    services,
    gone: read.filter(arn => !found.has(arn)),
    taskDefinitions,
    ...cloudMap,
    notes,
  };
}

/** The Cloud Map part of a re-read: the services asked for, with the instances only Cloud Map knows. */
async function refreshCloudMap(options: {
  scope: ScopeConfig;
  clients: ScopeClients;
  concurrency: number;
  base: ScopeSnapshot;
  services: EcsServiceInfo[];
  cloudMapServiceIds?: string[];
  skip?: readonly Enrichment[];
  notes: ReadNotes;
}): Promise<Pick<ServiceRefresh, 'cloudMapServices' | 'cloudMapGone'>> {
  const { scope, clients, concurrency, base, notes } = options;
  const ids = [...new Set(options.cloudMapServiceIds ?? [])];
  if (ids.length === 0) return {};
  // The data-plane name matters only for DiscoverInstancesRevision, which a
  // re-read does not ask: the event says the list changed.
  const namespaces = new Map(base.namespaces.map(info => [info.id, { info, httpName: info.name }]));
  const { listed, goneIds } = await readCloudMapServicesById(clients.cloudMap, ids, namespaces, concurrency);
  // The ECS services as they are after this re-read decide which Cloud Map
  // services are theirs (instances are tasks, read with DescribeTasks).
  const reRead = new Set(options.services.map(service => service.arn));
  const services = [...base.services.filter(service => !reRead.has(service.arn)), ...options.services];
  const registeredByEcs = new Set([
    ...managedDiscoveryArns(services),
    ...services.flatMap(service => service.serviceRegistries.map(r => r.registryArn)),
    ...listed
      .filter(l => l.createdByAccount && l.createdByAccount !== scope.accountId)
      .map(l => l.info.arn),
  ]);
  await readExternalInstances(
    clients.cloudMap,
    listed,
    registeredByEcs,
    // Its own cache: the scope's holds every service's list, and this read
    // sees only a few of them.
    new InstanceListCache(),
    concurrency,
    notes,
    !options.skip?.includes('cloud-map-health'),
    false,
  );
  const gone = new Set(goneIds);
  return {
    cloudMapServices: listed.map(l => l.info),
    cloudMapGone: base.cloudMapServices.filter(service => gone.has(service.id)).map(service => service.arn),
  };
}
