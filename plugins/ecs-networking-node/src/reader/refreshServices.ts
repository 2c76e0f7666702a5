import { arnResourceName } from '@ecs-net/plugin-ecs-networking-common';
import type {
  ClusterInfo,
  EcsServiceInfo,
  ScopeSnapshot,
  TaskDefinitionInfo,
} from '@ecs-net/plugin-ecs-networking-common';
import type { ScopeClients } from '../aws/scopeClients';
import { mapLimited } from './paging';
import { Enrichment, ReadNotes } from './ReadNotes';
import { describeClusters, readNamedServices } from './readEcs';
import { resolveLoadBalancerNames } from './readLoadBalancers';
import type { ScopeConfig } from './ScopeConfig';
import { normaliseNamespaces } from './serviceLinks';
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
 * leaves out are not read.
 */
export async function refreshServices(options: {
  scope: ScopeConfig;
  clients: ScopeClients;
  taskDefinitions: TaskDefinitionCache;
  concurrency: number;
  base: ScopeSnapshot;
  serviceArns: string[];
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
  return {
    startedAt,
    services,
    gone: read.filter(arn => !found.has(arn)),
    taskDefinitions,
    notes,
  };
}
