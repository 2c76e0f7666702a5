// The estate file format. Task definitions, network configuration, Service
// Connect configuration and load balancers use ECS's own member names, so a
// fragment of `aws ecs describe-*` output can be pasted in; tags are written
// as maps for readability.

/** @public */
export type EstateTags = Record<string, string>;

/**
 * A set of AWS accounts, their credentials and what runs in them.
 *
 * @public
 */
export interface Estate {
  accounts: EstateAccount[];
}

/** @public */
export interface EstateAccount {
  /** 12-digit account ID. */
  id: string;
  name?: string;
  accessKeys?: EstateAccessKey[];
  /** IAM roles other principals may assume with STS AssumeRole. */
  roles?: EstateRole[];
  /** Keyed by region name, e.g. `eu-west-1`. */
  regions?: Record<string, EstateRegion>;
}

/** @public */
export interface EstateAccessKey {
  id: string;
  /** Documentation only: signatures are not verified. */
  secret?: string;
  /** The IAM user name GetCallerIdentity reports (default `local-user`). */
  user?: string;
}

/** @public */
export interface EstateRole {
  name: string;
  /** Accounts whose principals may assume the role; any estate account when absent. */
  trustedAccounts?: string[];
}

/** @public */
export interface EstateRegion {
  subnets?: EstateSubnet[];
  namespaces?: EstateNamespace[];
  /** Cloud Map services created directly (e.g. for ECS service registries). */
  cloudMapServices?: EstateCloudMapService[];
  clusters?: EstateCluster[];
  taskDefinitions?: EstateTaskDefinition[];
  services?: EstateService[];
  /** Elastic Load Balancing v2 load balancers and their target groups. */
  loadBalancers?: EstateLoadBalancer[];
  /**
   * AWS RAM shares of this region's namespaces, accepted by their principals
   * (as inside an organization). Accounts are seeded in order: a principal
   * listed later can join the namespace by its ARN.
   */
  resourceShares?: EstateResourceShare[];
}

/** @public */
export interface EstateResourceShare {
  name: string;
  /** Names of namespaces of this region. */
  namespaces: string[];
  /** Account IDs. */
  principals: string[];
  /** RAM managed permission names, e.g. `AWSRAMPermissionCloudMapECSFullPermission`. */
  permissions: string[];
}

/** @public */
export interface EstateLoadBalancer {
  name: string;
  type?: 'application' | 'network';
  scheme?: 'internet-facing' | 'internal';
  subnets?: string[];
  securityGroups?: string[];
  targetGroups?: Array<{
    name: string;
    /** The ARN services' `loadBalancers` entries name; derived from the name when absent. */
    arn?: string;
    port: number;
    protocol?: string;
    targetType?: 'ip' | 'instance';
    healthCheckPath?: string;
  }>;
}

/** @public */
export interface EstateSubnet {
  id: string;
  cidr: string;
  /** Defaults to the region followed by `a`. */
  availabilityZone?: string;
  vpcId?: string;
}

/** @public */
export interface EstateNamespace {
  name: string;
  type: 'HTTP' | 'DNS_PRIVATE' | 'DNS_PUBLIC';
  description?: string;
  /** The VPC of a private DNS namespace (a default one is made up when absent). */
  vpc?: string;
  tags?: EstateTags;
}

/** @public */
export interface EstateCloudMapService {
  /** The namespace's name. */
  namespace: string;
  name: string;
  description?: string;
  dnsConfig?: {
    routingPolicy?: 'MULTIVALUE' | 'WEIGHTED';
    dnsRecords: Array<{ type: 'A' | 'AAAA' | 'SRV' | 'CNAME'; ttl: number }>;
  };
  healthCheckConfig?: {
    type: 'HTTP' | 'HTTPS' | 'TCP';
    resourcePath?: string;
    failureThreshold?: number;
  };
  healthCheckCustomConfig?: { failureThreshold?: number };
  tags?: EstateTags;
  /** Instances registered by hand (ECS registers its own tasks). */
  instances?: Array<{ id: string; attributes: Record<string, string> }>;
}

/** @public */
export interface EstateCluster {
  name: string;
  /** Namespace name (or ARN) Service Connect services default to. */
  serviceConnectDefaults?: { namespace: string };
  /** EC2 container instances for bridge and host mode tasks. */
  containerInstances?: { count: number; subnets?: string[] };
  settings?: Array<{ name: string; value: string }>;
  tags?: EstateTags;
}

/**
 * An ECS RegisterTaskDefinition request, with tags as a map.
 *
 * @public
 */
export interface EstateTaskDefinition {
  family: string;
  containerDefinitions: Array<Record<string, unknown> & { name: string }>;
  networkMode?: 'awsvpc' | 'bridge' | 'host' | 'none';
  tags?: EstateTags;
  [member: string]: unknown;
}

/** @public */
export interface EstateServiceRegistry {
  /** Either the Cloud Map service's ARN… */
  registryArn?: string;
  /** …or its namespace and name, both as written in the estate. */
  namespace?: string;
  service?: string;
  port?: number;
  containerName?: string;
  containerPort?: number;
}

/** @public */
export interface EstateService {
  name: string;
  cluster: string;
  /** `family` (latest revision) or `family:revision`. */
  taskDefinition: string;
  desiredCount?: number;
  launchType?: 'FARGATE' | 'EC2' | 'EXTERNAL';
  networkConfiguration?: {
    awsvpcConfiguration: {
      subnets: string[];
      securityGroups?: string[];
      assignPublicIp?: 'ENABLED' | 'DISABLED';
    };
  };
  serviceConnectConfiguration?: Record<string, unknown> & { enabled: boolean };
  serviceRegistries?: EstateServiceRegistry[];
  loadBalancers?: Array<Record<string, unknown>>;
  /** ECS's own members: `{ roleArn, targetGroupArn, portName }`. */
  vpcLatticeConfigurations?: Array<Record<string, unknown>>;
  tags?: EstateTags;
  /**
   * Seeds what the API rejects and real accounts still hold after drift
   * (the task definition changed under a running service, a log
   * configuration removed): a Service Connect or VPC Lattice portName that
   * names no port mapping, access logs without a logConfiguration. These are
   * the only checks it skips.
   */
  seedUnchecked?: boolean;
}
