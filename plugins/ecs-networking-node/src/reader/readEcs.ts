import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListClustersCommand,
  ListServicesCommand,
  ListTasksCommand,
  Service,
  ServiceConnectService as EcsServiceConnectService,
  Task,
} from '@aws-sdk/client-ecs';
import {
  arnResourceName,
  type ClusterInfo,
  type EcsServiceInfo,
  type EcsTaskInfo,
  type ServiceConnectInfo,
  type ServiceConnectService,
  type TaskHealth,
} from '@ecs-net/plugin-ecs-networking-common';
import { chunk, collectPages, mapLimited, tagsToRecord, uniqueBy } from './paging';
import type { ReadNotes } from './ReadNotes';

// AWS maxima: lists page at 100, DescribeServices takes 10 names,
// DescribeClusters and DescribeTasks take 100.
const PAGE = 100;
const DESCRIBE_SERVICES_BATCH = 10;

const byArn = (arn: string) => arn;
// ECS task ids are 32 hex digits; other implementations use UUIDs and more.
const TASK_ID = /\/[0-9a-f]{32}$/;

export async function readClusters(
  ecs: ECSClient,
  filter: string[] | undefined,
  concurrency: number,
  notes: ReadNotes,
): Promise<ClusterInfo[]> {
  let arns = await collectPages(
    async token => {
      const page = await ecs.send(new ListClustersCommand({ maxResults: PAGE, nextToken: token }));
      return { items: page.clusterArns, next: page.nextToken };
    },
    { what: 'ecs:ListClusters', key: byArn, pageSize: PAGE, notes },
  );
  if (filter?.length) {
    const wanted = new Set(filter);
    arns = arns.filter(arn => wanted.has(arn) || wanted.has(arnResourceName(arn)));
  }
  return describeClusters(ecs, arns, concurrency, notes);
}

/** The clusters named, with their tags and Service Connect defaults. */
export async function describeClusters(
  ecs: ECSClient,
  arns: string[],
  concurrency: number,
  notes: ReadNotes,
): Promise<ClusterInfo[]> {
  const batches = await mapLimited(chunk(arns, PAGE), concurrency, async batch => {
    const out = await ecs.send(
      new DescribeClustersCommand({ clusters: batch, include: ['TAGS'] }),
    );
    return out.clusters ?? [];
  });
  const clusters = uniqueBy(batches.flat(), c => c.clusterArn!, 'ecs:DescribeClusters', notes);
  return clusters.map(cluster => ({
    arn: cluster.clusterArn!,
    name: cluster.clusterName!,
    serviceConnectDefaultNamespace: cluster.serviceConnectDefaults?.namespace,
    tags: tagsToRecord(cluster.tags),
  }));
}

/** The deployment whose configuration the service is converging on. */
function primaryDeployment(service: Service) {
  return service.deployments?.find(d => d.status === 'PRIMARY') ?? service.deployments?.[0];
}

function serviceConnectOf(
  service: Service,
  cluster: ClusterInfo,
): ServiceConnectInfo | undefined {
  const primary = primaryDeployment(service);
  const config = primary?.serviceConnectConfiguration;
  if (!config) return undefined;
  const resources = new Map(
    (primary?.serviceConnectResources ?? []).map(r => [r.discoveryName, r.discoveryArn]),
  );
  const namespace = config.namespace ?? cluster.serviceConnectDefaultNamespace;
  const info: ServiceConnectInfo = {
    enabled: config.enabled ?? false,
    namespace,
    namespaceFromCluster: !config.namespace && !!namespace,
    since: primary?.createdAt?.toISOString(),
    services: (config.services ?? []).map(entry =>
      serviceConnectEntry(entry, resources.get(entry.discoveryName ?? entry.portName)),
    ),
  };
  if (namespace && !namespace.startsWith('arn:')) info.namespaceReference = namespace;
  if (config.accessLogConfiguration?.format) {
    info.accessLog = {
      format: config.accessLogConfiguration.format,
      includeQueryParameters: config.accessLogConfiguration.includeQueryParameters,
    };
  }
  // The driver says where logs go; its options are the user's and stay out.
  if (config.logConfiguration) info.logDriver = config.logConfiguration.logDriver;
  return info;
}

function serviceConnectEntry(
  entry: EcsServiceConnectService,
  discoveryArn: string | undefined,
): ServiceConnectService {
  const out: ServiceConnectService = {
    portName: entry.portName!,
    discoveryName: entry.discoveryName,
    discoveryArn,
    clientAliases: (entry.clientAliases ?? []).map(alias => ({
      dnsName: alias.dnsName,
      port: alias.port!,
    })),
  };
  if (entry.tls) {
    out.tls = {
      certificateAuthorityArn: entry.tls.issuerCertificateAuthority?.awsPcaAuthorityArn,
      kmsKey: entry.tls.kmsKey,
      roleArn: entry.tls.roleArn,
    };
  }
  if (entry.timeout) {
    out.timeout = {
      idleTimeoutSeconds: entry.timeout.idleTimeoutSeconds,
      perRequestTimeoutSeconds: entry.timeout.perRequestTimeoutSeconds,
    };
  }
  return out;
}

function taskIp(task: Task): string | undefined {
  for (const attachment of task.attachments ?? []) {
    const ip = attachment.details?.find(d => d.name === 'privateIPv4Address')?.value;
    if (ip) return ip;
  }
  for (const container of task.containers ?? []) {
    const ip = container.networkInterfaces?.[0]?.privateIpv4Address;
    if (ip) return ip;
  }
  return undefined;
}

const TASK_HEALTH = new Set<string>(['HEALTHY', 'UNHEALTHY']);

function taskInfo(task: Task): EcsTaskInfo {
  return {
    ip: taskIp(task),
    health: TASK_HEALTH.has(task.healthStatus ?? '') ? (task.healthStatus as TaskHealth) : 'UNKNOWN',
    availabilityZone: task.availabilityZone || undefined,
    startedAt: task.startedAt?.toISOString(),
    taskDefinitionArn: task.taskDefinitionArn,
  };
}

/**
 * Running tasks by task group (`service:<name>`): of the whole cluster, or of
 * one service when `serviceName` is given.
 */
async function readTasks(
  ecs: ECSClient,
  cluster: ClusterInfo,
  concurrency: number,
  notes: ReadNotes,
  serviceName?: string,
): Promise<Map<string, EcsTaskInfo[]>> {
  // One ListTasks per cluster (not per service) keeps the call count
  // proportional to tasks / 100 rather than to the number of services.
  const taskArns = await collectPages(
    async token => {
      const page = await ecs.send(
        new ListTasksCommand({
          cluster: cluster.arn,
          serviceName,
          desiredStatus: 'RUNNING',
          maxResults: PAGE,
          nextToken: token,
        }),
      );
      return { items: page.taskArns, next: page.nextToken };
    },
    { what: 'ecs:ListTasks', key: byArn, pageSize: PAGE, notes },
  );
  const oddIds = taskArns.filter(arn => !TASK_ID.test(arn));
  if (oddIds.length) {
    notes.anomaly(
      "ecs:ListTasks named {n} task(s) with ids that are not ECS's 32 hex digits; they were read as they are",
      oddIds.length,
    );
  }
  // Each page is reduced to what is kept as it arrives: whole Task objects
  // of every cluster at once are what made a large sync's heap peak.
  const byGroup = new Map<string, EcsTaskInfo[]>();
  const described = new Set<string>();
  let duplicates = 0;
  let notRunning = 0;
  await mapLimited(chunk(taskArns, PAGE), concurrency, async batch => {
    const out = await ecs.send(new DescribeTasksCommand({ cluster: cluster.arn, tasks: batch }));
    for (const task of out.tasks ?? []) {
      if (task.taskArn && described.has(task.taskArn)) {
        duplicates++;
        continue;
      }
      if (task.taskArn) described.add(task.taskArn);
      // The listing asked for tasks meant to run; one that is not is an
      // endpoint ignoring that filter, and a stopped task's address is stale.
      if (task.desiredStatus && task.desiredStatus !== 'RUNNING') {
        notRunning++;
        continue;
      }
      if (!task.group) continue;
      const list = byGroup.get(task.group) ?? [];
      list.push(taskInfo(task));
      byGroup.set(task.group, list);
    }
  });
  if (duplicates) {
    notes.anomaly('ecs:DescribeTasks answered {n} task(s) more than once; each was kept once', duplicates);
  }
  if (notRunning) {
    notes.anomaly(
      'ecs:ListTasks listed {n} task(s) not meant to run, though it was asked for running ones; they were left out',
      notRunning,
    );
  }
  return byGroup;
}

export async function readServices(
  ecs: ECSClient,
  cluster: ClusterInfo,
  concurrency: number,
  notes: ReadNotes,
): Promise<EcsServiceInfo[]> {
  const arns = await collectPages(
    async token => {
      const page = await ecs.send(
        new ListServicesCommand({ cluster: cluster.arn, maxResults: PAGE, nextToken: token }),
      );
      return { items: page.serviceArns, next: page.nextToken };
    },
    { what: 'ecs:ListServices', key: byArn, pageSize: PAGE, notes },
  );
  const [services, tasksByGroup] = await Promise.all([
    describeServices(ecs, cluster, arns, concurrency, notes),
    arns.length ? readTasks(ecs, cluster, concurrency, notes) : new Map<string, EcsTaskInfo[]>(),
  ]);
  return services.map(service => withTasks(service, tasksByGroup));
}

/**
 * The named services of one cluster, each with its running tasks, as a full
 * read would give them; a service no longer ACTIVE (deleted, draining, or
 * unknown to ECS) is left out. Costs one DescribeServices per 10 services
 * and one ListTasks and DescribeTasks per service: for the few services an
 * event names, not for a cluster.
 */
export async function readNamedServices(
  ecs: ECSClient,
  cluster: ClusterInfo,
  arns: string[],
  concurrency: number,
  notes: ReadNotes,
): Promise<EcsServiceInfo[]> {
  const described = await describeServices(ecs, cluster, arns, concurrency, notes);
  const active = described.filter(service => service.status === 'ACTIVE');
  return mapLimited(active, concurrency, async service =>
    withTasks(service, await readTasks(ecs, cluster, concurrency, notes, service.name)),
  );
}

async function describeServices(
  ecs: ECSClient,
  cluster: ClusterInfo,
  arns: string[],
  concurrency: number,
  notes: ReadNotes,
): Promise<EcsServiceInfo[]> {
  const described = await mapLimited(
    chunk(arns, DESCRIBE_SERVICES_BATCH),
    concurrency,
    async batch => {
      const out = await ecs.send(
        new DescribeServicesCommand({ cluster: cluster.arn, services: batch, include: ['TAGS'] }),
      );
      // Deployments and events are dropped per batch, not held for the cluster.
      return (out.services ?? []).map(service => serviceInfo(service, cluster));
    },
  );
  return uniqueBy(described.flat(), s => s.arn, 'ecs:DescribeServices', notes);
}

function withTasks(
  service: EcsServiceInfo,
  tasksByGroup: Map<string, EcsTaskInfo[]>,
): EcsServiceInfo {
  service.tasks = (tasksByGroup.get(`service:${service.name}`) ?? []).sort((a, b) =>
    (a.ip ?? '').localeCompare(b.ip ?? ''),
  );
  return service;
}

function serviceInfo(service: Service, cluster: ClusterInfo): EcsServiceInfo {
  return {
    arn: service.serviceArn!,
    name: service.serviceName!,
    clusterArn: cluster.arn,
    clusterName: cluster.name,
    status: service.status ?? 'UNKNOWN',
    taskDefinitionArn: service.taskDefinition!,
    desiredCount: service.desiredCount ?? 0,
    runningCount: service.runningCount ?? 0,
    launchType: service.launchType,
    createdAt: service.createdAt?.toISOString(),
    tags: tagsToRecord(service.tags),
    serviceConnect: serviceConnectOf(service, cluster),
    serviceRegistries: (service.serviceRegistries ?? []).map(r => ({
      registryArn: r.registryArn!,
      containerName: r.containerName,
      containerPort: r.containerPort,
      port: r.port,
    })),
    loadBalancers: (service.loadBalancers ?? []).map(lb => ({
      targetGroupArn: lb.targetGroupArn,
      loadBalancerName: lb.loadBalancerName,
      containerName: lb.containerName,
      containerPort: lb.containerPort,
    })),
    // DescribeServices has Lattice only on deployments, as Service Connect.
    vpcLattice: (primaryDeployment(service)?.vpcLatticeConfigurations ?? []).map(lattice => ({
      portName: lattice.portName!,
      targetGroupArn: lattice.targetGroupArn!,
      roleArn: lattice.roleArn,
    })),
    tasks: [],
  };
}
