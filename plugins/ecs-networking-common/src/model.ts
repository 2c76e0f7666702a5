import type {
  DnsRecordInfo,
  NamespaceShareInfo,
  NamespaceType,
  ReferenceSource,
  ServiceConnectAccessLogInfo,
  ServiceConnectTimeoutInfo,
  ServiceConnectTlsInfo,
} from './snapshot';

/** @public */
export type Mechanism =
  | 'connect'
  | 'dns'
  | 'http-api'
  | 'load-balancer'
  | 'lattice';

/**
 * Who can resolve an endpoint name: Service Connect names only from tasks with
 * Service Connect on in the same namespace; DNS names from anything in the
 * VPC; HTTP-namespace names only through the Cloud Map API.
 *
 * @public
 */
export type Reachability =
  | 'service-connect-namespace'
  | 'vpc'
  | 'cloud-map-api'
  | 'load-balancer'
  | 'vpc-lattice';

/** A name by which other workloads reach a service. @public */
export interface Endpoint {
  /** Stable id: `${mechanism}:${accountId}:${region}:${namespace or '-'}:${name}`. */
  id: string;
  mechanism: Mechanism;
  /** As callers write it: `orders:8080`, `mysql.app`, `orders.sc.local`. */
  name: string;
  host: string;
  port?: number;
  /** ARN of the ECS service that answers on this endpoint. */
  serviceArn: string;
  accountId: string;
  region: string;
  namespace?: { arn: string; name: string; type: NamespaceType };
  reachableFrom: Reachability;
  /** Service Connect port name, or Cloud Map service name for DNS. */
  portName?: string;
  discoveryName?: string;
  dnsRecords?: DnsRecordInfo[];
  routingPolicy?: string;
  /** Service Connect TLS of the entry; absent when its traffic is not encrypted by the proxies. */
  tls?: ServiceConnectTlsInfo;
  timeout?: ServiceConnectTimeoutInfo;
  /** Access logs of the proxy that answers on a Service Connect name. */
  accessLog?: ServiceConnectAccessLogInfo;
  /** VPC Lattice target group of a `lattice` endpoint. */
  targetGroupArn?: string;
}

/** @public */
export type EvidenceKind =
  | 'environment'
  | 'command'
  | 'entryPoint'
  | 'tag'
  | 'catalog'
  | 'metrics';

/** Why an edge is believed to exist. @public */
export interface Evidence {
  kind: EvidenceKind;
  /** The matched reference (`http://orders:8080`), tag value or metric name. */
  reference: string;
  /** Container of a container reference. */
  container?: string;
  /** Environment variable of a reference; the tag key for tag evidence. */
  variable?: string;
}

/** A call from one ECS service to another through an endpoint. @public */
export interface Edge {
  /** ARN of the calling ECS service. */
  from: string;
  /** ARN of the called ECS service. */
  to: string;
  endpointId: string;
  mechanism: Mechanism;
  evidence: Evidence[];
}

/**
 * Where an unresolved name was declared: a container definition, or the
 * dependency tag on the ECS service.
 *
 * @public
 */
export type UnresolvedSource = ReferenceSource | { kind: 'tag'; key: string };

/** A reference in a container, or a dependency tag entry, that names no known endpoint. @public */
export interface UnresolvedReference {
  serviceArn: string;
  /** Container name; empty for a tag entry. */
  container: string;
  reference: string;
  source: UnresolvedSource;
}

/** @public */
export type Severity = 'error' | 'warning' | 'info';

/** @public */
export interface FindingSubject {
  kind: 'service' | 'namespace' | 'cloud-map-service' | 'task-definition';
  arn: string;
  name: string;
  accountId: string;
  region: string;
}

/** One wiring problem found by a lint rule. @public */
export interface Finding {
  /** Stable rule id, e.g. `service-connect-port-name`. */
  ruleId: string;
  severity: Severity;
  subject: FindingSubject;
  /** One line: what is wrong and why it matters. */
  message: string;
  /** One line: what to change. */
  fix: string;
}

/** A service as the model presents it. @public */
export interface ModelService {
  arn: string;
  name: string;
  /** Cluster name. */
  cluster: string;
  clusterArn: string;
  taskDefinitionArn: string;
  accountId: string;
  region: string;
  owner?: string;
  system?: string;
  lifecycle?: string;
  /** Catalog component the service is linked to by tag, when any. */
  component?: string;
  networkMode: string;
  serviceConnect: boolean;
  /** Namespace ARN, when Service Connect is on and a namespace applies. */
  serviceConnectNamespace?: string;
  serviceConnectNamespaceName?: string;
  endpointIds: string[];
  /**
   * The Cloud Map services it registers into: its Service Discovery
   * registries and those ECS creates for its Service Connect names. Findings
   * about them (a DNS TTL, a missing health check) are findings about it.
   */
  cloudMapServiceArns: string[];
}

/** A Cloud Map namespace as the model presents it. @public */
export interface ModelNamespace {
  arn: string;
  id: string;
  name: string;
  type: NamespaceType;
  /** The owning account. */
  accountId: string;
  region: string;
  /** Value of the namespace's own owner tag, when it has one. */
  owner?: string;
  /**
   * Other accounts it is shared with (AWS RAM): those that list it as shared
   * and those whose services use it, sorted. Absent when it is not shared.
   */
  sharedWith?: string[];
  /** Its RAM shares, when read in the owner's account. */
  shares?: NamespaceShareInfo[];
}

/** The analyzed network of a set of scopes. @public */
export interface NetworkModel {
  services: ModelService[];
  namespaces: ModelNamespace[];
  endpoints: Endpoint[];
  edges: Edge[];
  unresolved: UnresolvedReference[];
  findings: Finding[];
}
