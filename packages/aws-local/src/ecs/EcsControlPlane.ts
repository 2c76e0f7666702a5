import { now } from '../util/clock';
import { CloudMapRegistry } from '../cloudmap/CloudMapRegistry';
import { SubnetPool } from '../network/SubnetPool';
import { SharedNamespaces } from '../world/SharedNamespaces';
import { digitsId, uuidId } from '../util/ids';
import { EcsTag, mergeTags, removeTags } from '../util/tags';
import { EcsArns, clusterFromArn, nameFromRef } from './ecsArns';
import type { EcsChangeSink } from './EcsChangeSink';
import { ecsErrors } from './ecsErrors';
import { checkTagCount, checkTags } from './ecsTags';
import { ServiceWiring, Wiring } from './ServiceWiring';
import { TaskDefinitionRegistry } from './TaskDefinitionRegistry';
import { TaskLauncher } from './TaskLauncher';
import { checkVpcLattice } from './vpcLattice';
import {
  Cluster,
  Deployment,
  EcsService,
  KeyValuePair,
  NetworkConfiguration,
  ServiceConnectConfiguration,
  ServiceRegistry,
  Task,
  TaskDefinition,
  VpcLatticeConfiguration,
} from './types';

export interface CreateClusterInput {
  clusterName?: string;
  tags?: EcsTag[];
  settings?: KeyValuePair[];
  configuration?: unknown;
  capacityProviders?: string[];
  defaultCapacityProviderStrategy?: unknown[];
  serviceConnectDefaults?: { namespace?: string };
}

export interface CreateServiceInput {
  serviceName: string;
  cluster?: string;
  taskDefinition: string;
  desiredCount?: number;
  launchType?: string;
  platformVersion?: string;
  capacityProviderStrategy?: unknown[];
  networkConfiguration?: NetworkConfiguration;
  loadBalancers?: unknown[];
  serviceRegistries?: ServiceRegistry[];
  serviceConnectConfiguration?: ServiceConnectConfiguration;
  vpcLatticeConfigurations?: VpcLatticeConfiguration[];
  tags?: EcsTag[];
  [member: string]: unknown;
}

export interface UpdateServiceInput {
  service: string;
  cluster?: string;
  desiredCount?: number;
  taskDefinition?: string;
  networkConfiguration?: NetworkConfiguration;
  serviceConnectConfiguration?: ServiceConnectConfiguration;
  serviceRegistries?: ServiceRegistry[];
  loadBalancers?: unknown[];
  vpcLatticeConfigurations?: VpcLatticeConfiguration[];
  forceNewDeployment?: boolean;
  [member: string]: unknown;
}

export interface TaskFilter {
  serviceName?: string;
  family?: string;
  startedBy?: string;
  containerInstance?: string;
  launchType?: string;
  desiredStatus?: string;
}

/** CreateService members ECS stores and echoes back without acting on them. */
const PASSTHROUGH_MEMBERS = [
  'deploymentConfiguration',
  'placementConstraints',
  'placementStrategy',
  'healthCheckGracePeriodSeconds',
  'schedulingStrategy',
  'deploymentController',
  'enableECSManagedTags',
  'propagateTags',
  'enableExecuteCommand',
  'role',
  'availabilityZoneRebalancing',
];

const NAME_PATTERN = /^[a-zA-Z0-9_-]{1,255}$/;
const MAX_SUBNETS = 16;
const EVENTS_KEPT = 100;

/** The ECS control plane of one account × region. */
export class EcsControlPlane {
  readonly arns: EcsArns;
  readonly taskDefinitions: TaskDefinitionRegistry;
  private readonly clusters = new Map<string, Cluster>();
  private readonly wiringOf = new Map<string, Wiring>();
  /** Cloud Map namespace ARN → ARNs of services using it for Service Connect. */
  private readonly servicesByNamespace = new Map<string, Set<string>>();
  private readonly serviceByArn = new Map<string, EcsService>();
  private readonly wiring: ServiceWiring;
  private readonly launcher: TaskLauncher;
  private sequence = 0;
  /** Hears task, deployment and service changes (EventBridge's source); optional. */
  sink?: EcsChangeSink;

  constructor(
    readonly accountId: string,
    readonly region: string,
    private readonly cloudMap: CloudMapRegistry,
    private readonly network: SubnetPool,
    shared: SharedNamespaces,
  ) {
    this.arns = new EcsArns(accountId, region);
    this.taskDefinitions = new TaskDefinitionRegistry(this.arns);
    this.wiring = new ServiceWiring(cloudMap, shared, accountId);
    this.launcher = new TaskLauncher(
      accountId,
      region,
      this.arns,
      network,
      this.wiring,
    );
  }

  createCluster(input: CreateClusterInput): Cluster {
    const name = input.clusterName ?? 'default';
    if (!NAME_PATTERN.test(name)) {
      throw ecsErrors.invalidParameter(
        'Cluster name must be 1-255 letters, numbers, hyphens and underscores.',
      );
    }
    checkTags(input.tags ?? []);
    const existing = this.clusters.get(name);
    if (existing?.status === 'ACTIVE') {
      return existing;
    }
    const cluster: Cluster = {
      clusterArn: this.arns.cluster(name),
      clusterName: name,
      status: 'ACTIVE',
      settings: input.settings ?? [
        { name: 'containerInsights', value: 'disabled' },
      ],
      configuration: input.configuration,
      capacityProviders: input.capacityProviders ?? [],
      defaultCapacityProviderStrategy:
        input.defaultCapacityProviderStrategy ?? [],
      tags: input.tags ?? [],
      services: new Map(),
      tasks: new Map(),
      stoppedTasks: new Map(),
      containerInstances: [],
    };
    const namespaceRef = input.serviceConnectDefaults?.namespace;
    if (namespaceRef) {
      cluster.serviceConnectNamespaceArn =
        this.defaultNamespaceArn(namespaceRef);
    }
    this.clusters.set(name, cluster);
    return cluster;
  }

  /** Adds EC2 container instances for bridge and host mode tasks to run on. */
  addContainerInstances(
    clusterRef: string,
    count: number,
    subnetIds?: string[],
  ): void {
    const cluster = this.getCluster(clusterRef);
    const subnets = subnetIds?.length
      ? subnetIds
      : this.network.defaultSubnetIds();
    for (let i = 0; i < count; i++) {
      this.launcher.addContainerInstance(cluster, subnets);
    }
  }

  getCluster(ref?: string): Cluster {
    const cluster = this.findCluster(ref);
    if (!cluster) {
      throw ecsErrors.clusterNotFound();
    }
    return cluster;
  }

  findCluster(ref?: string): Cluster | undefined {
    const cluster = this.clusters.get(nameFromRef(ref ?? 'default'));
    return cluster?.status === 'ACTIVE' ? cluster : undefined;
  }

  listClusters(): Cluster[] {
    return [...this.clusters.values()].filter(c => c.status === 'ACTIVE');
  }

  registerTaskDefinition(
    input: Parameters<TaskDefinitionRegistry['register']>[0],
    registeredBy: string,
  ): TaskDefinition {
    checkTags(input.tags ?? []);
    return this.taskDefinitions.register(input, registeredBy);
  }

  createService(
    input: CreateServiceInput,
    options: { unchecked?: boolean; createdBy?: string } = {},
  ): EcsService {
    if (!input.serviceName || !NAME_PATTERN.test(input.serviceName)) {
      throw ecsErrors.invalidParameter(
        'Service name must be 1-255 letters, numbers, hyphens and underscores.',
      );
    }
    const cluster = this.getCluster(input.cluster);
    const existing = cluster.services.get(input.serviceName);
    if (existing && existing.status !== 'INACTIVE') {
      throw ecsErrors.invalidParameter(
        'Creation of service was not idempotent.',
      );
    }
    if (!input.taskDefinition) {
      throw ecsErrors.invalidParameter('TaskDefinition must be specified.');
    }
    const td = this.serviceTaskDefinition(input.taskDefinition);
    const desiredCount = input.desiredCount ?? 1;
    this.checkDesiredCount(desiredCount);
    const launchType = input.capacityProviderStrategy
      ? undefined
      : input.launchType ?? 'EC2';
    if (launchType === 'FARGATE' && td.networkMode !== 'awsvpc') {
      throw ecsErrors.invalidParameter(
        'Task definition does not support launch_type FARGATE.',
      );
    }
    const networkConfiguration = this.checkNetwork(
      td,
      input.networkConfiguration,
    );
    checkTags(input.tags ?? []);

    const serviceArn = this.arns.service(
      cluster.clusterName,
      input.serviceName,
    );
    const scPlan = input.serviceConnectConfiguration
      ? this.wiring.planServiceConnect(
          input.serviceConnectConfiguration,
          cluster,
          td,
          serviceArn,
          options,
        )
      : undefined;
    const registries = this.wiring.planRegistries(
      input.serviceRegistries ?? [],
      td,
    );
    const vpcLatticeConfigurations = checkVpcLattice(
      input.vpcLatticeConfigurations,
      td,
      options.unchecked === true,
    );

    const passthrough: Record<string, unknown> = {};
    for (const member of PASSTHROUGH_MEMBERS) {
      if (input[member] !== undefined) passthrough[member] = input[member];
    }
    if (options.createdBy) passthrough.createdBy = options.createdBy;
    const platformVersion =
      launchType === 'FARGATE'
        ? input.platformVersion ?? 'LATEST'
        : input.platformVersion;
    const service: EcsService = {
      serviceArn,
      serviceName: input.serviceName,
      clusterName: cluster.clusterName,
      status: 'ACTIVE',
      desiredCount,
      launchType,
      platformVersion,
      capacityProviderStrategy: input.capacityProviderStrategy,
      taskDefinition: td.taskDefinitionArn,
      networkConfiguration,
      loadBalancers: input.loadBalancers ?? [],
      serviceRegistries: registries,
      vpcLatticeConfigurations,
      deployments: [],
      events: [],
      createdAt: now(),
      tags: input.tags ?? [],
      passthrough,
      tasks: new Map(),
    };
    cluster.services.set(service.serviceName, service);
    this.serviceByArn.set(serviceArn, service);
    const wiring = this.wiring.wire(scPlan, registries, serviceArn);
    this.deploy(cluster, service, td, wiring);
    return service;
  }

  updateService(input: UpdateServiceInput): EcsService {
    const cluster = this.getCluster(input.cluster);
    const service = this.activeService(cluster, input.service);
    if (input.desiredCount !== undefined)
      this.checkDesiredCount(input.desiredCount);
    for (const member of PASSTHROUGH_MEMBERS) {
      if (input[member] !== undefined)
        service.passthrough[member] = input[member];
    }
    const redeploy =
      input.taskDefinition !== undefined ||
      input.networkConfiguration !== undefined ||
      input.serviceConnectConfiguration !== undefined ||
      input.serviceRegistries !== undefined ||
      input.loadBalancers !== undefined ||
      input.vpcLatticeConfigurations !== undefined ||
      input.forceNewDeployment === true;
    if (input.desiredCount !== undefined)
      service.desiredCount = input.desiredCount;
    if (!redeploy) {
      this.scale(cluster, service);
      return service;
    }
    const td = input.taskDefinition
      ? this.serviceTaskDefinition(input.taskDefinition)
      : this.taskDefinitions.resolve(service.taskDefinition);
    const networkConfiguration = this.checkNetwork(
      td,
      input.networkConfiguration ?? service.networkConfiguration,
    );
    const current = service.deployments[0]?.serviceConnectConfiguration;
    const scConfig = input.serviceConnectConfiguration ?? current;
    const scPlan = scConfig
      ? this.wiring.planServiceConnect(
          scConfig,
          cluster,
          td,
          service.serviceArn,
          {},
        )
      : undefined;
    const registries = this.wiring.planRegistries(
      input.serviceRegistries ?? service.serviceRegistries,
      td,
    );
    // A new task definition must still name the ports Lattice registers.
    const vpcLatticeConfigurations = checkVpcLattice(
      input.vpcLatticeConfigurations ?? service.vpcLatticeConfigurations,
      td,
      false,
    );
    for (const task of [...service.tasks.values()]) {
      this.stopTask(
        cluster,
        task,
        `Deployment replaced by a new deployment of ${td.family}:${td.revision}`,
      );
    }
    this.unindexNamespace(service);
    service.taskDefinition = td.taskDefinitionArn;
    service.networkConfiguration = networkConfiguration;
    service.serviceRegistries = registries;
    service.vpcLatticeConfigurations = vpcLatticeConfigurations;
    if (input.loadBalancers !== undefined)
      service.loadBalancers = input.loadBalancers;
    const wiring = this.wiring.wire(scPlan, registries, service.serviceArn);
    this.deploy(cluster, service, td, wiring);
    return service;
  }

  deleteService(
    clusterRef: string | undefined,
    serviceRef: string,
    force: boolean,
  ): EcsService {
    const cluster = this.getCluster(clusterRef);
    const service = this.activeService(cluster, serviceRef);
    if (service.desiredCount > 0 && !force) {
      throw ecsErrors.invalidParameter(
        'The service cannot be stopped while it is scaled above 0.',
      );
    }
    for (const task of [...service.tasks.values()]) {
      this.stopTask(cluster, task, 'Service deleted');
    }
    this.wiring.releaseUnused(service.serviceArn, new Set());
    this.wiringOf.delete(service.serviceArn);
    this.unindexNamespace(service);
    service.desiredCount = 0;
    service.status = 'INACTIVE';
    for (const deployment of service.deployments)
      deployment.status = 'INACTIVE';
    return service;
  }

  findService(cluster: Cluster, ref: string): EcsService | undefined {
    return cluster.services.get(nameFromRef(ref));
  }

  listServices(
    cluster: Cluster,
    launchType?: string,
    schedulingStrategy?: string,
  ): EcsService[] {
    return [...cluster.services.values()].filter(
      s =>
        s.status === 'ACTIVE' &&
        (!launchType || s.launchType === launchType) &&
        (!schedulingStrategy ||
          (s.passthrough.schedulingStrategy ?? 'REPLICA') ===
            schedulingStrategy),
    );
  }

  listServicesByNamespace(namespaceRef: string): string[] {
    const namespace = this.cloudMap.findNamespace(namespaceRef);
    if (!namespace) {
      throw ecsErrors.namespaceNotFound(namespaceRef);
    }
    return [...(this.servicesByNamespace.get(namespace.Arn) ?? [])];
  }

  listTasks(cluster: Cluster, filter: TaskFilter): Task[] {
    if (filter.serviceName && !this.findService(cluster, filter.serviceName)) {
      throw ecsErrors.serviceNotFound();
    }
    const status = filter.desiredStatus ?? 'RUNNING';
    if (status === 'PENDING') return [];
    const pool = status === 'STOPPED' ? cluster.stoppedTasks : cluster.tasks;
    const instance =
      filter.containerInstance && nameFromRef(filter.containerInstance);
    return [...pool.values()].filter(
      t =>
        (!filter.serviceName ||
          t.serviceName === nameFromRef(filter.serviceName)) &&
        (!filter.family || t.family === filter.family) &&
        (!filter.startedBy || t.startedBy === filter.startedBy) &&
        (!filter.launchType || t.launchType === filter.launchType) &&
        (!instance || t.containerInstance?.id === instance),
    );
  }

  findTask(cluster: Cluster, ref: string): Task | undefined {
    const id = nameFromRef(ref);
    return cluster.tasks.get(id) ?? cluster.stoppedTasks.get(id);
  }

  tagsOf(arn: string): EcsTag[] {
    return this.taggable(arn).get();
  }

  tagResource(arn: string, tags: EcsTag[]): void {
    checkTags(tags);
    const resource = this.taggable(arn);
    const merged = mergeTags(resource.get(), tags, t => t.key);
    checkTagCount(merged);
    resource.set(merged);
  }

  untagResource(arn: string, keys: string[]): void {
    const resource = this.taggable(arn);
    resource.set(removeTags(resource.get(), keys, t => t.key));
  }

  private deploy(
    cluster: Cluster,
    service: EcsService,
    td: TaskDefinition,
    wiring: Wiring,
  ): void {
    const at = now();
    const id = `ecs-svc/${digitsId(
      19,
      this.accountId,
      this.region,
      'deployment',
      this.sequence++,
    )}`;
    const deployment: Deployment = {
      id,
      status: 'PRIMARY',
      taskDefinition: td.taskDefinitionArn,
      desiredCount: service.desiredCount,
      createdAt: at,
      updatedAt: at,
      launchType: service.launchType,
      // Fargate reports the platform version LATEST resolved to.
      platformVersion: service.platformVersion && '1.4.0',
      networkConfiguration: service.networkConfiguration,
      serviceConnectConfiguration: wiring.serviceConnect?.config,
      serviceConnectResources: wiring.serviceConnect?.resources,
      vpcLatticeConfigurations: service.vpcLatticeConfigurations,
      rolloutState: 'COMPLETED',
      rolloutStateReason: `ECS deployment ${id} completed.`,
    };
    // Deployments complete at once here, so the new one is the only one left.
    service.deployments = [deployment];
    this.wiringOf.set(service.serviceArn, wiring);
    const namespaceArn = wiring.serviceConnect?.config.namespace;
    if (namespaceArn) {
      const arns =
        this.servicesByNamespace.get(namespaceArn) ?? new Set<string>();
      arns.add(service.serviceArn);
      this.servicesByNamespace.set(namespaceArn, arns);
    }
    this.sink?.deploymentChanged(service, deployment, 'SERVICE_DEPLOYMENT_IN_PROGRESS');
    this.scale(cluster, service);
    this.sink?.deploymentChanged(service, deployment, 'SERVICE_DEPLOYMENT_COMPLETED');
  }

  private stopTask(cluster: Cluster, task: Task, reason: string): void {
    this.launcher.stop(cluster, task, reason);
    this.sink?.taskChanged(task);
  }

  private scale(cluster: Cluster, service: EcsService): void {
    const deployment = service.deployments[0];
    const td = this.taskDefinitions.resolve(deployment.taskDefinition);
    deployment.desiredCount = service.desiredCount;
    deployment.updatedAt = now();
    const running = [...service.tasks.values()];
    if (running.length > service.desiredCount) {
      const surplus = running.slice(service.desiredCount);
      for (const task of surplus.reverse()) {
        this.stopTask(
          cluster,
          task,
          `Scaling activity initiated by (deployment ${deployment.id})`,
        );
      }
      this.addEvent(
        service,
        `(service ${service.serviceName}) has stopped ${
          surplus.length
        } running tasks: ${surplus.map(t => `(task ${t.taskId})`).join(' ')}.`,
      );
    } else if (running.length < service.desiredCount) {
      const wiring = this.wiringOf.get(service.serviceArn)!;
      const result = this.launcher.launch(
        cluster,
        service,
        deployment,
        td,
        wiring,
        service.desiredCount - running.length,
      );
      for (const problem of result.problems) {
        this.addEvent(service, problem);
        this.sink?.serviceAction(service, 'SERVICE_TASK_PLACEMENT_FAILURE', problem);
      }
      for (const task of result.launched) this.sink?.taskChanged(task);
      if (result.launched.length > 0) {
        this.addEvent(
          service,
          `(service ${service.serviceName}) has started ${
            result.launched.length
          } tasks: ${result.launched
            .map(t => `(task ${t.taskId})`)
            .join(' ')}.`,
        );
      }
    }
    if (service.tasks.size === service.desiredCount) {
      this.addEvent(
        service,
        `(service ${service.serviceName}) has reached a steady state.`,
      );
      this.sink?.serviceAction(service, 'SERVICE_STEADY_STATE');
    }
  }

  private addEvent(service: EcsService, message: string): void {
    service.events.unshift({
      id: uuidId(this.accountId, this.region, 'event', this.sequence++),
      createdAt: now(),
      message,
    });
    service.events.length = Math.min(service.events.length, EVENTS_KEPT);
  }

  private activeService(cluster: Cluster, ref: string): EcsService {
    const service = this.findService(cluster, ref);
    if (!service) {
      throw ecsErrors.serviceNotFound();
    }
    if (service.status !== 'ACTIVE') {
      throw ecsErrors.serviceNotActive();
    }
    return service;
  }

  private serviceTaskDefinition(ref: string): TaskDefinition {
    const td = this.taskDefinitions.find(ref);
    if (!td || td.status !== 'ACTIVE') {
      throw ecsErrors.client(`TaskDefinition not found: ${ref}`);
    }
    return td;
  }

  private checkDesiredCount(count: number): void {
    if (!Number.isInteger(count) || count < 0) {
      throw ecsErrors.invalidParameter(
        'desiredCount must be a non-negative integer.',
      );
    }
  }

  private checkNetwork(
    td: TaskDefinition,
    config?: NetworkConfiguration,
  ): NetworkConfiguration | undefined {
    if (td.networkMode !== 'awsvpc') {
      if (config?.awsvpcConfiguration) {
        throw ecsErrors.invalidParameter(
          'Network Configuration is not valid for the given networkMode of this task definition.',
        );
      }
      return undefined;
    }
    const vpc = config?.awsvpcConfiguration;
    if (!vpc) {
      throw ecsErrors.invalidParameter(
        "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
      );
    }
    if (!Array.isArray(vpc.subnets) || vpc.subnets.length === 0) {
      throw ecsErrors.invalidParameter('subnets can not be empty.');
    }
    if (vpc.subnets.length > MAX_SUBNETS) {
      throw ecsErrors.invalidParameter(
        `subnets can have at most ${MAX_SUBNETS} items.`,
      );
    }
    const unknown = vpc.subnets.find(id => !this.network.has(id));
    if (unknown) {
      throw ecsErrors.invalidParameter(
        `Error retrieving subnet information for [${unknown}]: The subnet ID '${unknown}' does not exist`,
      );
    }
    return {
      awsvpcConfiguration: {
        assignPublicIp: 'DISABLED',
        securityGroups: [],
        ...vpc,
      },
    };
  }

  private defaultNamespaceArn(ref: string): string {
    const namespace = this.cloudMap.findNamespace(ref);
    if (namespace) {
      return namespace.Arn;
    }
    if (ref.startsWith('arn:')) {
      throw ecsErrors.namespaceNotFound(ref);
    }
    // ECS creates an HTTP namespace when a cluster default names a new one.
    return this.cloudMap.createNamespace({ name: ref, type: 'HTTP' }).namespace
      .Arn;
  }

  private unindexNamespace(service: EcsService): void {
    const namespaceArn =
      service.deployments[0]?.serviceConnectConfiguration?.namespace;
    if (namespaceArn)
      this.servicesByNamespace.get(namespaceArn)?.delete(service.serviceArn);
  }

  private taggable(arn: string): {
    get(): EcsTag[];
    set(tags: EcsTag[]): void;
  } {
    const match = /^arn:aws[\w-]*:ecs:[^:]*:[^:]*:([a-z-]+)\/(.+)$/.exec(
      arn ?? '',
    );
    if (!match) {
      throw ecsErrors.invalidParameter(
        `The ARN ${arn} is not a valid ECS resource ARN.`,
      );
    }
    const [, kind, path] = match;
    const holder = <T extends { tags: EcsTag[] }>(resource: T | undefined) => {
      if (!resource) throw ecsErrors.resourceNotFound(arn);
      return {
        get: () => resource.tags,
        set: (tags: EcsTag[]) => {
          resource.tags = tags;
        },
      };
    };
    switch (kind) {
      case 'cluster':
        return holder(this.findCluster(path));
      case 'service':
        return holder(
          this.serviceByArn.get(arn) ?? this.findServiceAnywhere(path),
        );
      case 'task': {
        const cluster = this.findCluster(clusterFromArn(arn));
        return holder(cluster && this.findTask(cluster, path));
      }
      case 'task-definition':
        if (!this.taskDefinitions.hasArn(arn))
          throw ecsErrors.resourceNotFound(arn);
        return {
          get: () => this.taskDefinitions.tagsOf(arn),
          set: tags => this.taskDefinitions.setTags(arn, tags),
        };
      default:
        throw ecsErrors.invalidParameter(
          `Tagging is not supported for ${kind} resources.`,
        );
    }
  }

  private findServiceAnywhere(path: string): EcsService | undefined {
    const [clusterName, serviceName] = path.includes('/')
      ? path.split('/')
      : [undefined, path];
    const clusters = clusterName
      ? [this.clusters.get(clusterName)]
      : [...this.clusters.values()];
    return clusters
      .map(c => c?.services.get(serviceName!))
      .find(s => s && s.status === 'ACTIVE');
  }
}
