import { effectiveDiscoveryName } from '../endpoints';
import { DNS_LABEL, matchesNameRule } from '../nameRules';
import type {
  NetworkMode,
  ServiceConnectTimeoutInfo,
  ServiceConnectTlsInfo,
} from '../snapshot';
import { DEFAULT_TAG_KEYS, type TagKeys } from '../tagKeys';
import { bindDependencies } from './dependencies';
import type { PlannedService, Problem } from './types';

/**
 * The `appProtocol`s ECS takes on a port mapping; Service Connect's proxy
 * reads requests only on these (per-request timeouts, HTTP metrics).
 *
 * @public
 */
export const APP_PROTOCOLS = ['http', 'http2', 'grpc'] as const;

/** @public */
export type AppProtocol = (typeof APP_PROTOCOLS)[number];

/**
 * A planned service as a template form holds it: the input of
 * `ecs-networking:validate` after its defaults are applied, and what the
 * scaffolder form's check builds from the fields as the person types.
 *
 * @public
 */
export interface PlanInput {
  mode: 'service-connect' | 'service-discovery' | 'both';
  accountId: string;
  region: string;
  cluster: string;
  serviceName: string;
  networkMode: Extract<NetworkMode, 'awsvpc' | 'bridge' | 'host'>;
  container: {
    name: string;
    port: number;
    portName: string;
    /** The port mapping's appProtocol; absent or empty for plain TCP. */
    appProtocol?: AppProtocol | '';
  };
  serviceConnect?: {
    namespace?: string;
    portName?: string;
    discoveryName?: string;
    clientAlias: { dnsName: string; port: number };
    /** Service Connect TLS through AWS Private CA (the service entry's `tls`). */
    tls?: ServiceConnectTlsInfo;
    /** The service entry's `timeout`; 0 turns a timeout off. */
    timeout?: ServiceConnectTimeoutInfo;
  };
  serviceDiscovery?: {
    namespace: string;
    createNamespace: boolean;
    name: string;
    recordType: 'A' | 'SRV';
    ttl: number;
    routingPolicy: 'MULTIVALUE' | 'WEIGHTED';
    customHealthCheck: boolean;
  };
  dependencies: string[];
  tags: {
    owner?: string;
    system?: string;
    lifecycle?: string;
    component?: string;
  };
  replacesServiceArn?: string;
}

/** The entry's TLS and timeouts, each only when something of it is set. */
function serviceConnectOptions({
  tls,
  timeout,
}: NonNullable<PlanInput['serviceConnect']>): {
  tls?: ServiceConnectTlsInfo;
  timeout?: ServiceConnectTimeoutInfo;
} {
  const options: ReturnType<typeof serviceConnectOptions> = {};
  if (tls?.certificateAuthorityArn) {
    options.tls = { certificateAuthorityArn: tls.certificateAuthorityArn };
    if (tls.kmsKey) options.tls.kmsKey = tls.kmsKey;
    if (tls.roleArn) options.tls.roleArn = tls.roleArn;
  }
  const { idleTimeoutSeconds, perRequestTimeoutSeconds } = timeout ?? {};
  if (
    idleTimeoutSeconds !== undefined ||
    perRequestTimeoutSeconds !== undefined
  )
    options.timeout = { idleTimeoutSeconds, perRequestTimeoutSeconds };
  return options;
}

/**
 * Turns a planned service as a template form holds it into the plan shape
 * the checks take, with the problems of the input itself (a mode without its
 * settings, a port name that is no DNS label).
 *
 * @public
 */
export function planFromInput(
  input: PlanInput,
  tagKeys: TagKeys = DEFAULT_TAG_KEYS,
): { plan: PlannedService; problems: Problem[] } {
  const problems: Problem[] = [];
  const connect = input.mode !== 'service-discovery';
  const discovery = input.mode !== 'service-connect';
  if (connect && !input.serviceConnect) {
    problems.push({
      severity: 'error',
      ruleId: 'input-incomplete',
      message: `Mode ${input.mode} needs serviceConnect settings (client alias dnsName and port).`,
      fix: 'Fill in the Service Connect section.',
    });
  }
  if (discovery && !input.serviceDiscovery) {
    problems.push({
      severity: 'error',
      ruleId: 'input-incomplete',
      message: `Mode ${input.mode} needs serviceDiscovery settings (namespace, name, record type).`,
      fix: 'Fill in the Service Discovery section.',
    });
  }

  // bridge: a dynamic host port; host: the container port itself.
  const hostPorts: Record<string, number | undefined> = {
    bridge: 0,
    host: input.container.port,
  };
  const hostPort = hostPorts[input.networkMode];
  const bindings = bindDependencies(input.dependencies);
  const tags: Record<string, string> = {};
  for (const key of ['owner', 'system', 'lifecycle', 'component'] as const) {
    const value = input.tags[key]?.trim();
    if (value) tags[tagKeys[key]] = value;
  }

  const plan: PlannedService = {
    source: 'input',
    accountId: input.accountId,
    region: input.region,
    cluster: input.cluster,
    serviceName: input.serviceName,
    networkMode: input.networkMode,
    containers: [
      {
        name: input.container.name,
        essential: true,
        portMappings: [
          {
            name: input.container.portName,
            containerPort: input.container.port,
            ...(hostPort !== undefined ? { hostPort } : {}),
            protocol: 'tcp',
            ...(input.container.appProtocol
              ? { appProtocol: input.container.appProtocol }
              : {}),
          },
        ],
        environment: Object.fromEntries(
          bindings.map(b => [b.variable, b.value]),
        ),
      },
    ],
    serviceDiscovery: [],
    tags,
    dependencies: input.dependencies,
    intent: input.replacesServiceArn ? 'update' : 'create',
  };

  const sc = input.serviceConnect;
  if (connect && sc) {
    const entry = {
      portName: sc.portName || input.container.portName,
      discoveryName: sc.discoveryName || undefined,
      clientAliases: [
        { dnsName: sc.clientAlias.dnsName, port: sc.clientAlias.port },
      ],
      ...serviceConnectOptions(sc),
    };
    if ((sc.tls?.kmsKey || sc.tls?.roleArn) && !entry.tls) {
      problems.push({
        severity: 'error',
        ruleId: 'input-incomplete',
        field: 'serviceConnect.tls.certificateAuthorityArn',
        message:
          'Service Connect TLS needs the AWS Private CA that issues its certificates; a KMS key or role alone does not turn it on.',
        fix: 'Give the Private CA ARN, or clear the KMS key and role.',
      });
    }
    const discoveryName = effectiveDiscoveryName(entry);
    if (!matchesNameRule(DNS_LABEL, discoveryName)) {
      problems.push({
        severity: 'error',
        ruleId: 'discovery-name-syntax',
        message: `Without a discoveryName ECS registers the port name "${discoveryName}" in Cloud Map, and it is not a valid DNS label: it ${DNS_LABEL.message}.`,
        fix: 'Set serviceConnect.discoveryName to a DNS label, or rename the port.',
      });
    }
    plan.serviceConnect = {
      namespace: sc.namespace || undefined,
      services: [entry],
    };
  }
  const sd = input.serviceDiscovery;
  if (discovery && sd) {
    const srv = sd.recordType === 'SRV';
    plan.serviceDiscovery.push({
      namespace: sd.namespace,
      createNamespace: sd.createNamespace,
      name: sd.name,
      records: [{ type: sd.recordType, ttl: sd.ttl }],
      routingPolicy: sd.routingPolicy,
      customHealthCheck: sd.customHealthCheck,
      // An SRV record carries the port: tell ECS which container port.
      ...(srv
        ? {
            containerName: input.container.name,
            containerPort: input.container.port,
          }
        : {}),
    });
    if (sd.createNamespace && sd.namespace.startsWith('arn:')) {
      problems.push({
        severity: 'error',
        ruleId: 'input-incomplete',
        message: 'A namespace to create needs a name, not an ARN.',
        fix: 'Give the new namespace a DNS name such as orders.internal.',
      });
    }
  }

  if (input.replacesServiceArn) {
    const expected = `arn:aws:ecs:${input.region}:${input.accountId}:service/${input.cluster}/${input.serviceName}`;
    if (
      input.replacesServiceArn.replace(/^arn:aws[a-z-]*:/, 'arn:aws:') !==
      expected
    ) {
      problems.push({
        severity: 'error',
        ruleId: 'input-incomplete',
        message: `replacesServiceArn ${input.replacesServiceArn} is not the planned service (${expected}).`,
        fix: 'Keep account, region, cluster and service name of the service being changed.',
      });
    }
  }
  return { plan, problems };
}

/** `The planned ECS service "checkout" (account …, region, cluster …)` @public */
export function describePlan(plan: PlannedService): string {
  return `The planned ECS service "${plan.serviceName}" (account ${plan.accountId}, ${plan.region}, cluster ${plan.cluster})`;
}
