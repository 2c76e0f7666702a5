import { CloudMapTag } from '../util/tags';

export type NamespaceType = 'HTTP' | 'DNS_PRIVATE' | 'DNS_PUBLIC';
export type DnsRecordType = 'A' | 'AAAA' | 'SRV' | 'CNAME';
export type RoutingPolicy = 'MULTIVALUE' | 'WEIGHTED';
export type HealthStatus = 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';

// Records keep Cloud Map's own PascalCase member names so the API layer can
// hand them out without renaming; lowercase members are internal.

export interface Namespace {
  Id: string;
  Arn: string;
  Name: string;
  Type: NamespaceType;
  Description?: string;
  CreateDate: Date;
  CreatorRequestId?: string;
  Properties: {
    DnsProperties: { HostedZoneId?: string; SOA?: { TTL: number } };
    HttpProperties: { HttpName: string };
  };
  vpc?: string;
  tags: CloudMapTag[];
  serviceIds: Set<string>;
}

export interface DnsRecord {
  Type: DnsRecordType;
  TTL: number;
}

export interface DnsConfig {
  NamespaceId?: string;
  RoutingPolicy?: RoutingPolicy;
  DnsRecords: DnsRecord[];
}

export interface HealthCheckConfig {
  Type: 'HTTP' | 'HTTPS' | 'TCP';
  ResourcePath?: string;
  FailureThreshold?: number;
}

export interface DiscoveryService {
  Id: string;
  Arn: string;
  Name: string;
  NamespaceId: string;
  Description?: string;
  Type: 'HTTP' | 'DNS_HTTP' | 'DNS';
  DnsConfig?: DnsConfig;
  HealthCheckConfig?: HealthCheckConfig;
  HealthCheckCustomConfig?: { FailureThreshold?: number };
  CreateDate: Date;
  CreatorRequestId?: string;
  tags: CloudMapTag[];
  /** The account that created it: another one's in a shared namespace (`CreatedByAccount`). */
  createdByAccount: string;
  instances: Map<string, Instance>;
  /** Bumped when an instance is registered or deregistered, as InstancesRevision is (not on health changes). */
  revision: number;
}

export interface Instance {
  Id: string;
  Attributes: Record<string, string>;
  CreatorRequestId?: string;
  health: HealthStatus;
}

export type OperationType =
  | 'CREATE_NAMESPACE'
  | 'DELETE_NAMESPACE'
  | 'UPDATE_NAMESPACE'
  | 'UPDATE_SERVICE'
  | 'REGISTER_INSTANCE'
  | 'DEREGISTER_INSTANCE';

export interface Operation {
  Id: string;
  Type: OperationType;
  Status: 'SUBMITTED' | 'PENDING' | 'SUCCESS' | 'FAIL';
  CreateDate: Date;
  UpdateDate: Date;
  Targets: Partial<Record<'NAMESPACE' | 'SERVICE' | 'INSTANCE', string>>;
}

export interface NamespaceInput {
  name: string;
  type: NamespaceType;
  description?: string;
  vpc?: string;
  creatorRequestId?: string;
  tags?: CloudMapTag[];
  soaTtl?: number;
}

export interface ServiceInput {
  name: string;
  namespaceId: string;
  description?: string;
  type?: 'HTTP';
  dnsConfig?: DnsConfig;
  healthCheckConfig?: HealthCheckConfig;
  healthCheckCustomConfig?: { FailureThreshold?: number };
  creatorRequestId?: string;
  tags?: CloudMapTag[];
  /** Another account creating it in a namespace shared with it; default the owner. */
  createdByAccount?: string;
}
