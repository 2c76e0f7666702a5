import {
  APP_PROTOCOLS,
  type AppProtocol,
  type PlanInput,
} from '@ecs-net/plugin-ecs-networking-common';

/** ui:options of EcsPlanCheck. */
export interface EcsPlanCheckUiOptions {
  /**
   * What the template creates, as `ecs-networking:validate` takes it;
   * default service-connect.
   */
  mode?: PlanInput['mode'];
  /**
   * Template fields whose problems this check shows (those of its step);
   * all problems when absent.
   */
  show?: string[];
  /**
   * Template field names where a template departs from the convention below
   * (`{ "serviceDiscovery.namespace": "sdNamespace" }`), by plan input path.
   */
  fields?: Record<string, string>;
}

/**
 * Which template field holds each plan input, as the new-service templates
 * name them; their validate step builds its input from the same fields.
 */
const CONVENTION: Record<string, string> = {
  accountId: 'accountId',
  region: 'region',
  cluster: 'cluster',
  serviceName: 'name',
  networkMode: 'networkMode',
  'container.name': 'name',
  'container.port': 'containerPort',
  'container.portName': 'portName',
  'container.appProtocol': 'appProtocol',
  'serviceConnect.namespace': 'namespace',
  'serviceConnect.portName': 'portName',
  'serviceConnect.discoveryName': 'discoveryName',
  'serviceConnect.clientAlias.dnsName': 'aliasDnsName',
  'serviceConnect.clientAlias.port': 'aliasPort',
  'serviceConnect.timeout.idleTimeoutSeconds': 'idleTimeoutSeconds',
  'serviceConnect.timeout.perRequestTimeoutSeconds': 'perRequestTimeoutSeconds',
  'serviceConnect.tls.certificateAuthorityArn': 'tlsCertificateAuthorityArn',
  'serviceConnect.tls.kmsKey': 'tlsKmsKey',
  'serviceConnect.tls.roleArn': 'tlsRoleArn',
  'serviceDiscovery.namespace': 'namespace',
  'serviceDiscovery.name': 'sdName',
  'serviceDiscovery.recordType': 'recordType',
  'serviceDiscovery.ttl': 'ttl',
  'serviceDiscovery.customHealthCheck': 'sdName',
  dependencies: 'dependencies',
  'tags.owner': 'owner',
  'tags.system': 'system',
  'tags.component': 'name',
};

/** What a person calls each input, for messages. */
export const INPUT_LABELS: Record<string, string> = {
  accountId: 'AWS account',
  region: 'Region',
  cluster: 'ECS cluster',
  serviceName: 'Name',
  networkMode: 'Network mode',
  'container.name': 'Name',
  'container.port': 'Container port',
  'container.portName': 'Port mapping name',
  'container.appProtocol': 'Application protocol',
  'serviceConnect.namespace': 'Service Connect namespace',
  'serviceConnect.portName': 'Port mapping name',
  'serviceConnect.discoveryName': 'Discovery name',
  'serviceConnect.clientAlias.dnsName': 'Client alias DNS name',
  'serviceConnect.clientAlias.port': 'Client alias port',
  'serviceConnect.timeout.idleTimeoutSeconds': 'Idle timeout',
  'serviceConnect.timeout.perRequestTimeoutSeconds': 'Per-request timeout',
  'serviceConnect.tls.certificateAuthorityArn':
    'Service Connect TLS Private CA',
  'serviceConnect.tls.kmsKey': 'Service Connect TLS KMS key',
  'serviceConnect.tls.roleArn': 'Service Connect TLS role',
  'serviceDiscovery.namespace': 'Service Discovery namespace',
  'serviceDiscovery.name': 'Service Discovery name',
  'serviceDiscovery.recordType': 'DNS record type',
  'serviceDiscovery.ttl': 'DNS TTL',
  'serviceDiscovery.customHealthCheck': 'Service Discovery name',
  dependencies: 'Endpoints this service calls',
  'tags.owner': 'Owner',
  'tags.system': 'System',
  'tags.component': 'Name',
};

type FormData = Record<string, unknown>;

function appProtocolOf(value: string): AppProtocol | undefined {
  return (APP_PROTOCOLS as readonly string[]).includes(value)
    ? (value as AppProtocol)
    : undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const number = (value: unknown) =>
  typeof value === 'number' ? value : Number(value ?? Number.NaN);
/** An optional number field: absent until something is typed. */
const optionalNumber = (value: unknown) =>
  value === undefined || value === '' ? undefined : number(value);

/**
 * The plan input a new-service template's validate step would build from
 * the form as it stands, and which template field holds each input.
 */
export function formPlan(
  options: EcsPlanCheckUiOptions,
  form: FormData,
): {
  input: PlanInput;
  fieldOf(inputPath: string | undefined): string | undefined;
} {
  const names = { ...CONVENTION, ...options.fields };
  const mode = options.mode ?? 'service-connect';
  const at = (path: string) => form[names[path]];
  const name = text(at('serviceName'));
  const networkMode = (text(at('networkMode')) ||
    'awsvpc') as PlanInput['networkMode'];
  const createNamespace = form.createNamespace === true;
  const input: PlanInput = {
    mode,
    accountId: text(at('accountId')),
    region: text(at('region')),
    cluster: text(at('cluster')),
    serviceName: name,
    networkMode,
    container: {
      name,
      port: number(at('container.port')),
      portName: text(at('container.portName')),
      // The templates' "tcp" is no appProtocol at all.
      appProtocol: appProtocolOf(text(at('container.appProtocol'))),
    },
    dependencies: Array.isArray(at('dependencies'))
      ? (at('dependencies') as string[])
      : [],
    tags: {
      owner: text(at('tags.owner')).replace('group:default/', '') || undefined,
      system:
        text(at('tags.system')).replace('system:default/', '') || undefined,
      lifecycle: text(form.lifecycle) || undefined,
      component: name || undefined,
    },
  };
  if (mode !== 'service-discovery') {
    input.serviceConnect = {
      namespace:
        form.useClusterDefaultNamespace === false
          ? text(at('serviceConnect.namespace'))
          : '',
      portName: text(at('serviceConnect.portName')),
      discoveryName: text(at('serviceConnect.discoveryName')) || name,
      clientAlias: {
        dnsName: text(at('serviceConnect.clientAlias.dnsName')) || name,
        // Until its step is shown, the alias port is the container port
        // (both default to 8080 in the templates).
        port: number(
          at('serviceConnect.clientAlias.port') ?? at('container.port'),
        ),
      },
    };
  }
  if (input.serviceConnect) {
    const idleTimeoutSeconds = optionalNumber(
      at('serviceConnect.timeout.idleTimeoutSeconds'),
    );
    const perRequestTimeoutSeconds = optionalNumber(
      at('serviceConnect.timeout.perRequestTimeoutSeconds'),
    );
    if (
      idleTimeoutSeconds !== undefined ||
      perRequestTimeoutSeconds !== undefined
    )
      input.serviceConnect.timeout = {
        idleTimeoutSeconds,
        perRequestTimeoutSeconds,
      };
    const tls = {
      certificateAuthorityArn: text(
        at('serviceConnect.tls.certificateAuthorityArn'),
      ),
      kmsKey: text(at('serviceConnect.tls.kmsKey')),
      roleArn: text(at('serviceConnect.tls.roleArn')),
    };
    if (Object.values(tls).some(Boolean)) input.serviceConnect.tls = tls;
  }
  if (mode !== 'service-connect') {
    input.serviceDiscovery = {
      namespace: createNamespace
        ? text(form.newNamespace)
        : text(at('serviceDiscovery.namespace')),
      createNamespace,
      name: text(at('serviceDiscovery.name')) || name,
      recordType: (text(at('serviceDiscovery.recordType')) ||
        (networkMode === 'awsvpc' ? 'A' : 'SRV')) as 'A' | 'SRV',
      ttl: number(at('serviceDiscovery.ttl') ?? 10),
      routingPolicy: (text(form.routingPolicy) || 'MULTIVALUE') as
        | 'MULTIVALUE'
        | 'WEIGHTED',
      customHealthCheck: true,
    };
  }
  const fieldOf = (path: string | undefined) => {
    if (!path) return undefined;
    if (path === 'serviceDiscovery.namespace' && createNamespace)
      return 'newNamespace';
    return names[path];
  };
  return { input, fieldOf };
}
