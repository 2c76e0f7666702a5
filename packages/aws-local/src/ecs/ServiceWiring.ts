import { CloudMapRegistry } from '../cloudmap/CloudMapRegistry';
import { SharedNamespaces } from '../world/SharedNamespaces';
import { ecsErrors } from './ecsErrors';
import { checkAccessLog, checkEntryOptions } from './serviceConnectOptions';
import {
  Cluster,
  ServiceConnectConfiguration,
  ServiceConnectResource,
  ServiceRegistry,
  Task,
  TaskDefinition,
} from './types';

/** Where a task listens for one named or numbered port. */
type PortRef =
  | { containerName: string; containerPort: number }
  | { fixed: number };

interface Endpoint {
  /** The Cloud Map holding the service: the namespace owner's. */
  registry: CloudMapRegistry;
  cloudMapServiceId: string;
  port?: PortRef;
}

export interface ServiceConnectPlan {
  /** The configuration as ECS echoes it, with the namespace as an ARN. */
  config: ServiceConnectConfiguration;
  /** The namespace's Cloud Map: this account's, or the owner's of a shared one. */
  registry: CloudMapRegistry;
  namespaceId: string;
  entries: Array<{ discoveryName: string; port?: PortRef }>;
}

/** How ECS wires one deployment of a service into Cloud Map. */
export interface Wiring {
  serviceConnect?: {
    config: ServiceConnectConfiguration;
    resources: ServiceConnectResource[];
    endpoints: Endpoint[];
  };
  registries: Endpoint[];
}

export interface TaskIdentity {
  clusterName: string;
  serviceName: string;
  family: string;
  region: string;
}

export interface WiringOptions {
  /**
   * Accepts a Service Connect portName that names no port mapping. Only the
   * estate seeder sets this, to model drift that exists in real accounts.
   */
  unchecked?: boolean;
}

const PORT_MAX = 65535;

export function findPortByName(
  td: TaskDefinition,
  portName: string,
): PortRef | undefined {
  for (const container of td.containerDefinitions) {
    const mapping = (container.portMappings ?? []).find(
      pm => pm.name === portName,
    );
    if (mapping?.containerPort !== undefined) {
      return {
        containerName: container.name,
        containerPort: mapping.containerPort,
      };
    }
  }
  return undefined;
}

/**
 * Service Connect and service registries: validates them the way ECS does,
 * owns the API-only Cloud Map services ECS creates for Service Connect, and
 * registers and deregisters one Cloud Map instance per task.
 */
export class ServiceWiring {
  /** ECS-managed Cloud Map service ARN → ARN of the ECS service that owns it. */
  private readonly managedBy = new Map<string, string>();
  /** ECS service ARN → the Cloud Map services ECS manages for it, by ARN. */
  private readonly owned = new Map<
    string,
    Map<string, { registry: CloudMapRegistry; serviceId: string }>
  >();

  constructor(
    private readonly cloudMap: CloudMapRegistry,
    private readonly shared: SharedNamespaces,
    private readonly accountId: string,
  ) {}

  planServiceConnect(
    config: ServiceConnectConfiguration,
    cluster: Cluster,
    td: TaskDefinition,
    ownerArn: string,
    options: WiringOptions,
  ): ServiceConnectPlan | undefined {
    if (typeof config.enabled !== 'boolean') {
      throw ecsErrors.invalidParameter(
        'serviceConnectConfiguration.enabled must be specified.',
      );
    }
    if (!config.enabled) {
      return undefined;
    }
    const namespaceRef = config.namespace ?? cluster.serviceConnectNamespaceArn;
    if (!namespaceRef) {
      throw ecsErrors.invalidParameter(
        `Service Connect is enabled but no namespace was specified, and cluster ${cluster.clusterName} has no serviceConnectDefaults namespace. Specify serviceConnectConfiguration.namespace or set a default namespace on the cluster.`,
      );
    }
    // A name or ID resolves among the account's own namespaces only; a
    // namespace shared through RAM is found by its ARN.
    const own = this.cloudMap.findNamespace(namespaceRef);
    const shared = own ? undefined : this.shared.byArn(namespaceRef);
    const namespace = own ?? shared?.namespace;
    const registry = shared?.registry ?? this.cloudMap;
    if (!namespace) {
      throw ecsErrors.namespaceNotFound(namespaceRef);
    }
    checkAccessLog(config, options.unchecked === true);
    const services = config.services ?? [];
    const seen = new Set<string>();
    const entries = services.map((svc, index) => {
      if (!svc || typeof svc.portName !== 'string' || svc.portName === '') {
        throw ecsErrors.invalidParameter(
          `serviceConnectConfiguration.services[${index}].portName must be specified.`,
        );
      }
      const port = findPortByName(td, svc.portName);
      if (!port && !options.unchecked) {
        const names = td.containerDefinitions
          .flatMap(c => (c.portMappings ?? []).map(pm => pm.name))
          .filter(Boolean);
        throw ecsErrors.invalidParameter(
          `The portName '${
            svc.portName
          }' in serviceConnectConfiguration.services[${index}] does not match any portMappings name in task definition ${
            td.family
          }:${td.revision} (port mapping names: ${
            names.length ? names.join(', ') : 'none'
          }).`,
        );
      }
      const discoveryName = svc.discoveryName ?? svc.portName;
      if (seen.has(discoveryName)) {
        throw ecsErrors.invalidParameter(
          `The discoveryName '${discoveryName}' is used more than once in serviceConnectConfiguration.`,
        );
      }
      seen.add(discoveryName);
      checkEntryOptions(svc, index);
      for (const alias of svc.clientAliases ?? []) {
        if (
          !Number.isInteger(alias.port) ||
          alias.port < 1 ||
          alias.port > PORT_MAX
        ) {
          throw ecsErrors.invalidParameter(
            `serviceConnectConfiguration.services[${index}].clientAliases port must be between 1 and ${PORT_MAX}.`,
          );
        }
      }
      const taken = registry.findServiceByName(namespace.Id, discoveryName);
      if (taken && this.managedBy.get(taken.Arn) !== ownerArn) {
        throw ecsErrors.invalidParameter(
          `The discoveryName '${discoveryName}' is already used by another service in namespace ${namespace.Name}.`,
        );
      }
      return { discoveryName, port };
    });
    return {
      config: { ...config, namespace: namespace.Arn },
      registry,
      namespaceId: namespace.Id,
      entries,
    };
  }

  planRegistries(
    registries: ServiceRegistry[],
    td: TaskDefinition,
  ): ServiceRegistry[] {
    if (registries.length > 1) {
      throw ecsErrors.invalidParameter(
        'Only one service registry is supported for each service.',
      );
    }
    for (const registry of registries) {
      const service =
        registry?.registryArn &&
        this.cloudMap.findServiceByArn(registry.registryArn);
      if (!service) {
        throw ecsErrors.invalidParameter(
          `The service registry ${
            registry?.registryArn ?? '(none)'
          } does not exist.`,
        );
      }
      const types = new Set(
        service.DnsConfig?.DnsRecords.map(r => r.Type) ?? [],
      );
      const awsvpc = td.networkMode === 'awsvpc';
      if (!awsvpc && (types.has('A') || types.has('AAAA'))) {
        throw ecsErrors.invalidParameter(
          `Service registry ${service.Name} uses A records, which require the awsvpc network mode; task definition ${td.family}:${td.revision} uses ${td.networkMode}. Use SRV records with containerName and containerPort.`,
        );
      }
      if (
        (registry.containerName === undefined) !==
        (registry.containerPort === undefined)
      ) {
        throw ecsErrors.invalidParameter(
          'containerName and containerPort must be specified together in serviceRegistries.',
        );
      }
      if (
        types.has('SRV') &&
        registry.containerName === undefined &&
        !(awsvpc && registry.port)
      ) {
        throw ecsErrors.invalidParameter(
          `Service registry ${
            service.Name
          } uses SRV records; specify containerName and containerPort${
            awsvpc ? ', or port' : ''
          }.`,
        );
      }
      if (registry.containerName !== undefined) {
        const container = td.containerDefinitions.find(
          c => c.name === registry.containerName,
        );
        const mapped = container?.portMappings?.some(
          pm => pm.containerPort === registry.containerPort,
        );
        if (!mapped) {
          throw ecsErrors.invalidParameter(
            `The container ${registry.containerName} does not have a port mapping for containerPort ${registry.containerPort} in task definition ${td.family}:${td.revision}.`,
          );
        }
      }
    }
    return registries.map(r => ({ ...r }));
  }

  /** Creates (or reuses) the Cloud Map services a Service Connect plan needs. */
  wire(
    plan: ServiceConnectPlan | undefined,
    registries: ServiceRegistry[],
    ownerArn: string,
  ): Wiring {
    const registryEndpoints = registries.map(registry => ({
      registry: this.cloudMap,
      cloudMapServiceId: this.cloudMap.findServiceByArn(registry.registryArn)!
        .Id,
      port: this.registryPort(registry),
    }));
    if (!plan) {
      this.releaseUnused(ownerArn, new Set());
      return { registries: registryEndpoints };
    }
    const { registry } = plan;
    const endpoints = plan.entries.map(entry => {
      const reused = registry.findServiceByName(
        plan.namespaceId,
        entry.discoveryName,
      );
      const service =
        reused ??
        registry.createService({
          name: entry.discoveryName,
          namespaceId: plan.namespaceId,
          description: 'Managed by Amazon ECS',
          tags: [{ Key: 'AmazonECSManaged', Value: 'true' }],
          createdByAccount: this.accountId,
        });
      this.managedBy.set(service.Arn, ownerArn);
      const mine = this.owned.get(ownerArn) ?? new Map();
      mine.set(service.Arn, { registry, serviceId: service.Id });
      this.owned.set(ownerArn, mine);
      return {
        registry,
        cloudMapServiceId: service.Id,
        port: entry.port,
        name: entry.discoveryName,
        arn: service.Arn,
      };
    });
    this.releaseUnused(ownerArn, new Set(endpoints.map(e => e.arn)));
    return {
      serviceConnect: {
        config: plan.config,
        resources: endpoints.map(e => ({
          discoveryName: e.name,
          discoveryArn: e.arn,
        })),
        endpoints: endpoints.map(({ registry: where, cloudMapServiceId, port }) => ({
          registry: where,
          cloudMapServiceId,
          port,
        })),
      },
      registries: registryEndpoints,
    };
  }

  /** Deletes the ECS-managed Cloud Map services (by ARN) an ECS service no longer uses. */
  releaseUnused(ownerArn: string, keep: Set<string>): void {
    const mine = this.owned.get(ownerArn);
    for (const [arn, { registry, serviceId }] of [...(mine ?? [])]) {
      if (keep.has(arn)) continue;
      const service = registry.findService(serviceId);
      if (service) {
        for (const instanceId of [...service.instances.keys()]) {
          registry.deregisterInstance(serviceId, instanceId);
        }
        registry.deleteService(serviceId);
      }
      this.managedBy.delete(arn);
      mine!.delete(arn);
    }
  }

  register(task: Task, wiring: Wiring, identity: TaskIdentity): void {
    const address = task.eni?.address ?? task.containerInstance?.lease.address;
    if (!address) return;
    const base: Record<string, string> = {
      AWS_INSTANCE_IPV4: address,
      AWS_INIT_HEALTH_STATUS: 'HEALTHY',
      AVAILABILITY_ZONE: task.availabilityZone,
      REGION: identity.region,
      ECS_CLUSTER_NAME: identity.clusterName,
      ECS_SERVICE_NAME: identity.serviceName,
      ECS_TASK_DEFINITION_FAMILY: identity.family,
    };
    const endpoints = [
      ...(wiring.serviceConnect?.endpoints ?? []),
      ...wiring.registries,
    ];
    for (const endpoint of endpoints) {
      const isServiceConnect =
        wiring.serviceConnect?.endpoints.includes(endpoint);
      const port = endpoint.port && this.portOf(task, endpoint.port);
      // A Service Connect port that resolves to nothing leaves the service
      // without instances, which is how that drift shows up in a real account.
      if (isServiceConnect && port === undefined) continue;
      const attributes =
        port === undefined
          ? base
          : { ...base, AWS_INSTANCE_PORT: String(port) };
      endpoint.registry.registerInstance(
        endpoint.cloudMapServiceId,
        task.taskId,
        attributes,
      );
      task.registrations.push({
        registry: endpoint.registry,
        serviceId: endpoint.cloudMapServiceId,
        instanceId: task.taskId,
      });
    }
  }

  deregister(task: Task): void {
    for (const { registry, serviceId, instanceId } of task.registrations) {
      if (registry.findService(serviceId)?.instances.has(instanceId)) {
        registry.deregisterInstance(serviceId, instanceId);
      }
    }
    task.registrations = [];
  }

  private registryPort(registry: ServiceRegistry): PortRef | undefined {
    if (
      registry.containerName !== undefined &&
      registry.containerPort !== undefined
    ) {
      return {
        containerName: registry.containerName,
        containerPort: registry.containerPort,
      };
    }
    return registry.port !== undefined ? { fixed: registry.port } : undefined;
  }

  private portOf(task: Task, ref: PortRef): number | undefined {
    if ('fixed' in ref) return ref.fixed;
    if (task.networkMode === 'awsvpc') return ref.containerPort;
    return task.hostPorts.get(`${ref.containerName}:${ref.containerPort}`);
  }
}
