import { uuidId } from '../util/ids';
import { EcsArns } from './ecsArns';
import {
  Cluster,
  ContainerDefinition,
  ContainerInstance,
  EcsService,
  Task,
  TaskDefinition,
} from './types';

// Shapes records the way DescribeClusters, DescribeServices and DescribeTasks
// answer; optional parts appear only when `include` asks for them, as in AWS.

export function clusterToWire(cluster: Cluster, include: string[]) {
  const activeServices = [...cluster.services.values()].filter(
    s => s.status === 'ACTIVE',
  );
  return {
    clusterArn: cluster.clusterArn,
    clusterName: cluster.clusterName,
    status: cluster.status,
    registeredContainerInstancesCount: cluster.containerInstances.length,
    runningTasksCount: cluster.tasks.size,
    pendingTasksCount: 0,
    activeServicesCount: activeServices.length,
    statistics: include.includes('STATISTICS')
      ? [
          {
            name: 'runningEC2TasksCount',
            value: String(countTasks(cluster, 'EC2')),
          },
          {
            name: 'runningFargateTasksCount',
            value: String(countTasks(cluster, 'FARGATE')),
          },
        ]
      : [],
    tags: include.includes('TAGS') ? cluster.tags : undefined,
    settings: include.includes('SETTINGS') ? cluster.settings : undefined,
    configuration: include.includes('CONFIGURATIONS')
      ? cluster.configuration
      : undefined,
    capacityProviders: cluster.capacityProviders,
    defaultCapacityProviderStrategy: cluster.defaultCapacityProviderStrategy,
    serviceConnectDefaults: cluster.serviceConnectNamespaceArn
      ? { namespace: cluster.serviceConnectNamespaceArn }
      : undefined,
  };
}

function countTasks(cluster: Cluster, launchType: string): number {
  let count = 0;
  for (const task of cluster.tasks.values()) {
    if (task.launchType === launchType) count++;
  }
  return count;
}

export function serviceToWire(
  service: EcsService,
  clusterArn: string,
  include: string[],
) {
  const { role, ...passthrough } = service.passthrough;
  const running = service.tasks.size;
  return {
    serviceArn: service.serviceArn,
    serviceName: service.serviceName,
    clusterArn,
    loadBalancers: service.loadBalancers,
    serviceRegistries: service.serviceRegistries,
    status: service.status,
    desiredCount: service.desiredCount,
    runningCount: running,
    pendingCount: 0,
    launchType: service.launchType,
    capacityProviderStrategy: service.capacityProviderStrategy,
    platformVersion: service.platformVersion,
    platformFamily: service.launchType === 'FARGATE' ? 'Linux' : undefined,
    taskDefinition: service.taskDefinition,
    deploymentConfiguration: {
      deploymentCircuitBreaker: { enable: false, rollback: false },
      maximumPercent: 200,
      minimumHealthyPercent: 100,
    },
    deployments: service.deployments.map(d => ({
      ...d,
      pendingCount: 0,
      runningCount: d.status === 'PRIMARY' ? running : 0,
      failedTasks: 0,
    })),
    roleArn: role,
    events: service.events,
    createdAt: service.createdAt,
    placementConstraints: [],
    placementStrategy: [],
    networkConfiguration: service.networkConfiguration,
    schedulingStrategy: 'REPLICA',
    deploymentController: { type: 'ECS' },
    enableECSManagedTags: false,
    propagateTags: 'NONE',
    enableExecuteCommand: false,
    ...passthrough,
    tags: include.includes('TAGS') ? service.tags : undefined,
  };
}

/**
 * The endpoint runs no containers, so a health check is taken to pass unless
 * its shell command is just `exit 1`. As in ECS, a
 * container without a health check is UNKNOWN, and the task is UNHEALTHY if
 * an essential container is, HEALTHY if all essential checked ones are.
 */
function containerHealth(container: ContainerDefinition): 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN' {
  const check = container.healthCheck as { command?: string[] } | undefined;
  if (!check?.command?.length) return 'UNKNOWN';
  return check.command.some(part => part.trim() === 'exit 1') ? 'UNHEALTHY' : 'HEALTHY';
}

function taskHealth(td: TaskDefinition | undefined): 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN' {
  const essential = (td?.containerDefinitions ?? []).filter(c => c.essential !== false);
  const states = essential.map(containerHealth).filter(h => h !== 'UNKNOWN');
  if (states.includes('UNHEALTHY')) return 'UNHEALTHY';
  return states.length ? 'HEALTHY' : 'UNKNOWN';
}

export function taskToWire(
  task: Task,
  td: TaskDefinition | undefined,
  arns: EcsArns,
  include: string[],
) {
  const clusterArn = arns.cluster(task.clusterName);
  const attachmentId = uuidId(task.taskArn, 'eni-attachment');
  const eni = task.eni;
  const stopped = task.lastStatus === 'STOPPED';
  return {
    attachments: eni
      ? [
          {
            id: attachmentId,
            type: 'ElasticNetworkInterface',
            status: stopped ? 'DELETED' : 'ATTACHED',
            details: [
              { name: 'subnetId', value: eni.subnetId },
              { name: 'networkInterfaceId', value: eni.eniId },
              { name: 'macAddress', value: eni.macAddress },
              {
                name: 'privateDnsName',
                value: `ip-${eni.address.replace(/\./g, '-')}.${
                  arns.region
                }.compute.internal`,
              },
              { name: 'privateIPv4Address', value: eni.address },
            ],
          },
        ]
      : [],
    attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
    availabilityZone: task.availabilityZone,
    clusterArn,
    connectivity: 'CONNECTED',
    connectivityAt: task.createdAt,
    containerInstanceArn: task.containerInstance?.arn,
    containers: (td?.containerDefinitions ?? []).map(container => ({
      containerArn: arns.container(
        task.clusterName,
        task.taskId,
        uuidId(task.taskArn, container.name),
      ),
      taskArn: task.taskArn,
      name: container.name,
      image: container.image,
      lastStatus: task.lastStatus,
      networkBindings: eni
        ? []
        : (container.portMappings ?? [])
            .filter(pm => pm.containerPort !== undefined)
            .map(pm => ({
              bindIP: '0.0.0.0',
              containerPort: pm.containerPort,
              hostPort: task.hostPorts.get(
                `${container.name}:${pm.containerPort}`,
              ),
              protocol: pm.protocol ?? 'tcp',
            })),
      networkInterfaces: eni
        ? [{ attachmentId, privateIpv4Address: eni.address }]
        : [],
      healthStatus: containerHealth(container),
      cpu: String(container.cpu ?? 0),
      memory:
        container.memory === undefined ? undefined : String(container.memory),
    })),
    cpu: td?.cpu,
    memory: td?.memory,
    createdAt: task.createdAt,
    desiredStatus: task.lastStatus,
    enableExecuteCommand: false,
    group: task.group,
    healthStatus: taskHealth(td),
    lastStatus: task.lastStatus,
    launchType: task.launchType,
    overrides: {
      containerOverrides: (td?.containerDefinitions ?? []).map(c => ({
        name: c.name,
      })),
      inferenceAcceleratorOverrides: [],
    },
    platformVersion: task.launchType === 'FARGATE' ? '1.4.0' : undefined,
    platformFamily: task.launchType === 'FARGATE' ? 'Linux' : undefined,
    pullStartedAt: task.createdAt,
    pullStoppedAt: task.startedAt,
    startedAt: task.startedAt,
    startedBy: task.startedBy,
    stopCode: stopped ? 'ServiceSchedulerInitiated' : undefined,
    stoppedAt: task.stoppedAt,
    stoppedReason: task.stoppedReason,
    tags: include.includes('TAGS') ? task.tags : undefined,
    taskArn: task.taskArn,
    taskDefinitionArn: task.taskDefinitionArn,
    version: stopped ? 2 : 1,
  };
}

export function containerInstanceToWire(
  instance: ContainerInstance,
  include: string[],
) {
  return {
    containerInstanceArn: instance.arn,
    ec2InstanceId: instance.ec2InstanceId,
    version: 1,
    status: 'ACTIVE',
    agentConnected: true,
    runningTasksCount: instance.runningTasks,
    pendingTasksCount: 0,
    registeredAt: instance.registeredAt,
    attributes: [
      { name: 'ecs.availability-zone', value: instance.lease.availabilityZone },
      { name: 'ecs.subnet-id', value: instance.lease.subnetId },
      { name: 'ecs.os-type', value: 'linux' },
    ],
    tags: include.includes('TAGS') ? [] : undefined,
  };
}
