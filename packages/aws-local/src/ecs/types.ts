import { CloudMapRegistry } from '../cloudmap/CloudMapRegistry';
import { Lease } from '../network/SubnetPool';
import { EcsTag } from '../util/tags';

// Wire-shaped values (task definitions, load balancers, network and Service
// Connect configuration) are kept as the caller gave them, in ECS's own
// camelCase, because ECS hands them back verbatim.

export interface KeyValuePair {
  name: string;
  value: string;
}

export interface PortMapping {
  name?: string;
  containerPort?: number;
  hostPort?: number;
  protocol?: string;
  appProtocol?: string;
  containerPortRange?: string;
}

export interface ContainerDefinition {
  name: string;
  image?: string;
  essential?: boolean;
  portMappings?: PortMapping[];
  environment?: KeyValuePair[];
  [member: string]: unknown;
}

export type NetworkMode = 'awsvpc' | 'bridge' | 'host' | 'none';

export interface TaskDefinition {
  taskDefinitionArn: string;
  family: string;
  revision: number;
  status: 'ACTIVE' | 'INACTIVE' | 'DELETE_IN_PROGRESS';
  networkMode: NetworkMode;
  containerDefinitions: ContainerDefinition[];
  registeredAt: Date;
  [member: string]: unknown;
}

export interface AwsVpcConfiguration {
  subnets: string[];
  securityGroups?: string[];
  assignPublicIp?: 'ENABLED' | 'DISABLED';
}

export interface NetworkConfiguration {
  awsvpcConfiguration?: AwsVpcConfiguration;
}

export interface ClientAlias {
  port: number;
  dnsName?: string;
}

export interface ServiceConnectService {
  portName: string;
  discoveryName?: string;
  clientAliases?: ClientAlias[];
  ingressPortOverride?: number;
  [member: string]: unknown;
}

export interface ServiceConnectConfiguration {
  enabled: boolean;
  namespace?: string;
  services?: ServiceConnectService[];
  [member: string]: unknown;
}

/** One `vpcLatticeConfigurations` entry, as ECS stores it. */
export interface VpcLatticeConfiguration {
  roleArn: string;
  targetGroupArn: string;
  portName: string;
  [member: string]: unknown;
}

export interface ServiceConnectResource {
  discoveryName: string;
  discoveryArn: string;
}

export interface ServiceRegistry {
  registryArn: string;
  port?: number;
  containerName?: string;
  containerPort?: number;
}

export interface Deployment {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinition: string;
  desiredCount: number;
  createdAt: Date;
  updatedAt: Date;
  launchType?: string;
  platformVersion?: string;
  networkConfiguration?: NetworkConfiguration;
  serviceConnectConfiguration?: ServiceConnectConfiguration;
  serviceConnectResources?: ServiceConnectResource[];
  vpcLatticeConfigurations?: VpcLatticeConfiguration[];
  rolloutState: 'COMPLETED' | 'IN_PROGRESS' | 'FAILED';
  rolloutStateReason: string;
}

export interface ServiceEvent {
  id: string;
  createdAt: Date;
  message: string;
}

export interface EcsService {
  serviceArn: string;
  serviceName: string;
  clusterName: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  desiredCount: number;
  launchType?: string;
  platformVersion?: string;
  capacityProviderStrategy?: unknown[];
  taskDefinition: string;
  networkConfiguration?: NetworkConfiguration;
  loadBalancers: unknown[];
  serviceRegistries: ServiceRegistry[];
  /** Kept across deployments until an update replaces them; shown on deployments, as ECS does. */
  vpcLatticeConfigurations?: VpcLatticeConfiguration[];
  deployments: Deployment[];
  events: ServiceEvent[];
  createdAt: Date;
  tags: EcsTag[];
  /** Other CreateService members ECS stores and echoes back unchanged. */
  passthrough: Record<string, unknown>;
  tasks: Map<string, Task>;
}

export interface Task {
  taskId: string;
  taskArn: string;
  clusterName: string;
  serviceName?: string;
  taskDefinitionArn: string;
  family: string;
  startedBy?: string;
  group: string;
  launchType?: string;
  networkMode: NetworkMode;
  /** The ENI of an awsvpc task; absent for bridge and host tasks. */
  eni?: Lease;
  containerInstance?: ContainerInstance;
  /** Host ports bound per `container:containerPort` (bridge and host tasks). */
  hostPorts: Map<string, number>;
  availabilityZone: string;
  createdAt: Date;
  startedAt: Date;
  stoppedAt?: Date;
  stoppedReason?: string;
  lastStatus: 'RUNNING' | 'STOPPED';
  /** Cloud Map instances ECS registered for this task. */
  /** In the Cloud Map of the namespace's owner, which for a shared namespace is another account's. */
  registrations: Array<{
    registry: CloudMapRegistry;
    serviceId: string;
    instanceId: string;
  }>;
  tags: EcsTag[];
}

export interface ContainerInstance {
  id: string;
  arn: string;
  ec2InstanceId: string;
  lease: Lease;
  registeredAt: Date;
  nextDynamicPort: number;
  runningTasks: number;
}

export interface Cluster {
  clusterArn: string;
  clusterName: string;
  status: 'ACTIVE' | 'INACTIVE';
  settings: KeyValuePair[];
  configuration?: unknown;
  capacityProviders: string[];
  defaultCapacityProviderStrategy: unknown[];
  /** The Cloud Map namespace ARN new Service Connect services default to. */
  serviceConnectNamespaceArn?: string;
  tags: EcsTag[];
  services: Map<string, EcsService>;
  tasks: Map<string, Task>;
  /** Stopped tasks ECS still describes for a while after they stop. */
  stoppedTasks: Map<string, Task>;
  containerInstances: ContainerInstance[];
}
