import type {
  CloudMapInstanceInfo,
  CloudMapServiceInfo,
  ClusterInfo,
  ContainerInfo,
  ContainerReference,
  DnsRecordInfo,
  EcsServiceInfo,
  LoadBalancerInfo,
  TaskHealth,
  NamespaceInfo,
  NamespaceType,
  NetworkMode,
  PortMappingInfo,
  ScopeSnapshot,
  SecretReference,
  ServiceConnectAccessLogInfo,
  ServiceConnectTimeoutInfo,
  ServiceConnectTlsInfo,
  TaskDefinitionInfo,
  VpcLatticeInfo,
} from '../snapshot';
import { parseArn } from '../arns';
import { extractReferences } from '../references';
import { serviceConnectRegistry } from '../serviceConnectRegistry';

/** @public */
export interface ContainerSpec {
  name?: string;
  image?: string;
  ports?: PortMappingInfo[];
  /** Container-level memory (MiB), as EC2 task definitions without a task size set it. */
  memory?: number;
  /** Raw values, run through `extractReferences` as the reader does. */
  environment?: Record<string, string>;
  secrets?: SecretReference[];
  command?: string[];
  entryPoint?: string[];
}

/** @public */
export interface ServiceSpec {
  cluster?: string;
  networkMode?: NetworkMode;
  /** Task-level size, as ECS returns it (`'256'`); absent unless given. */
  cpu?: string;
  memory?: string;
  requiresCompatibilities?: string[];
  /** Defaults to one `app` container with port `http` on 8080. */
  containers?: ContainerSpec[];
  serviceConnect?: {
    enabled?: boolean;
    /**
     * Namespace name or ARN; the cluster default when absent. A name or ID
     * of a namespace shared with this scope, and an ARN of a namespace it
     * does not list, are kept as written, as the reader keeps them.
     */
    namespace?: string;
    services?: {
      portName: string;
      discoveryName?: string;
      clientAliases?: { dnsName?: string; port: number }[];
      tls?: ServiceConnectTlsInfo;
      timeout?: ServiceConnectTimeoutInfo;
    }[];
    accessLog?: ServiceConnectAccessLogInfo;
    logDriver?: string;
    since?: string;
  };
  vpcLattice?: VpcLatticeInfo[];
  /** Service Discovery registrations, by Cloud Map service and namespace name. */
  registries?: {
    cloudMapService: string;
    namespace: string;
    containerName?: string;
    containerPort?: number;
    port?: number;
  }[];
  loadBalancers?: LoadBalancerInfo[];
  tags?: Record<string, string>;
  taskIps?: string[];
  taskHealth?: TaskHealth;
  proxyConfiguration?: { type: string; containerName: string };
  createdAt?: string;
}

/** @public */
export interface CloudMapServiceSpec {
  records?: DnsRecordInfo[];
  routingPolicy?: string;
  healthCheck?: { type: string; resourcePath?: string };
  customHealthCheck?: boolean;
  instances?: CloudMapInstanceInfo[];
  tags?: Record<string, string>;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/**
 * Builds realistic `ScopeSnapshot`s concisely, with ARNs in AWS's formats and
 * the Cloud Map services ECS itself creates for Service Connect. Names of
 * namespaces and Cloud Map services are resolved at `build()`, so calls may
 * come in any order.
 *
 * @public
 */
export class ScopeBuilder {
  private readonly clusters = new Map<
    string,
    { defaultNamespace?: string; tags: Record<string, string> }
  >();
  private readonly namespaces = new Map<string, NamespaceInfo>();
  private readonly cloudMapSpecs: {
    name: string;
    namespace: string;
    spec: CloudMapServiceSpec;
  }[] = [];
  private readonly serviceSpecs: { name: string; spec: ServiceSpec }[] = [];

  constructor(
    readonly accountId = '111122223333',
    readonly region = 'eu-west-1',
  ) {}

  private arn(
    service: string,
    resource: string,
    accountId = this.accountId,
  ): string {
    return `arn:aws:${service}:${this.region}:${accountId}:${resource}`;
  }

  clusterArn(name: string): string {
    return this.arn('ecs', `cluster/${name}`);
  }

  serviceArn(name: string, cluster = 'main'): string {
    return this.arn('ecs', `service/${cluster}/${name}`);
  }

  taskDefinitionArn(family: string): string {
    return this.arn('ecs', `task-definition/${family}:1`);
  }

  namespaceArn(name: string): string {
    return this.namespaceFor(name).arn;
  }

  cloudMapServiceArn(name: string, namespace: string): string {
    return this.arn(
      'servicediscovery',
      `service/srv-${slug(namespace)}-${slug(name)}`,
    );
  }

  cluster(
    name: string,
    options: { defaultNamespace?: string; tags?: Record<string, string> } = {},
  ): this {
    this.clusters.set(name, {
      defaultNamespace: options.defaultNamespace,
      tags: options.tags ?? {},
    });
    return this;
  }

  namespace(
    name: string,
    type: NamespaceType = 'DNS_PRIVATE',
    id?: string,
  ): this {
    const nsId = id ?? `ns-${slug(name)}`;
    this.namespaces.set(name, {
      id: nsId,
      arn: this.arn('servicediscovery', `namespace/${nsId}`),
      name,
      type,
      tags: {},
    });
    return this;
  }

  /**
   * Lists a namespace of `owner`'s scope as shared with this account through
   * AWS RAM, as Cloud Map's ListNamespaces shows it here.
   */
  sharedNamespace(owner: ScopeBuilder, name: string): this {
    const namespace = owner.namespaceFor(name);
    this.namespaces.set(name, {
      ...namespace,
      tags: {},
      ownerAccountId: owner.accountId,
    });
    return this;
  }

  /** Gives a namespace of this scope its RAM shares, as read in this account. */
  shares(name: string, shares: NamespaceInfo['shares']): this {
    this.namespaceFor(name).shares = shares;
    return this;
  }

  cloudMapService(
    name: string,
    namespace: string,
    spec: CloudMapServiceSpec = {},
  ): this {
    this.cloudMapSpecs.push({ name, namespace, spec });
    return this;
  }

  service(name: string, spec: ServiceSpec = {}): this {
    this.serviceSpecs.push({ name, spec });
    return this;
  }

  private findNamespace(ref: string): NamespaceInfo | undefined {
    return [...this.namespaces.values()].find(
      ns => ns.name === ref || ns.arn === ref || ns.id === ref,
    );
  }

  private namespaceFor(nameOrArn: string): NamespaceInfo {
    const known = this.findNamespace(nameOrArn);
    if (known) return known;
    this.namespace(nameOrArn);
    return this.namespaces.get(nameOrArn)!;
  }

  build(): ScopeSnapshot {
    const cloudMapServices: CloudMapServiceInfo[] = this.cloudMapSpecs.map(
      ({ name, namespace, spec }) => ({
        id: `srv-${slug(namespace)}-${slug(name)}`,
        arn: this.cloudMapServiceArn(name, namespace),
        name,
        namespaceId: this.namespaceFor(namespace).id,
        type: spec.records?.length ? 'DNS_HTTP' : 'HTTP',
        dnsRecords: spec.records ?? [{ type: 'A', ttl: 10 }],
        routingPolicy: spec.routingPolicy ?? 'MULTIVALUE',
        healthCheck: spec.healthCheck,
        customHealthCheck: spec.customHealthCheck ?? true,
        managedByEcs: false,
        tags: spec.tags ?? {},
        instances: spec.instances ?? [],
      }),
    );

    const services: EcsServiceInfo[] = [];
    const taskDefinitions: TaskDefinitionInfo[] = [];
    for (const { name, spec } of this.serviceSpecs) {
      const cluster = spec.cluster ?? 'main';
      if (!this.clusters.has(cluster)) this.cluster(cluster);
      const td = this.taskDefinition(name, spec);
      taskDefinitions.push(td);
      services.push({
        arn: this.serviceArn(name, cluster),
        name,
        clusterArn: this.clusterArn(cluster),
        clusterName: cluster,
        status: 'ACTIVE',
        taskDefinitionArn: td.arn,
        desiredCount: 2,
        runningCount: 2,
        launchType: 'FARGATE',
        createdAt: spec.createdAt ?? '2025-01-01T00:00:00.000Z',
        tags: spec.tags ?? { owner: 'team-a' },
        serviceConnect: this.serviceConnect(spec, cluster, cloudMapServices),
        serviceRegistries: (spec.registries ?? []).map(r => ({
          registryArn: this.cloudMapServiceArn(r.cloudMapService, r.namespace),
          containerName: r.containerName,
          containerPort: r.containerPort,
          port: r.port,
        })),
        loadBalancers: spec.loadBalancers ?? [],
        ...(spec.vpcLattice ? { vpcLattice: spec.vpcLattice } : {}),
        tasks: (spec.taskIps ?? []).map(ip => ({ ip, health: spec.taskHealth ?? 'UNKNOWN' })),
      });
    }

    const clusters: ClusterInfo[] = [...this.clusters].map(([name, c]) => ({
      arn: this.clusterArn(name),
      name,
      serviceConnectDefaultNamespace: c.defaultNamespace
        ? this.namespaceFor(c.defaultNamespace).arn
        : undefined,
      tags: c.tags,
    }));

    return {
      accountId: this.accountId,
      region: this.region,
      readAt: '2026-01-01T00:00:00.000Z',
      clusters,
      services,
      taskDefinitions,
      namespaces: [...this.namespaces.values()],
      cloudMapServices,
    };
  }

  private taskDefinition(
    family: string,
    spec: ServiceSpec,
  ): TaskDefinitionInfo {
    const containers = spec.containers ?? [{}];
    return {
      arn: this.taskDefinitionArn(family),
      family,
      revision: 1,
      networkMode: spec.networkMode ?? 'awsvpc',
      cpu: spec.cpu,
      memory: spec.memory,
      requiresCompatibilities: spec.requiresCompatibilities,
      containers: containers.map((c, i): ContainerInfo => {
        const references: ContainerReference[] = [];
        for (const [variable, value] of Object.entries(c.environment ?? {})) {
          references.push(
            ...extractReferences(value, { kind: 'environment', variable }),
          );
        }
        references.push(
          ...extractReferences((c.command ?? []).join(' '), {
            kind: 'command',
          }),
        );
        references.push(
          ...extractReferences((c.entryPoint ?? []).join(' '), {
            kind: 'entryPoint',
          }),
        );
        return {
          name: c.name ?? (i === 0 ? 'app' : `sidecar-${i}`),
          image:
            c.image ??
            `111122223333.dkr.ecr.eu-west-1.amazonaws.com/${family}:1.0.0`,
          essential: i === 0,
          memory: c.memory,
          portMappings:
            c.ports ??
            (i === 0
              ? [{ name: 'http', containerPort: 8080, protocol: 'tcp' }]
              : []),
          secrets: c.secrets,
          references,
        };
      }),
      proxyConfiguration: spec.proxyConfiguration,
    };
  }

  private serviceConnect(
    spec: ServiceSpec,
    cluster: string,
    cloudMapServices: CloudMapServiceInfo[],
  ): EcsServiceInfo['serviceConnect'] {
    const sc = spec.serviceConnect;
    if (!sc) return undefined;
    const enabled = sc.enabled ?? true;
    const clusterDefault = this.clusters.get(cluster)?.defaultNamespace;
    // ECS resolves a name or ID only among the account's own namespaces; an
    // ARN of a namespace this scope does not list is kept as it is.
    const listed = sc.namespace && this.findNamespace(sc.namespace);
    const unresolved = sc.namespace?.startsWith('arn:')
      ? !listed
      : !!sc.namespace && !!listed && !!listed.ownerAccountId;
    const namespaceRef = unresolved ? undefined : sc.namespace ?? clusterDefault;
    const namespace = namespaceRef ? this.namespaceFor(namespaceRef) : undefined;
    // ECS creates the Cloud Map services of a shared namespace in it, under
    // its owner's account.
    const cloudMapAccount =
      namespace && (parseArn(namespace.arn)?.accountId ?? this.accountId);
    const services = (sc.services ?? []).map(entry => {
      const discoveryName = entry.discoveryName ?? entry.portName;
      let discoveryArn: string | undefined;
      if (enabled && namespace) {
        discoveryArn = this.arn(
          'servicediscovery',
          `service/srv-sc-${slug(namespace.name)}-${slug(discoveryName)}`,
          cloudMapAccount,
        );
        if (!cloudMapServices.some(c => c.arn === discoveryArn)) {
          cloudMapServices.push(
            serviceConnectRegistry({ arn: discoveryArn, name: discoveryName, namespaceId: namespace.id }),
          );
        }
      }
      return {
        portName: entry.portName,
        discoveryName: entry.discoveryName,
        discoveryArn,
        clientAliases: entry.clientAliases ?? [],
        ...(entry.tls ? { tls: entry.tls } : {}),
        ...(entry.timeout ? { timeout: entry.timeout } : {}),
      };
    });
    return {
      enabled,
      namespace: unresolved ? sc.namespace : namespace?.arn,
      namespaceFromCluster: !sc.namespace && !!clusterDefault,
      ...(sc.namespace && !sc.namespace.startsWith('arn:')
        ? { namespaceReference: sc.namespace }
        : {}),
      services,
      ...(sc.accessLog ? { accessLog: sc.accessLog } : {}),
      ...(sc.logDriver ? { logDriver: sc.logDriver } : {}),
      since: sc.since ?? '2025-06-01T00:00:00.000Z',
    };
  }
}

/** @public */
export function scope(accountId?: string, region?: string): ScopeBuilder {
  return new ScopeBuilder(accountId, region);
}
