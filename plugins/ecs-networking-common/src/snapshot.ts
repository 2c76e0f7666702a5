import type { ObservedCall } from './options';

/**
 * The normalized picture of one AWS account × region, as read by the backend.
 *
 * It holds structure only. Raw environment values, command lines and Cloud Map
 * custom attributes never appear here: containers carry only the references
 * that matched a known endpoint (see {@link ContainerReference}).
 *
 * @public
 */
export interface ScopeSnapshot {
  accountId: string;
  region: string;
  /** ISO time the read finished. */
  readAt: string;
  /**
   * Services re-read on their own since the last full read (AWS change
   * events), by ARN: the ISO time each such read began. Of two reads of a
   * service, the one that began later wins, whichever is stored last.
   */
  refreshedAt?: Record<string, string>;
  clusters: ClusterInfo[];
  services: EcsServiceInfo[];
  taskDefinitions: TaskDefinitionInfo[];
  namespaces: NamespaceInfo[];
  cloudMapServices: CloudMapServiceInfo[];
  /** Service Connect calls seen in CloudWatch metrics. */
  observedCalls?: ObservedCall[];
  /**
   * Enrichments this read went without, each with why: denied, failing, or
   * turned off (`metrics unavailable: … cloudwatch:ListMetrics failed: HTTP
   * 500 non-AWS response …`). Everything else was read.
   */
  skipped?: string[];
  /**
   * Answers that cannot come from AWS (a list filter ignored, duplicates, a
   * paging token that repeats), each once, with how the read resolved it.
   */
  anomalies?: string[];
}

/** @public */
export interface ClusterInfo {
  arn: string;
  name: string;
  /** Namespace ARN that Service Connect uses when a service names none. */
  serviceConnectDefaultNamespace?: string;
  tags: Record<string, string>;
}

/** @public */
export type NetworkMode = 'awsvpc' | 'bridge' | 'host' | 'none';

/** @public */
export interface ClientAlias {
  dnsName?: string;
  port: number;
}

/**
 * Service Connect TLS of one entry: the proxies encrypt traffic to it with
 * certificates from an AWS Private CA. No secret is involved: these are ARNs.
 *
 * @public
 */
export interface ServiceConnectTlsInfo {
  /** ARN of the AWS Private CA that issues the certificates (`issuerCertificateAuthority.awsPcaAuthorityArn`). */
  certificateAuthorityArn?: string;
  kmsKey?: string;
  roleArn?: string;
}

/** Service Connect timeouts of one entry; 0 turns a timeout off. @public */
export interface ServiceConnectTimeoutInfo {
  idleTimeoutSeconds?: number;
  perRequestTimeoutSeconds?: number;
}

/** @public */
export interface ServiceConnectService {
  portName: string;
  discoveryName?: string;
  /** ARN of the API-only Cloud Map service ECS manages for this entry. */
  discoveryArn?: string;
  clientAliases: ClientAlias[];
  tls?: ServiceConnectTlsInfo;
  timeout?: ServiceConnectTimeoutInfo;
}

/** Service Connect access logs of a service's proxy. @public */
export interface ServiceConnectAccessLogInfo {
  /** `TEXT` or `JSON`. */
  format: string;
  /** `ENABLED` or `DISABLED` (AWS's default). */
  includeQueryParameters?: string;
}

/** @public */
export interface ServiceConnectInfo {
  enabled: boolean;
  /** Namespace ARN after applying the cluster default; absent when neither is set. */
  namespace?: string;
  /** True when the namespace came from the cluster's defaults. */
  namespaceFromCluster: boolean;
  /**
   * The namespace as the configuration names it, when that is a name or an
   * ID rather than an ARN. Only an ARN reaches a namespace shared from
   * another account.
   */
  namespaceReference?: string;
  services: ServiceConnectService[];
  accessLog?: ServiceConnectAccessLogInfo;
  /**
   * Log driver of the proxy's `logConfiguration`, absent when it has none.
   * Only the driver is kept: its options are the user's.
   */
  logDriver?: string;
  /** When the deployment carrying this configuration was created (ISO). */
  since?: string;
}

/** @public */
export interface ServiceRegistryInfo {
  registryArn: string;
  containerName?: string;
  containerPort?: number;
  port?: number;
}

/** @public */
export interface LoadBalancerInfo {
  targetGroupArn?: string;
  loadBalancerName?: string;
  containerName?: string;
  containerPort?: number;
  /** DNS name of the load balancer when it could be resolved. */
  dnsName?: string;
}

/** @public */
export interface EcsServiceInfo {
  arn: string;
  name: string;
  clusterArn: string;
  clusterName: string;
  status: string;
  taskDefinitionArn: string;
  desiredCount: number;
  runningCount: number;
  launchType?: string;
  createdAt?: string;
  tags: Record<string, string>;
  serviceConnect?: ServiceConnectInfo;
  serviceRegistries: ServiceRegistryInfo[];
  loadBalancers: LoadBalancerInfo[];
  /** VPC Lattice target groups the tasks register in; absent in snapshots read before it was read. */
  vpcLattice?: VpcLatticeInfo[];
  /** Running tasks. Volatile: never put in entities. */
  tasks: EcsTaskInfo[];
}

/** One `vpcLatticeConfigurations` entry of an ECS service. @public */
export interface VpcLatticeInfo {
  /** Port mapping name whose port is registered in the target group. */
  portName: string;
  targetGroupArn: string;
  roleArn?: string;
}

/**
 * ECS's view of a task's health: HEALTHY or UNHEALTHY from its essential
 * containers' health checks, UNKNOWN when none defines one.
 *
 * @public
 */
export type TaskHealth = 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';

/** A running task, as DescribeTasks reports it. @public */
export interface EcsTaskInfo {
  /** Private IPv4 address; absent for host-mode tasks with no ENI. */
  ip?: string;
  health: TaskHealth;
  availabilityZone?: string;
  startedAt?: string;
  /** Task definition the task runs: an older revision means a deployment is in progress. */
  taskDefinitionArn?: string;
}

/** @public */
export interface PortMappingInfo {
  name?: string;
  containerPort?: number;
  hostPort?: number;
  protocol?: string;
  appProtocol?: string;
}

/**
 * Where in a container definition a reference was found. Only the variable
 * name is kept, never its value.
 *
 * @public
 */
export type ReferenceSource =
  | { kind: 'environment'; variable: string }
  | { kind: 'command' }
  | { kind: 'entryPoint' };

/**
 * An address-shaped token found in a container definition, already stripped
 * of credentials, query and fragment (`http://orders:8080/api`,
 * `mysql.app:3306`).
 *
 * @public
 */
export interface ContainerReference {
  /** The reference as it should be shown: scheme, host, port and path only. */
  text: string;
  host: string;
  port?: number;
  scheme?: string;
  source: ReferenceSource;
}

/**
 * A container secret as ECS injects it: the variable `name` gets, at task
 * start, the value of the Secrets Manager secret or SSM parameter that
 * `valueFrom` names (its ARN, or a parameter name in the same region). It is
 * a reference, not the value, so a snapshot may keep it.
 *
 * @public
 */
export interface SecretReference {
  name: string;
  valueFrom: string;
}

/** @public */
export interface ContainerInfo {
  name: string;
  image?: string;
  essential?: boolean;
  /** Container-level CPU units and memory (MiB), as the task definition sets them. */
  cpu?: number;
  memory?: number;
  memoryReservation?: number;
  portMappings: PortMappingInfo[];
  /** Absent in snapshots stored before secrets were read. */
  secrets?: SecretReference[];
  /**
   * References kept by `retainReferences`: those naming a known endpoint, and
   * internal-looking ones that name nothing (short names with a scheme or
   * port, names under a known namespace).
   */
  references: ContainerReference[];
}

/** @public */
export interface TaskDefinitionInfo {
  arn: string;
  family: string;
  revision: number;
  networkMode: NetworkMode;
  /**
   * Task-level CPU units and memory (MiB), as ECS returns them (`"256"`,
   * `"512"`). Fargate task definitions always have both; EC2 ones may size
   * their containers instead.
   */
  cpu?: string;
  memory?: string;
  /** The launch types the task definition was registered for (`FARGATE`, `EC2`). */
  requiresCompatibilities?: string[];
  containers: ContainerInfo[];
  proxyConfiguration?: { type: string; containerName: string };
}

/** @public */
export type NamespaceType = 'DNS_PRIVATE' | 'DNS_PUBLIC' | 'HTTP';

/** @public */
export interface NamespaceInfo {
  id: string;
  arn: string;
  name: string;
  type: NamespaceType;
  tags: Record<string, string>;
  /**
   * The account that owns the namespace, when that is not the account it was
   * read in: it is shared with that account through AWS RAM
   * (Cloud Map's `ResourceOwner`).
   */
  ownerAccountId?: string;
  /** Its AWS RAM resource shares, as read in the owner's account; absent when not read. */
  shares?: NamespaceShareInfo[];
}

/** An AWS RAM resource share that holds a namespace. @public */
export interface NamespaceShareInfo {
  arn: string;
  name: string;
  /** RAM's share status (`ACTIVE`, …). */
  status?: string;
  /** Accounts (or organization ARNs) it is shared with. */
  principals: string[];
  /** Names of the RAM permissions attached for Cloud Map namespaces. */
  permissions: string[];
}

/** @public */
export interface DnsRecordInfo {
  type: 'A' | 'AAAA' | 'SRV' | 'CNAME';
  ttl: number;
}

/** @public */
export interface CloudMapInstanceInfo {
  id: string;
  ipv4?: string;
  port?: number;
  /** HEALTHY | UNHEALTHY | UNKNOWN. Volatile. */
  health?: string;
}

/** @public */
export interface CloudMapServiceInfo {
  id: string;
  arn: string;
  name: string;
  namespaceId: string;
  /** HTTP (API-only, as ECS creates for Service Connect), DNS_HTTP or DNS. */
  type?: string;
  dnsRecords: DnsRecordInfo[];
  routingPolicy?: string;
  healthCheck?: { type: string; resourcePath?: string };
  customHealthCheck: boolean;
  /** Set when ECS created and manages this service (Service Connect). */
  managedByEcs: boolean;
  tags: Record<string, string>;
  /** Volatile: never put in entities. */
  instances: CloudMapInstanceInfo[];
}

/**
 * The state of one account × region in the store.
 *
 * @public
 */
export interface ScopeStatus {
  accountId: string;
  region: string;
  /** ISO time of the last read that succeeded. */
  lastSuccessAt?: string;
  /**
   * ISO time of the newest data served: the last good full read, or a later
   * re-read of services from an AWS change event (live updates).
   */
  updatedAt?: string;
  /** ISO time and message of the last read that failed. */
  lastErrorAt?: string;
  lastError?: string;
  /** Failures since the last success. */
  consecutiveFailures: number;
  /** True when the data shown is older than the last attempt. */
  stale: boolean;
  /** AWS calls made by the last attempt, by operation. */
  calls: Record<string, number>;
  durationMs?: number;
  counts: { services: number; namespaces: number; taskDefinitions: number };
  /** What the last good read went without, and why (see {@link ScopeSnapshot.skipped}). */
  skipped?: string[];
  /** Deviations from AWS the last good read detected and resolved (see {@link ScopeSnapshot.anomalies}). */
  anomalies?: string[];
  /**
   * Set while a read that would remove most of the scope's services is held
   * back: the services of the last good read are still served (and stay in
   * the catalog) until a later read confirms the drop.
   */
  removalPending?: RemovalPending;
}

/**
 * A held-back drop in a scope's services (the removal guard).
 *
 * @public
 */
export interface RemovalPending {
  /** One line: what the read found and why it was not applied. */
  reason: string;
  /** ISO time of the first read that showed the drop. */
  since: string;
  /** Services of the last good read, still served. */
  previousServices: number;
  /** Services the latest held read found. */
  readServices: number;
  /** ISO time from which a read that still shows the drop applies it; absent: the next read does. */
  confirmableFrom?: string;
}
