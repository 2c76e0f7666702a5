import type {
  DnsRecordInfo,
  NetworkMode,
  PortMappingInfo,
  ScopeSnapshot,
  ScopeStatus,
} from '@ecs-net/plugin-ecs-networking-common';

/**
 * A service as somebody intends to create it, whether it was typed into a
 * template form (`ecs-networking:validate`) or read out of generated
 * Terraform (`ecs-networking:validate-terraform`). Both are checked by the
 * same code against the same live state.
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

export interface PlannedServiceConnect {
  /** Namespace name or ARN; undefined means the cluster's default namespace. */
  namespace?: string;
  services: {
    portName: string;
    discoveryName?: string;
    clientAliases: { dnsName?: string; port: number }[];
  }[];
}

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

/** What the ecs-networking backend serves about the live estate. */
export interface LiveNetwork {
  generation: number;
  statuses: ScopeStatus[];
  snapshots: ScopeSnapshot[];
}

/** One thing wrong (or worth knowing) about a plan. */
export interface Problem {
  severity: 'error' | 'warning' | 'info';
  /** A common lint rule id, or one of this module's input checks. */
  ruleId: string;
  message: string;
  fix?: string;
  /** Where: `input`, `main.tf: aws_ecs_service.this`. */
  source?: string;
}
