import type {
  DnsRecordInfo,
  NetworkMode,
  PlannedContainer,
  PlannedService,
  PlannedServiceDiscovery,
  PortMappingInfo,
  Problem,
} from '@ecs-net/plugin-ecs-networking-common';
import { FILE_KEY, type HclDocument } from './readTerraform';

type Block = Record<string, unknown>;

/** What one `aws_ecs_service` in the Terraform describes. */
export interface ExtractedService {
  address: string;
  plan?: PlannedService;
  problems: Problem[];
}

export interface ExtractOptions {
  accountId?: string;
  region?: string;
  intent: 'create' | 'update';
}

const REFERENCE = /^\$\{([^{}]+)\}$/;

/** `${data.aws_ecs_cluster.this.arn}` → `data.aws_ecs_cluster.this.arn`. */
function referenceOf(value: unknown): string | undefined {
  return typeof value === 'string'
    ? REFERENCE.exec(value.trim())?.[1]?.trim()
    : undefined;
}

function firstBlock(value: unknown): Block | undefined {
  if (Array.isArray(value))
    return value.find(v => v && typeof v === 'object') as Block | undefined;
  return value && typeof value === 'object' ? (value as Block) : undefined;
}

function blocks(value: unknown): Block[] {
  if (Array.isArray(value))
    return value.filter(v => v && typeof v === 'object') as Block[];
  return value && typeof value === 'object' ? [value as Block] : [];
}

/**
 * Reads values out of the merged HCL: literals as they are, `var.x` through
 * the variable's default, `local.x` through the locals, and the names of the
 * data sources and resources that references point at.
 */
class Resolver {
  constructor(private readonly doc: HclDocument) {}

  resource(type: string, name: string): Block | undefined {
    return this.doc.resource?.[type]?.[name]?.[0];
  }

  data(type: string, name: string): Block | undefined {
    return this.doc.data?.[type]?.[name]?.[0];
  }

  local(name: string): unknown {
    for (const block of this.doc.locals ?? []) {
      if (name in block) return block[name];
    }
    return undefined;
  }

  /** A literal value, following `var.` and `local.` references. */
  literal(value: unknown, depth = 0): unknown {
    const ref = referenceOf(value);
    if (!ref) {
      if (typeof value === 'string' && value.includes('${')) return undefined;
      return value;
    }
    if (depth > 5) return undefined;
    const variable = /^var\.([A-Za-z0-9_-]+)$/.exec(ref);
    if (variable)
      return this.literal(
        this.doc.variable?.[variable[1]]?.[0]?.default,
        depth + 1,
      );
    const local = /^local\.([A-Za-z0-9_-]+)$/.exec(ref);
    if (local) return this.literal(this.local(local[1]), depth + 1);
    return undefined;
  }

  string(value: unknown): string | undefined {
    const v = this.literal(value);
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return undefined;
  }

  number(value: unknown): number | undefined {
    const v = this.literal(value);
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
    return undefined;
  }

  boolean(value: unknown): boolean | undefined {
    const v = this.literal(value);
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    return undefined;
  }
}

/** `data.TYPE.NAME.attr` or `TYPE.NAME.attr` → its parts. */
function target(
  ref: string,
): { data: boolean; type: string; name: string } | undefined {
  const match =
    /^(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\[[^\]]*\])?(?:\.[A-Za-z0-9_]+)*$/.exec(
      ref,
    );
  if (!match) return undefined;
  return { data: !!match[1], type: match[2], name: match[3] };
}

type ServiceConnectEntry = NonNullable<
  PlannedService['serviceConnect']
>['services'][number];

/**
 * A `service` block's `tls` and `timeout`, as the AWS provider spells them
 * (`tls { issuer_cert_authority { aws_pca_authority_arn } kms_key role_arn }`,
 * `timeout { idle_timeout_seconds per_request_timeout_seconds }`), so the
 * timeout rules check the Terraform as they check the form. ARNs that are
 * references rather than literals stay unknown.
 */
function serviceConnectOptions(
  entry: Block,
  r: Resolver,
): Pick<ServiceConnectEntry, 'tls' | 'timeout'> {
  const options: Pick<ServiceConnectEntry, 'tls' | 'timeout'> = {};
  const tls = firstBlock(entry.tls);
  if (tls) {
    const issuer = firstBlock(tls.issuer_cert_authority);
    options.tls = {
      certificateAuthorityArn: r.string(issuer?.aws_pca_authority_arn),
      kmsKey: r.string(tls.kms_key),
      roleArn: r.string(tls.role_arn),
    };
  }
  const timeout = firstBlock(entry.timeout);
  if (timeout) {
    options.timeout = {
      idleTimeoutSeconds: r.number(timeout.idle_timeout_seconds),
      perRequestTimeoutSeconds: r.number(timeout.per_request_timeout_seconds),
    };
  }
  return options;
}

const NAMESPACE_DATA = new Set([
  'aws_service_discovery_http_namespace',
  'aws_service_discovery_dns_namespace',
]);
const NAMESPACE_RESOURCES = new Set([
  'aws_service_discovery_private_dns_namespace',
  'aws_service_discovery_http_namespace',
  'aws_service_discovery_public_dns_namespace',
]);

export function extractPlans(
  doc: HclDocument,
  options: ExtractOptions,
): ExtractedService[] {
  const r = new Resolver(doc);
  const services = doc.resource?.aws_ecs_service ?? {};
  const results: ExtractedService[] = [];

  // Account and region: the default aws provider, unless given.
  const provider =
    (doc.provider?.aws ?? []).find(p => !p.alias) ?? doc.provider?.aws?.[0];
  const providerRegion = provider ? r.string(provider.region) : undefined;
  const allowed = provider
    ? r.literal(provider.allowed_account_ids)
    : undefined;
  const providerAccount =
    Array.isArray(allowed) && typeof allowed[0] === 'string'
      ? allowed[0]
      : undefined;

  for (const [name, declared] of Object.entries(services)) {
    const service = declared[0];
    const file = String(service[FILE_KEY] ?? '');
    const address = `aws_ecs_service.${name}`;
    const source = `${file}: ${address}`;
    const problems: Problem[] = [];
    const problem = (
      severity: Problem['severity'],
      ruleId: string,
      message: string,
      fix?: string,
    ) => problems.push({ severity, ruleId, message, fix, source });
    const notLiteral = (what: string) =>
      problem(
        'error',
        'terraform-not-literal',
        `${what} is not a literal value or a reference this check can follow, so the wiring cannot be checked.`,
        'Write the value out in the generated Terraform (or as a variable default).',
      );

    const accountId = options.accountId ?? providerAccount;
    const region = options.region ?? providerRegion;
    if (
      options.accountId &&
      providerAccount &&
      options.accountId !== providerAccount
    ) {
      problem(
        'error',
        'terraform-scope-mismatch',
        `The aws provider allows account ${providerAccount}, but the service is meant for account ${options.accountId}.`,
        'Generate the provider block with the same account the service was validated for.',
      );
    }
    if (options.region && providerRegion && options.region !== providerRegion) {
      problem(
        'error',
        'terraform-scope-mismatch',
        `The aws provider uses region ${providerRegion}, but the service is meant for ${options.region}.`,
        'Generate the provider block with the same region the service was validated for.',
      );
    }
    if (!accountId || !region) {
      problem(
        'error',
        'terraform-scope-unknown',
        'Neither the action input nor the aws provider block (region, allowed_account_ids) says which account and region the service is for.',
        'Set accountId and region on the action, or region and allowed_account_ids on the provider.',
      );
      results.push({ address, problems });
      continue;
    }

    const serviceName = r.string(service.name);
    if (!serviceName) notLiteral(`${address}.name`);

    // Cluster.
    let cluster: string | undefined;
    const clusterRef = referenceOf(service.cluster);
    if (clusterRef) {
      const t = target(clusterRef);
      if (t?.data && t.type === 'aws_ecs_cluster') {
        cluster = r.string(r.data(t.type, t.name)?.cluster_name);
      } else if (t && !t.data && t.type === 'aws_ecs_cluster') {
        cluster = r.string(r.resource(t.type, t.name)?.name);
      } else {
        cluster = r.string(service.cluster);
      }
    } else {
      cluster = r.string(service.cluster);
    }
    if (!cluster) {
      problem(
        'error',
        'terraform-not-literal',
        `${address}.cluster does not name a cluster this check can follow (a literal name or ARN, or data.aws_ecs_cluster with a literal cluster_name).`,
        'Reference the cluster through a data "aws_ecs_cluster" block with cluster_name.',
      );
    }

    // Task definition.
    const tdRef = referenceOf(service.task_definition);
    const tdTarget = tdRef ? target(tdRef) : undefined;
    const td =
      tdTarget && !tdTarget.data && tdTarget.type === 'aws_ecs_task_definition'
        ? r.resource(tdTarget.type, tdTarget.name)
        : undefined;
    if (!td) {
      problem(
        'error',
        'terraform-task-definition-missing',
        `${address}.task_definition does not point at an aws_ecs_task_definition in these files, so its port mappings cannot be checked.`,
        'Reference the task definition resource: task_definition = aws_ecs_task_definition.<name>.arn.',
      );
    }
    const networkModeText = td
      ? r.string(td.network_mode) ??
        (td.network_mode === undefined ? 'bridge' : undefined)
      : 'awsvpc';
    if (
      !networkModeText ||
      !['awsvpc', 'bridge', 'host', 'none'].includes(networkModeText)
    ) {
      if (td)
        notLiteral(`aws_ecs_task_definition.${tdTarget?.name}.network_mode`);
    }
    const networkMode = (networkModeText ?? 'awsvpc') as NetworkMode;

    let containers: PlannedContainer[] = [];
    let proxyConfiguration: PlannedService['proxyConfiguration'];
    if (td) {
      const raw = td.container_definitions;
      const inner = referenceOf(raw);
      let definitions: unknown;
      const jsonencode = inner
        ? /^jsonencode\(\s*local\.([A-Za-z0-9_-]+)\s*\)$/.exec(inner)
        : null;
      if (jsonencode) {
        definitions = r.local(jsonencode[1]);
      } else if (typeof raw === 'string' && !raw.includes('${')) {
        try {
          definitions = JSON.parse(raw);
        } catch {
          definitions = undefined;
        }
      }
      if (!Array.isArray(definitions)) {
        problem(
          'error',
          'container-definitions-unreadable',
          `aws_ecs_task_definition.${tdTarget?.name}.container_definitions is not jsonencode(local.<name>) of a literal list, so port mapping names cannot be read.`,
          'Write the container definitions as a literal list in a locals block and pass it to jsonencode().',
        );
      } else {
        containers = definitions.flatMap(
          (definition, index): PlannedContainer[] => {
            if (!definition || typeof definition !== 'object') return [];
            const d = definition as Block;
            const containerName = r.string(d.name);
            if (!containerName)
              notLiteral(`container definition #${index + 1} name`);
            const portMappings: PortMappingInfo[] = blocks(d.portMappings).map(
              m => {
                const mapping: PortMappingInfo = {};
                const mappingName = r.string(m.name);
                const containerPort = r.number(m.containerPort);
                const hostPort = r.number(m.hostPort);
                if (m.name !== undefined && mappingName === undefined)
                  notLiteral(`${containerName}.portMappings[].name`);
                if (
                  m.containerPort !== undefined &&
                  containerPort === undefined
                )
                  notLiteral(`${containerName}.portMappings[].containerPort`);
                if (mappingName !== undefined) mapping.name = mappingName;
                if (containerPort !== undefined)
                  mapping.containerPort = containerPort;
                if (hostPort !== undefined) mapping.hostPort = hostPort;
                const protocol = r.string(m.protocol);
                if (protocol) mapping.protocol = protocol;
                const appProtocol = r.string(m.appProtocol);
                if (appProtocol) mapping.appProtocol = appProtocol;
                return mapping;
              },
            );
            const environment: Record<string, string> = {};
            for (const variable of blocks(d.environment)) {
              const key = r.string(variable.name);
              const value = r.string(variable.value);
              if (key && value !== undefined) environment[key] = value;
            }
            const essential = r.boolean(d.essential);
            return [
              {
                name: containerName ?? `container-${index + 1}`,
                image: r.string(d.image),
                essential: essential ?? true,
                portMappings,
                environment,
              },
            ];
          },
        );
      }
      const proxy = firstBlock(td.proxy_configuration);
      if (proxy) {
        proxyConfiguration = {
          type: r.string(proxy.type) ?? 'APPMESH',
          containerName: r.string(proxy.container_name) ?? '',
        };
      }
    }

    // Network configuration must match the network mode.
    const hasNetworkConfiguration =
      blocks(service.network_configuration).length > 0;
    if (td && networkMode === 'awsvpc' && !hasNetworkConfiguration) {
      problem(
        'error',
        'network-configuration-missing',
        `${address} runs an awsvpc task definition without a network_configuration block; ECS needs subnets (and security groups) to give each task its interface.`,
        'Add network_configuration { subnets = ..., security_groups = ... }.',
      );
    }
    if (td && networkMode !== 'awsvpc' && hasNetworkConfiguration) {
      problem(
        'error',
        'network-configuration-unexpected',
        `${address} has a network_configuration block, but its task definition uses ${networkMode} network mode; ECS accepts network_configuration only with awsvpc.`,
        'Remove network_configuration, or switch the task definition to awsvpc.',
      );
    }

    // Service Connect.
    let serviceConnect: PlannedService['serviceConnect'];
    const sc = firstBlock(service.service_connect_configuration);
    if (sc && r.boolean(sc.enabled) !== false) {
      let namespace: string | undefined;
      if (sc.namespace !== undefined) {
        const ref = referenceOf(sc.namespace);
        const t = ref ? target(ref) : undefined;
        if (t && t.data && NAMESPACE_DATA.has(t.type))
          namespace = r.string(r.data(t.type, t.name)?.name);
        else if (t && !t.data && NAMESPACE_RESOURCES.has(t.type))
          namespace = r.string(r.resource(t.type, t.name)?.name);
        else namespace = r.string(sc.namespace);
        if (!namespace)
          notLiteral(`${address}.service_connect_configuration.namespace`);
      }
      serviceConnect = {
        namespace,
        services: blocks(sc.service).map(entry => {
          const portName = r.string(entry.port_name);
          if (!portName)
            notLiteral(
              `${address}.service_connect_configuration.service.port_name`,
            );
          return {
            portName: portName ?? '',
            discoveryName: r.string(entry.discovery_name) || undefined,
            clientAliases: blocks(entry.client_alias).flatMap(alias => {
              const port = r.number(alias.port);
              if (port === undefined) {
                notLiteral(
                  `${address}.service_connect_configuration.service.client_alias.port`,
                );
                return [];
              }
              const dnsName = r.string(alias.dns_name);
              return [dnsName ? { dnsName, port } : { port }];
            }),
            ...serviceConnectOptions(entry, r),
          };
        }),
      };
    }

    // Service Discovery.
    const serviceDiscovery: PlannedServiceDiscovery[] = [];
    for (const registry of blocks(service.service_registries)) {
      const ref = referenceOf(registry.registry_arn);
      const t = ref ? target(ref) : undefined;
      const sd =
        t && !t.data && t.type === 'aws_service_discovery_service'
          ? r.resource(t.type, t.name)
          : undefined;
      if (!sd) {
        problem(
          'error',
          'terraform-registry-unresolved',
          `${address}.service_registries.registry_arn does not point at an aws_service_discovery_service in these files, so its records cannot be checked.`,
          'Reference the Cloud Map service resource: registry_arn = aws_service_discovery_service.<name>.arn.',
        );
        continue;
      }
      const sdAddress = `aws_service_discovery_service.${t!.name}`;
      const dnsConfig = firstBlock(sd.dns_config);
      const nsRef = dnsConfig ? referenceOf(dnsConfig.namespace_id) : undefined;
      const nsTarget = nsRef ? target(nsRef) : undefined;
      let namespace: string | undefined;
      let createNamespace = false;
      if (nsTarget?.data && NAMESPACE_DATA.has(nsTarget.type)) {
        namespace = r.string(r.data(nsTarget.type, nsTarget.name)?.name);
      } else if (
        nsTarget &&
        !nsTarget.data &&
        NAMESPACE_RESOURCES.has(nsTarget.type)
      ) {
        namespace = r.string(r.resource(nsTarget.type, nsTarget.name)?.name);
        createNamespace = true;
        if (nsTarget.type !== 'aws_service_discovery_private_dns_namespace') {
          problem(
            'error',
            'namespace-type',
            `${sdAddress} registers in a new ${nsTarget.type.replace(
              'aws_service_discovery_',
              '',
            )}, but Service Discovery for the VPC needs a private DNS namespace.`,
            'Create an aws_service_discovery_private_dns_namespace instead.',
          );
        }
      } else if (dnsConfig) {
        namespace = r.string(dnsConfig.namespace_id);
      }
      if (!namespace) {
        notLiteral(`${sdAddress}.dns_config.namespace_id`);
        continue;
      }
      const records: DnsRecordInfo[] = blocks(dnsConfig?.dns_records).flatMap(
        record => {
          const type = r.string(record.type);
          const ttl = r.number(record.ttl);
          if (!type || ttl === undefined) {
            notLiteral(`${sdAddress}.dns_config.dns_records`);
            return [];
          }
          return [{ type: type as DnsRecordInfo['type'], ttl }];
        },
      );
      if (records.length === 0) {
        problem(
          'error',
          'dns-records-missing',
          `${sdAddress} has no dns_records, so nothing in the VPC can resolve ${r.string(
            sd.name,
          )}.${namespace}.`,
          'Add dns_records { type = "A" (awsvpc) or "SRV", ttl = 10 } to dns_config.',
        );
      }
      const health = firstBlock(sd.health_check_config);
      const sdName = r.string(sd.name);
      if (!sdName) notLiteral(`${sdAddress}.name`);
      serviceDiscovery.push({
        namespace,
        createNamespace,
        name: sdName ?? '',
        records,
        routingPolicy: r.string(dnsConfig?.routing_policy),
        customHealthCheck: blocks(sd.health_check_custom_config).length > 0,
        healthCheck: health
          ? { type: r.string(health.type) ?? 'HTTP' }
          : undefined,
        containerName: r.string(registry.container_name),
        containerPort: r.number(registry.container_port),
        port: r.number(registry.port),
      });
    }

    const tags: Record<string, string> = {};
    const tagBlock = r.literal(service.tags);
    if (tagBlock && typeof tagBlock === 'object' && !Array.isArray(tagBlock)) {
      for (const [key, value] of Object.entries(tagBlock as Block)) {
        const v = r.string(value);
        if (v !== undefined) tags[key] = v;
      }
    }

    if (!serviceName || !cluster) {
      results.push({ address, problems });
      continue;
    }
    results.push({
      address,
      problems,
      plan: {
        source,
        accountId,
        region,
        cluster,
        serviceName,
        family: td ? r.string(td.family) : undefined,
        networkMode,
        containers,
        proxyConfiguration,
        serviceConnect,
        serviceDiscovery,
        tags,
        dependencies: [],
        intent: options.intent,
      },
    });
  }
  return results;
}
