import { now } from '../util/clock';
import { AwsError } from '../util/AwsError';
import { base32Id } from '../util/ids';
import { CloudMapTag, mergeTags, removeTags } from '../util/tags';
import { cloudMapErrors } from './cloudMapErrors';
import {
  DiscoveryService,
  HealthStatus,
  Instance,
  Namespace,
  NamespaceInput,
  Operation,
  OperationType,
  ServiceInput,
} from './types';

export type DiscoverHealthFilter =
  | 'HEALTHY'
  | 'UNHEALTHY'
  | 'ALL'
  | 'HEALTHY_OR_ELSE_ALL';

export interface DiscoverQuery {
  namespaceName: string;
  serviceName: string;
  healthStatus?: DiscoverHealthFilter;
  queryParameters?: Record<string, string>;
  optionalParameters?: Record<string, string>;
}

const tagKey = (tag: CloudMapTag) => tag.Key;
const nameKey = (namespaceId: string, name: string) =>
  `${namespaceId}/${name.toLowerCase()}`;

/** Cloud Map (AWS Cloud Map / servicediscovery) for one account × region. */
export class CloudMapRegistry {
  private readonly namespaces = new Map<string, Namespace>();
  private readonly services = new Map<string, DiscoveryService>();
  private readonly operations = new Map<string, Operation>();
  /** `namespaceId/lowercased name` → service ID; Cloud Map names are case-insensitive. */
  private readonly serviceByName = new Map<string, string>();
  private sequence = 0;

  constructor(readonly accountId: string, readonly region: string) {}

  createNamespace(input: NamespaceInput): {
    namespace: Namespace;
    operationId: string;
  } {
    const existing = [...this.namespaces.values()].find(
      ns =>
        ns.Name === input.name &&
        ns.Type === input.type &&
        ns.vpc === input.vpc,
    );
    if (existing) {
      if (
        input.creatorRequestId &&
        existing.CreatorRequestId === input.creatorRequestId
      ) {
        return {
          namespace: existing,
          operationId: this.findCreateOperation(existing.Id),
        };
      }
      throw new AwsError(
        'NamespaceAlreadyExists',
        `Namespace ${input.name} already exists`,
        400,
        {
          NamespaceId: existing.Id,
          CreatorRequestId: existing.CreatorRequestId,
        },
      );
    }
    const id = `ns-${this.uniqueId('ns', input.name, this.namespaces)}`;
    const dns = input.type !== 'HTTP';
    const namespace: Namespace = {
      Id: id,
      Arn: `arn:aws:servicediscovery:${this.region}:${this.accountId}:namespace/${id}`,
      Name: input.name,
      Type: input.type,
      Description: input.description,
      CreateDate: now(),
      CreatorRequestId: input.creatorRequestId,
      Properties: {
        DnsProperties: dns
          ? {
              HostedZoneId: `Z${base32Id(
                20,
                this.accountId,
                this.region,
                'zone',
                id,
              ).toUpperCase()}`,
              SOA: { TTL: input.soaTtl ?? 15 },
            }
          : {},
        HttpProperties: { HttpName: input.name },
      },
      vpc: input.vpc,
      tags: input.tags ?? [],
      serviceIds: new Set(),
    };
    this.namespaces.set(id, namespace);
    const operationId = this.recordOperation('CREATE_NAMESPACE', {
      NAMESPACE: id,
    });
    return { namespace, operationId };
  }

  getNamespace(id: string): Namespace {
    const namespace = this.namespaces.get(id);
    if (!namespace) {
      throw cloudMapErrors.namespaceNotFound(id);
    }
    return namespace;
  }

  /** Finds a namespace by ID, ARN or name, the ways ECS lets callers name one. */
  findNamespace(ref: string): Namespace | undefined {
    const id = ref.startsWith('arn:') ? ref.split('/').pop()! : ref;
    return (
      this.namespaces.get(id) ??
      [...this.namespaces.values()].find(ns => ns.Name === ref)
    );
  }

  listNamespaces(): Namespace[] {
    return [...this.namespaces.values()];
  }

  deleteNamespace(id: string): string {
    const namespace = this.getNamespace(id);
    if (namespace.serviceIds.size > 0) {
      throw cloudMapErrors.resourceInUse(
        `Namespace ${id} has associated services and cannot be deleted`,
      );
    }
    this.namespaces.delete(id);
    return this.recordOperation('DELETE_NAMESPACE', { NAMESPACE: id });
  }

  createService(input: ServiceInput): DiscoveryService {
    const namespace = this.getNamespace(input.namespaceId);
    const sameName = this.findServiceByName(namespace.Id, input.name);
    if (sameName) {
      if (
        input.creatorRequestId &&
        sameName.CreatorRequestId === input.creatorRequestId
      ) {
        return sameName;
      }
      throw new AwsError(
        'ServiceAlreadyExists',
        `Service ${input.name} already exists in namespace ${namespace.Id}`,
        400,
        {
          ServiceId: sameName.Id,
          ServiceArn: sameName.Arn,
          CreatorRequestId: sameName.CreatorRequestId,
        },
      );
    }
    this.validateServiceConfig(namespace, input);
    const id = `srv-${this.uniqueId(
      'srv',
      `${namespace.Id}/${input.name}`,
      this.services,
    )}`;
    const type =
      !input.dnsConfig || input.type === 'HTTP' ? 'HTTP' : 'DNS_HTTP';
    const service: DiscoveryService = {
      Id: id,
      Arn: `arn:aws:servicediscovery:${this.region}:${this.accountId}:service/${id}`,
      Name: input.name,
      NamespaceId: namespace.Id,
      Description: input.description,
      Type: type,
      DnsConfig: input.dnsConfig && {
        NamespaceId: namespace.Id,
        RoutingPolicy: input.dnsConfig.RoutingPolicy ?? 'MULTIVALUE',
        DnsRecords: input.dnsConfig.DnsRecords,
      },
      HealthCheckConfig: input.healthCheckConfig,
      HealthCheckCustomConfig: input.healthCheckCustomConfig,
      CreateDate: now(),
      CreatorRequestId: input.creatorRequestId,
      tags: input.tags ?? [],
      createdByAccount: input.createdByAccount ?? this.accountId,
      instances: new Map(),
      revision: 1,
    };
    this.services.set(id, service);
    namespace.serviceIds.add(id);
    this.serviceByName.set(nameKey(namespace.Id, input.name), id);
    return service;
  }

  getService(id: string): DiscoveryService {
    const service = this.services.get(id);
    if (!service) {
      throw cloudMapErrors.serviceNotFound(id);
    }
    return service;
  }

  findService(id: string): DiscoveryService | undefined {
    return this.services.get(id);
  }

  findServiceByArn(arn: string): DiscoveryService | undefined {
    return this.services.get(arn.split('/').pop()!);
  }

  findServiceByName(
    namespaceId: string,
    name: string,
  ): DiscoveryService | undefined {
    const id = this.serviceByName.get(nameKey(namespaceId, name));
    return id === undefined ? undefined : this.services.get(id);
  }

  listServices(): DiscoveryService[] {
    return [...this.services.values()];
  }

  deleteService(id: string): void {
    const service = this.getService(id);
    if (service.instances.size > 0) {
      throw cloudMapErrors.resourceInUse(
        `Service ${id} has registered instances and cannot be deleted`,
      );
    }
    this.services.delete(id);
    this.namespaces.get(service.NamespaceId)?.serviceIds.delete(id);
    this.serviceByName.delete(nameKey(service.NamespaceId, service.Name));
  }

  registerInstance(
    serviceId: string,
    instanceId: string,
    attributes: Record<string, string>,
    creatorRequestId?: string,
  ): string {
    const service = this.getService(serviceId);
    this.validateAttributes(service, attributes);
    const custom = service.HealthCheckCustomConfig !== undefined;
    const routed = service.HealthCheckConfig !== undefined;
    let health: HealthStatus = 'UNKNOWN';
    if (custom) {
      health =
        attributes.AWS_INIT_HEALTH_STATUS === 'UNHEALTHY'
          ? 'UNHEALTHY'
          : 'HEALTHY';
    } else if (routed) {
      health = 'HEALTHY';
    }
    service.instances.set(instanceId, {
      Id: instanceId,
      Attributes: { ...attributes },
      CreatorRequestId: creatorRequestId,
      health,
    });
    service.revision++;
    return this.recordOperation('REGISTER_INSTANCE', {
      INSTANCE: instanceId,
      SERVICE: serviceId,
    });
  }

  deregisterInstance(serviceId: string, instanceId: string): string {
    const service = this.getService(serviceId);
    if (!service.instances.delete(instanceId)) {
      throw cloudMapErrors.instanceNotFound(instanceId);
    }
    service.revision++;
    return this.recordOperation('DEREGISTER_INSTANCE', {
      INSTANCE: instanceId,
      SERVICE: serviceId,
    });
  }

  getInstance(serviceId: string, instanceId: string): Instance {
    const instance = this.getService(serviceId).instances.get(instanceId);
    if (!instance) {
      throw cloudMapErrors.instanceNotFound(instanceId);
    }
    return instance;
  }

  setCustomHealth(
    serviceId: string,
    instanceId: string,
    status: 'HEALTHY' | 'UNHEALTHY',
  ): void {
    const service = this.getService(serviceId);
    if (!service.HealthCheckCustomConfig) {
      throw cloudMapErrors.customHealthNotFound(serviceId);
    }
    // As in Cloud Map, a health change leaves InstancesRevision as it is:
    // only registrations and deregistrations move it.
    this.getInstance(serviceId, instanceId).health = status;
  }

  /** Resolves the service DiscoverInstances names, by the namespace's HTTP name. */
  resolveForDiscovery(
    namespaceName: string,
    serviceName: string,
  ): DiscoveryService {
    const namespace = [...this.namespaces.values()].find(
      ns => ns.Properties.HttpProperties.HttpName === namespaceName,
    );
    if (!namespace) {
      throw cloudMapErrors.namespaceNotFound(namespaceName);
    }
    const service = this.findServiceByName(namespace.Id, serviceName);
    if (!service) {
      throw cloudMapErrors.serviceNotFound(serviceName);
    }
    return service;
  }

  discoverInstances(query: DiscoverQuery): {
    service: DiscoveryService;
    instances: Instance[];
  } {
    const service = this.resolveForDiscovery(
      query.namespaceName,
      query.serviceName,
    );
    const all = [...service.instances.values()];
    const checked =
      service.HealthCheckConfig !== undefined ||
      service.HealthCheckCustomConfig !== undefined;
    const byHealth = (wanted: HealthStatus) =>
      all.filter(i => i.health === wanted);
    let candidates = all;
    if (checked) {
      switch (query.healthStatus ?? 'HEALTHY') {
        case 'HEALTHY':
          candidates = byHealth('HEALTHY');
          break;
        case 'UNHEALTHY':
          candidates = byHealth('UNHEALTHY');
          break;
        case 'HEALTHY_OR_ELSE_ALL':
          candidates =
            byHealth('HEALTHY').length > 0 ? byHealth('HEALTHY') : all;
          break;
        default:
          candidates = all;
      }
    }
    const matches = (instance: Instance, params?: Record<string, string>) =>
      Object.entries(params ?? {}).every(
        ([key, value]) => instance.Attributes[key] === value,
      );
    candidates = candidates.filter(i => matches(i, query.queryParameters));
    // Optional parameters narrow the answer only when something still matches.
    const narrowed = candidates.filter(i =>
      matches(i, query.optionalParameters),
    );
    return { service, instances: narrowed.length > 0 ? narrowed : candidates };
  }

  getOperation(id: string): Operation {
    const operation = this.operations.get(id);
    if (!operation) {
      throw cloudMapErrors.operationNotFound(id);
    }
    return operation;
  }

  listOperations(): Operation[] {
    return [...this.operations.values()];
  }

  tagsOf(arn: string): CloudMapTag[] {
    return this.taggable(arn).tags;
  }

  tagResource(arn: string, tags: CloudMapTag[]): void {
    const resource = this.taggable(arn);
    resource.tags = mergeTags(resource.tags, tags, tagKey);
  }

  untagResource(arn: string, keys: string[]): void {
    const resource = this.taggable(arn);
    resource.tags = removeTags(resource.tags, keys, tagKey);
  }

  private taggable(arn: string): { tags: CloudMapTag[] } {
    const match =
      /^arn:aws:servicediscovery:[^:]+:[^:]+:(namespace|service)\/(.+)$/.exec(
        arn,
      );
    const resource =
      match &&
      (match[1] === 'namespace'
        ? this.namespaces.get(match[2])
        : this.services.get(match[2]));
    if (!resource) {
      throw cloudMapErrors.resourceNotFound(arn);
    }
    return resource;
  }

  private validateServiceConfig(
    namespace: Namespace,
    input: ServiceInput,
  ): void {
    const records = input.dnsConfig?.DnsRecords ?? [];
    if (input.dnsConfig && namespace.Type === 'HTTP') {
      throw cloudMapErrors.invalidInput(
        `DnsConfig is not allowed for services in HTTP namespace ${namespace.Id}`,
      );
    }
    if (input.dnsConfig && records.length === 0) {
      throw cloudMapErrors.invalidInput(
        'DnsConfig.DnsRecords must contain at least one record',
      );
    }
    const types = new Set(records.map(r => r.Type));
    if (types.has('CNAME') && records.length > 1) {
      throw cloudMapErrors.invalidInput(
        'A CNAME record cannot be combined with other records',
      );
    }
    if (input.dnsConfig?.RoutingPolicy === 'WEIGHTED' && types.has('SRV')) {
      throw cloudMapErrors.invalidInput(
        'WEIGHTED routing is not supported with SRV records',
      );
    }
    if (input.healthCheckConfig && namespace.Type === 'DNS_PRIVATE') {
      throw cloudMapErrors.invalidInput(
        'HealthCheckConfig is only supported in public DNS namespaces; use HealthCheckCustomConfig',
      );
    }
    if (input.healthCheckConfig && input.healthCheckCustomConfig) {
      throw cloudMapErrors.invalidInput(
        'HealthCheckConfig and HealthCheckCustomConfig cannot both be specified',
      );
    }
  }

  private validateAttributes(
    service: DiscoveryService,
    attributes: Record<string, string>,
  ): void {
    const types = new Set(service.DnsConfig?.DnsRecords.map(r => r.Type) ?? []);
    const need = (name: string) => {
      if (!attributes[name]) {
        throw cloudMapErrors.invalidInput(
          `Attribute ${name} is required for service ${service.Id}`,
        );
      }
    };
    if (types.has('A')) need('AWS_INSTANCE_IPV4');
    if (types.has('AAAA')) need('AWS_INSTANCE_IPV6');
    if (types.has('CNAME')) need('AWS_INSTANCE_CNAME');
    if (types.has('SRV')) {
      need('AWS_INSTANCE_PORT');
      if (!attributes.AWS_INSTANCE_IPV4 && !attributes.AWS_INSTANCE_IPV6) {
        need('AWS_INSTANCE_IPV4');
      }
    }
  }

  private findCreateOperation(namespaceId: string): string {
    const operation = [...this.operations.values()].find(
      op =>
        op.Type === 'CREATE_NAMESPACE' && op.Targets.NAMESPACE === namespaceId,
    );
    return operation
      ? operation.Id
      : this.recordOperation('CREATE_NAMESPACE', { NAMESPACE: namespaceId });
  }

  // Cloud Map applies changes asynchronously and reports them as operations;
  // here they complete at once, so every operation is recorded as SUCCESS.
  private recordOperation(
    type: OperationType,
    targets: Operation['Targets'],
  ): string {
    const seq = this.sequence++;
    const id = `${base32Id(
      32,
      this.accountId,
      this.region,
      'op',
      seq,
    )}-${base32Id(8, 'op2', seq, this.accountId, this.region)}`;
    const at = now();
    this.operations.set(id, {
      Id: id,
      Type: type,
      Status: 'SUCCESS',
      CreateDate: at,
      UpdateDate: at,
      Targets: targets,
    });
    return id;
  }

  private uniqueId(
    kind: string,
    name: string,
    taken: Map<string, unknown>,
  ): string {
    const prefix = kind === 'ns' ? 'ns-' : 'srv-';
    for (let n = 0; ; n++) {
      const id = base32Id(16, this.accountId, this.region, kind, name, n);
      if (!taken.has(`${prefix}${id}`)) {
        return id;
      }
    }
  }
}
