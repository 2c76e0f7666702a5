import type {
  DnsRecordInfo,
  NamespaceType,
  NetworkMode,
  PortMappingInfo,
  ScopeSnapshot,
  ScopeStatus,
  ServiceConnectTimeoutInfo,
  ServiceConnectTlsInfo,
} from '../snapshot';
import type { Mechanism } from '../model';
import type { TagKeys } from '../tagKeys';

/**
 * A service as somebody intends to create it, whether it was typed into a
 * template form (`ecs-networking:validate`) or read out of generated
 * Terraform (`ecs-networking:validate-terraform`). Both are checked by the
 * same code against the same live state (and the scaffolder form checks
 * what is typed with it too).
 *
 * @public
 */
export interface PlannedService {
  /** Where the plan came from, for messages: `input`, `main.tf: aws_ecs_service.this`. */
  source: string;
  accountId: string;
  region: string;
  /** Cluster name or ARN. */
  cluster: string;
  serviceName: string;
  /** Task definition family; the service name when absent. */
  family?: string;
  networkMode: NetworkMode;
  containers: PlannedContainer[];
  proxyConfiguration?: { type: string; containerName: string };
  /** Present when Service Connect is enabled. */
  serviceConnect?: PlannedServiceConnect;
  serviceDiscovery: PlannedServiceDiscovery[];
  tags: Record<string, string>;
  /** Endpoint names the service is declared to call (form dependencies). */
  dependencies: string[];
  /**
   * `create`: a service of the same name in the cluster is a collision.
   * `update`: the plan replaces that live service (a migration), so its own
   * names do not collide with the plan.
   */
  intent: 'create' | 'update';
}

/** @public */
export interface PlannedContainer {
  name: string;
  image?: string;
  essential?: boolean;
  portMappings: PortMappingInfo[];
  /**
   * Environment variables. Only address-shaped values are ever read from
   * them (through the common reference extraction), never stored or logged.
   */
  environment: Record<string, string>;
}

/** @public */
export interface PlannedServiceConnect {
  /** Namespace name or ARN; undefined means the cluster's default namespace. */
  namespace?: string;
  services: {
    portName: string;
    discoveryName?: string;
    clientAliases: { dnsName?: string; port: number }[];
    tls?: ServiceConnectTlsInfo;
    timeout?: ServiceConnectTimeoutInfo;
  }[];
}

/** @public */
export interface PlannedServiceDiscovery {
  /** Namespace name, ARN or id. */
  namespace: string;
  /** The plan creates this namespace (a new private DNS namespace). */
  createNamespace: boolean;
  /** Cloud Map service name: the record is `name.namespace`. */
  name: string;
  records: DnsRecordInfo[];
  routingPolicy?: string;
  customHealthCheck: boolean;
  healthCheck?: { type: string; resourcePath?: string };
  containerName?: string;
  containerPort?: number;
  port?: number;
}

/** What the ecs-networking backend serves about the live estate. @public */
export interface LiveNetwork {
  generation: number;
  statuses: ScopeStatus[];
  snapshots: ScopeSnapshot[];
}

/** One thing wrong (or worth knowing) about a plan. @public */
export interface Problem {
  severity: 'error' | 'warning' | 'info';
  /** A common lint rule id, or one of this module's input checks. */
  ruleId: string;
  message: string;
  fix?: string;
  /** Where: `input`, `main.tf: aws_ecs_service.this`. */
  source?: string;
  /**
   * The input it is about, as a path in `PlanInput`
   * (`serviceConnect.clientAlias.dnsName`), where the rule alone does not
   * tell (see `problemInput`).
   */
  field?: string;
}

/** @public */
export interface CheckOptions {
  tagKeys?: Partial<TagKeys>;
}

/** @public */
export interface ResolvedServiceConnect {
  namespaceArn: string;
  namespaceName: string;
  namespaceType: NamespaceType;
  /**
   * The account that owns the namespace when another account shares it with
   * this one (AWS RAM): then only its ARN reaches it.
   */
  namespaceOwnerAccountId?: string;
  /** True when the namespace is the cluster's Service Connect default. */
  namespaceFromCluster: boolean;
  portName: string;
  /** The Cloud Map name ECS registers: `discoveryName`, else the port name. */
  discoveryName: string;
  /** `dnsName:port` of each client alias. */
  clientAliases: string[];
}

/** @public */
export interface ResolvedServiceDiscovery {
  namespaceName: string;
  /** Absent when the plan creates the namespace. */
  namespaceArn?: string;
  namespaceId?: string;
  createNamespace: boolean;
  name: string;
  /** `name.namespace`, what the VPC resolves. */
  fqdn: string;
  recordTypes: string[];
  ttl: number;
}

/** @public */
export interface ResolvedDependency {
  /** As declared. */
  endpoint: string;
  /** The endpoint it resolved to, as the network model names it. */
  resolved: string;
  mechanism: Mechanism;
  /** `cluster/service` that answers on it. */
  service: string;
  owner?: string;
  variable: string;
  value: string;
}

/** What a plan names, resolved against live state. @public */
export interface ResolvedPlan {
  accountId: string;
  region: string;
  cluster: string;
  clusterArn: string;
  serviceName: string;
  /** The ARN the service will have. */
  serviceArn: string;
  serviceConnect?: ResolvedServiceConnect;
  serviceDiscovery: ResolvedServiceDiscovery[];
  /** Names the new service will answer on, as the network model spells them. */
  endpoints: string[];
  dependencies: ResolvedDependency[];
}

/** @public */
export interface CheckResult {
  problems: Problem[];
  resolved: ResolvedPlan;
}

/** Adds a problem of the plan being checked. */
export type AddProblem = (
  severity: Problem['severity'],
  problem: Omit<Problem, 'severity' | 'source'>,
) => void;
