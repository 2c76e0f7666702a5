import { CallContext, JsonService } from '../protocol/CallContext';
import { InputReader, JsonObject } from '../util/InputReader';
import { checkPageSize, paginate, PageLimits } from '../util/paging';
import { CloudMapTag } from '../util/tags';
import { cloudMapErrors } from '../cloudmap/cloudMapErrors';
import {
  CloudMapRegistry,
  DiscoverHealthFilter,
} from '../cloudmap/CloudMapRegistry';
import {
  DiscoveryService,
  DnsConfig,
  DnsRecordType,
  HealthCheckConfig,
  Namespace,
  NamespaceType,
} from '../cloudmap/types';

const reader = (input: JsonObject) =>
  new InputReader(input, cloudMapErrors.invalidInput);

function limits(maxSize: number): PageLimits {
  return {
    defaultSize: 100,
    maxSize,
    memberName: 'maxResults',
    invalid: cloudMapErrors.invalidInput,
  };
}

function page(input: InputReader) {
  return {
    maxResults: input.optNumber('MaxResults'),
    nextToken: input.optString('NextToken'),
  };
}

function registry(ctx: CallContext): CloudMapRegistry {
  return ctx.partition.cloudMap;
}

interface Filter {
  Name: string;
  Values: string[];
  Condition?: string;
}

/** Applies ListNamespaces/ListServices/ListOperations filters (EQ, IN, BEGINS_WITH). */
function filterBy<T>(
  items: T[],
  filters: Filter[] | undefined,
  fields: Record<string, (item: T) => string | undefined>,
): T[] {
  let out = items;
  for (const filter of filters ?? []) {
    const field = fields[filter?.Name];
    if (!field || !Array.isArray(filter.Values) || filter.Values.length === 0) {
      throw cloudMapErrors.invalidInput(
        `Unsupported or empty filter: ${filter?.Name}`,
      );
    }
    const condition = filter.Condition ?? 'EQ';
    if (condition === 'EQ' && filter.Values.length > 1) {
      throw cloudMapErrors.invalidInput(
        `Filter ${filter.Name} with condition EQ takes exactly one value`,
      );
    }
    out = out.filter(item => {
      const value = field(item) ?? '';
      switch (condition) {
        case 'EQ':
        case 'IN':
          return filter.Values.includes(value);
        case 'BEGINS_WITH':
          return value.startsWith(filter.Values[0]);
        default:
          throw cloudMapErrors.invalidInput(
            `Unsupported filter condition ${condition}`,
          );
      }
    });
  }
  return out;
}

/** Namespaces the caller sees: its own and those shared with it (AWS RAM), each with its owner. */
function visibleNamespaces(
  ctx: CallContext,
): Array<{ ns: Namespace; owner: string }> {
  return [
    ...registry(ctx)
      .listNamespaces()
      .map(ns => ({ ns, owner: ctx.partition.accountId })),
    ...ctx.partition.shared.list().map(({ namespace, registry: owner }) => ({
      ns: namespace,
      owner: owner.accountId,
    })),
  ];
}

/** Cloud Map services the caller sees: its own and those in namespaces shared with it. */
function visibleServices(
  ctx: CallContext,
): Array<{ svc: DiscoveryService; owner: string }> {
  return [
    ...registry(ctx)
      .listServices()
      .map(svc => ({ svc, owner: ctx.partition.accountId })),
    ...ctx.partition.shared.list().flatMap(({ namespace, registry: owner }) =>
      owner
        .listServices()
        .filter(svc => svc.NamespaceId === namespace.Id)
        .map(svc => ({ svc, owner: owner.accountId })),
    ),
  ];
}

/**
 * The Cloud Map that answers a discovery call: the caller's own, or with
 * `OwnerAccount` the owner's, for a namespace shared with the caller (the
 * data plane finds a shared namespace only that way).
 */
function discoveryRegistry(
  ctx: CallContext,
  input: InputReader,
  namespaceName: string,
): CloudMapRegistry {
  const owner = input.optString('OwnerAccount');
  if (!owner || owner === ctx.partition.accountId) return registry(ctx);
  const shared = ctx.partition.shared
    .list()
    .find(
      ({ namespace, registry: ownerRegistry }) =>
        ownerRegistry.accountId === owner &&
        namespace.Properties.HttpProperties.HttpName === namespaceName,
    );
  if (!shared) throw cloudMapErrors.namespaceNotFound(namespaceName);
  return shared.registry;
}

/** SELF or OTHER_ACCOUNTS, as the RESOURCE_OWNER filter compares. */
const ownerKind = (ctx: CallContext, owner: string) =>
  owner === ctx.partition.accountId ? 'SELF' : 'OTHER_ACCOUNTS';

function namespaceSummary(ns: Namespace) {
  return {
    Id: ns.Id,
    Arn: ns.Arn,
    Name: ns.Name,
    Type: ns.Type,
    Description: ns.Description,
    ServiceCount: ns.serviceIds.size,
    Properties: ns.Properties,
    CreateDate: ns.CreateDate,
  };
}

function serviceSummary(svc: DiscoveryService) {
  return {
    Id: svc.Id,
    Arn: svc.Arn,
    Name: svc.Name,
    Type: svc.Type,
    Description: svc.Description,
    InstanceCount: svc.instances.size,
    DnsConfig: svc.DnsConfig,
    HealthCheckConfig: svc.HealthCheckConfig,
    HealthCheckCustomConfig: svc.HealthCheckCustomConfig,
    CreateDate: svc.CreateDate,
  };
}

const RECORD_TYPES: DnsRecordType[] = ['A', 'AAAA', 'SRV', 'CNAME'];

function readDnsConfig(input: InputReader): DnsConfig | undefined {
  const config = input.optObject<DnsConfig>('DnsConfig');
  if (!config) return undefined;
  if (!Array.isArray(config.DnsRecords)) {
    throw cloudMapErrors.invalidInput('DnsConfig.DnsRecords must be specified');
  }
  for (const record of config.DnsRecords) {
    if (!RECORD_TYPES.includes(record?.Type)) {
      throw cloudMapErrors.invalidInput(
        `DnsRecord Type must be one of ${RECORD_TYPES.join(', ')}`,
      );
    }
    if (
      !Number.isInteger(record.TTL) ||
      record.TTL < 0 ||
      record.TTL > 2147483647
    ) {
      throw cloudMapErrors.invalidInput(
        'DnsRecord TTL must be an integer between 0 and 2147483647',
      );
    }
  }
  if (
    config.RoutingPolicy &&
    !['MULTIVALUE', 'WEIGHTED'].includes(config.RoutingPolicy)
  ) {
    throw cloudMapErrors.invalidInput(
      'RoutingPolicy must be MULTIVALUE or WEIGHTED',
    );
  }
  return config;
}

function createNamespace(
  ctx: CallContext,
  raw: JsonObject,
  type: NamespaceType,
) {
  const input = reader(raw);
  const properties = input.optObject<{
    DnsProperties?: { SOA?: { TTL?: number } };
  }>('Properties');
  const { operationId } = registry(ctx).createNamespace({
    name: input.string('Name'),
    type,
    description: input.optString('Description'),
    vpc: type === 'DNS_PRIVATE' ? input.string('Vpc') : undefined,
    creatorRequestId: input.optString('CreatorRequestId'),
    tags: input.optArray<CloudMapTag>('Tags'),
    soaTtl: properties?.DnsProperties?.SOA?.TTL,
  });
  return { OperationId: operationId };
}

export const cloudMapApi: JsonService = {
  signingName: 'servicediscovery',
  targetPrefix: 'Route53AutoNaming_v20170314',
  contentType: 'application/x-amz-json-1.1',
  messageMember: 'Message',
  operations: {
    CreateHttpNamespace: (ctx, raw) => createNamespace(ctx, raw, 'HTTP'),
    CreatePrivateDnsNamespace: (ctx, raw) =>
      createNamespace(ctx, raw, 'DNS_PRIVATE'),
    CreatePublicDnsNamespace: (ctx, raw) =>
      createNamespace(ctx, raw, 'DNS_PUBLIC'),

    DeleteNamespace(ctx, raw) {
      return {
        OperationId: registry(ctx).deleteNamespace(reader(raw).string('Id')),
      };
    },

    GetNamespace(ctx, raw) {
      const ns = registry(ctx).getNamespace(reader(raw).string('Id'));
      return {
        Namespace: {
          ...namespaceSummary(ns),
          CreatorRequestId: ns.CreatorRequestId,
          ResourceOwner: ctx.partition.accountId,
        },
      };
    },

    ListNamespaces(ctx, raw) {
      const input = reader(raw);
      const filters = input.optArray<Filter>('Filters');
      const matching = filterBy(visibleNamespaces(ctx), filters, {
        TYPE: ({ ns }) => ns.Type,
        NAME: ({ ns }) => ns.Name,
        HTTP_NAME: ({ ns }) => ns.Properties.HttpProperties.HttpName,
        RESOURCE_OWNER: ({ owner }) => ownerKind(ctx, owner),
      });
      const result = paginate(
        matching,
        page(input),
        limits(100),
        `ListNamespaces/${JSON.stringify(filters ?? [])}`,
      );
      return {
        Namespaces: result.items.map(({ ns, owner }) => ({
          ...namespaceSummary(ns),
          ResourceOwner: owner,
        })),
        NextToken: result.nextToken,
      };
    },

    CreateService(ctx, raw) {
      const input = reader(raw);
      const dnsConfig = readDnsConfig(input);
      const namespaceId =
        input.optString('NamespaceId') ?? dnsConfig?.NamespaceId;
      if (!namespaceId) {
        throw cloudMapErrors.invalidInput('NamespaceId must be specified');
      }
      const type = input.optString('Type');
      if (type !== undefined && type !== 'HTTP') {
        throw cloudMapErrors.invalidInput('Type must be HTTP when specified');
      }
      const svc = registry(ctx).createService({
        name: input.string('Name'),
        namespaceId,
        description: input.optString('Description'),
        type: type as 'HTTP' | undefined,
        dnsConfig,
        healthCheckConfig:
          input.optObject<HealthCheckConfig>('HealthCheckConfig'),
        healthCheckCustomConfig: input.optObject('HealthCheckCustomConfig'),
        creatorRequestId: input.optString('CreatorRequestId'),
        tags: input.optArray<CloudMapTag>('Tags'),
      });
      return { Service: cloudMapServiceToWire(svc, ctx) };
    },

    GetService(ctx, raw) {
      return {
        Service: cloudMapServiceToWire(
          registry(ctx).getService(reader(raw).string('Id')),
          ctx,
        ),
      };
    },

    ListServices(ctx, raw) {
      const input = reader(raw);
      const filters = input.optArray<Filter>('Filters');
      const matching = filterBy(visibleServices(ctx), filters, {
        NAMESPACE_ID: ({ svc }) => svc.NamespaceId,
        RESOURCE_OWNER: ({ owner }) => ownerKind(ctx, owner),
      });
      const result = paginate(
        matching,
        page(input),
        limits(100),
        `ListServices/${JSON.stringify(filters ?? [])}`,
      );
      return {
        Services: result.items.map(({ svc, owner }) => ({
          ...serviceSummary(svc),
          ResourceOwner: owner,
          CreatedByAccount: svc.createdByAccount,
        })),
        NextToken: result.nextToken,
      };
    },

    DeleteService(ctx, raw) {
      registry(ctx).deleteService(reader(raw).string('Id'));
      return {};
    },

    RegisterInstance(ctx, raw) {
      const input = reader(raw);
      const attributes =
        input.optObject<Record<string, unknown>>('Attributes') ?? {};
      if (Object.values(attributes).some(v => typeof v !== 'string')) {
        throw cloudMapErrors.invalidInput('Attribute values must be strings');
      }
      const operationId = registry(ctx).registerInstance(
        input.string('ServiceId'),
        input.string('InstanceId'),
        attributes as Record<string, string>,
        input.optString('CreatorRequestId'),
      );
      return { OperationId: operationId };
    },

    DeregisterInstance(ctx, raw) {
      const input = reader(raw);
      return {
        OperationId: registry(ctx).deregisterInstance(
          input.string('ServiceId'),
          input.string('InstanceId'),
        ),
      };
    },

    GetInstance(ctx, raw) {
      const input = reader(raw);
      const instance = registry(ctx).getInstance(
        input.string('ServiceId'),
        input.string('InstanceId'),
      );
      return {
        Instance: {
          Id: instance.Id,
          Attributes: instance.Attributes,
          CreatorRequestId: instance.CreatorRequestId,
        },
        ResourceOwner: ctx.partition.accountId,
      };
    },

    ListInstances(ctx, raw) {
      const input = reader(raw);
      const serviceId = input.string('ServiceId');
      const instances = [
        ...registry(ctx).getService(serviceId).instances.values(),
      ];
      const result = paginate(
        instances,
        page(input),
        limits(100),
        `ListInstances/${serviceId}`,
      );
      return {
        Instances: result.items.map(i => ({
          Id: i.Id,
          Attributes: i.Attributes,
        })),
        NextToken: result.nextToken,
        ResourceOwner: ctx.partition.accountId,
      };
    },

    DiscoverInstances(ctx, raw) {
      const input = reader(raw);
      const namespaceName = input.string('NamespaceName');
      const serviceName = input.string('ServiceName');
      const size = checkPageSize(input.optNumber('MaxResults'), limits(1000));
      const { service, instances } = discoveryRegistry(
        ctx,
        input,
        namespaceName,
      ).discoverInstances({
        namespaceName,
        serviceName,
        healthStatus: input.optString('HealthStatus') as
          | DiscoverHealthFilter
          | undefined,
        queryParameters: input.optObject('QueryParameters'),
        optionalParameters: input.optObject('OptionalParameters'),
      });
      return {
        Instances: instances.slice(0, size).map(i => ({
          InstanceId: i.Id,
          NamespaceName: namespaceName,
          ServiceName: service.Name,
          HealthStatus: i.health,
          Attributes: i.Attributes,
        })),
        InstancesRevision: service.revision,
      };
    },

    DiscoverInstancesRevision(ctx, raw) {
      const input = reader(raw);
      const namespaceName = input.string('NamespaceName');
      const service = discoveryRegistry(
        ctx,
        input,
        namespaceName,
      ).resolveForDiscovery(namespaceName, input.string('ServiceName'));
      return { InstancesRevision: service.revision };
    },

    GetInstancesHealthStatus(ctx, raw) {
      const input = reader(raw);
      const serviceId = input.string('ServiceId');
      const service = registry(ctx).getService(serviceId);
      const wanted = input.optStrings('Instances');
      const ids = wanted ?? [...service.instances.keys()];
      const result = paginate(
        ids,
        page(input),
        limits(100),
        `GetInstancesHealthStatus/${serviceId}/${(wanted ?? []).join(',')}`,
      );
      const status: Record<string, string> = {};
      for (const id of result.items) {
        status[id] = registry(ctx).getInstance(serviceId, id).health;
      }
      return { Status: status, NextToken: result.nextToken };
    },

    UpdateInstanceCustomHealthStatus(ctx, raw) {
      const input = reader(raw);
      const status = input.string('Status');
      if (status !== 'HEALTHY' && status !== 'UNHEALTHY') {
        throw cloudMapErrors.invalidInput(
          'Status must be HEALTHY or UNHEALTHY',
        );
      }
      registry(ctx).setCustomHealth(
        input.string('ServiceId'),
        input.string('InstanceId'),
        status,
      );
      return {};
    },

    GetOperation(ctx, raw) {
      return {
        Operation: registry(ctx).getOperation(
          reader(raw).string('OperationId'),
        ),
      };
    },

    ListOperations(ctx, raw) {
      const input = reader(raw);
      const filters = input.optArray<Filter>('Filters');
      const matching = filterBy(registry(ctx).listOperations(), filters, {
        NAMESPACE_ID: op => op.Targets.NAMESPACE,
        SERVICE_ID: op => op.Targets.SERVICE,
        STATUS: op => op.Status,
        TYPE: op => op.Type,
      });
      const result = paginate(
        matching,
        page(input),
        limits(100),
        `ListOperations/${JSON.stringify(filters ?? [])}`,
      );
      return {
        Operations: result.items.map(op => ({ Id: op.Id, Status: op.Status })),
        NextToken: result.nextToken,
      };
    },

    TagResource(ctx, raw) {
      const input = reader(raw);
      registry(ctx).tagResource(
        input.string('ResourceARN'),
        input.optArray<CloudMapTag>('Tags') ?? [],
      );
      return {};
    },

    UntagResource(ctx, raw) {
      const input = reader(raw);
      registry(ctx).untagResource(
        input.string('ResourceARN'),
        input.optStrings('TagKeys') ?? [],
      );
      return {};
    },

    ListTagsForResource(ctx, raw) {
      return { Tags: registry(ctx).tagsOf(reader(raw).string('ResourceARN')) };
    },
  },
};

function cloudMapServiceToWire(svc: DiscoveryService, ctx: CallContext) {
  return {
    ...serviceSummary(svc),
    NamespaceId: svc.NamespaceId,
    CreatorRequestId: svc.CreatorRequestId,
    ResourceOwner: ctx.partition.accountId,
    CreatedByAccount: svc.createdByAccount,
  };
}
