import {
  openErrorsOf,
  type Endpoint,
  type Finding,
  type Mechanism,
  type ModelNamespace,
  type NamespaceType,
  type NetworkResponse,
} from '@ecs-net/plugin-ecs-networking-common';

/** Reads `/api/ecs-networking/network` with the signed-in user's credentials. */
/** The account and region a picker shows, when it is narrowed to one. */
export interface Scope {
  accountId?: string;
  region?: string;
}

/** ui:options shared by both pickers. */
export interface ScopeUiOptions {
  /** Fixed account; else read from the form field named by accountIdField. */
  accountId?: string;
  region?: string;
  /** Form field holding the account id. Default `accountId`. */
  accountIdField?: string;
  /** Form field holding the region. Default `region`. */
  regionField?: string;
}

function valueAt(formData: unknown, path: string): string | undefined {
  let current: unknown = formData;
  for (const key of path.split('.')) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'string' && current ? current : undefined;
}

/**
 * The account and region to show: fixed in ui:options, or taken from other
 * fields of the form (all steps' data is in formContext.formData).
 */
export function scopeOf(
  options: ScopeUiOptions | undefined,
  formData: unknown,
): Scope {
  return {
    accountId:
      options?.accountId ??
      valueAt(formData, options?.accountIdField ?? 'accountId'),
    region:
      options?.region ?? valueAt(formData, options?.regionField ?? 'region'),
  };
}

export function inScope(
  item: { accountId: string; region: string },
  scope: Scope,
): boolean {
  return (
    (!scope.accountId || item.accountId === scope.accountId) &&
    (!scope.region || item.region === scope.region)
  );
}

export interface NamespaceOption {
  /**
   * What the field stores: the namespace name, or the ARN of a namespace
   * another account shares with the scope's account (only the ARN reaches it).
   */
  value: string;
  namespace: ModelNamespace;
  /** The owner account, when the namespace is shared with the scope's account. */
  sharedBy?: string;
}

/** Shared through AWS RAM with the scope's account, in the scope's region. */
function sharedWithScope(namespace: ModelNamespace, scope: Scope): boolean {
  return (
    !!scope.accountId &&
    namespace.accountId !== scope.accountId &&
    (namespace.sharedWith ?? []).includes(scope.accountId) &&
    (!scope.region || namespace.region === scope.region)
  );
}

/**
 * Namespaces of the scope and types, and those other accounts share with
 * the scope's account; one option per name or ARN, sorted.
 */
export function namespaceOptions(
  network: Pick<NetworkResponse, 'namespaces'>,
  scope: Scope,
  types?: NamespaceType[],
): NamespaceOption[] {
  const seen = new Set<string>();
  return network.namespaces
    .filter(ns => !types?.length || types.includes(ns.type))
    .flatMap((namespace): NamespaceOption[] => {
      if (inScope(namespace, scope))
        return [{ value: namespace.name, namespace }];
      if (sharedWithScope(namespace, scope))
        return [
          { value: namespace.arn, namespace, sharedBy: namespace.accountId },
        ];
      return [];
    })
    .filter(({ value, namespace }) => {
      const key = `${namespace.accountId}/${namespace.region}/${value}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.value.localeCompare(b.value));
}

export interface EndpointOption {
  /** What the field stores: the endpoint name (`order-service:8080`). */
  value: string;
  endpoint: Endpoint;
  /** `cluster/service` answering on it. */
  service: string;
  owner?: string;
  /** Open error findings of the service answering on it. */
  openErrors: Finding[];
}

export const MECHANISM_LABELS: Record<Mechanism, string> = {
  connect: 'Service Connect',
  dns: 'DNS (Service Discovery)',
  'http-api': 'Cloud Map API',
  'load-balancer': 'Load balancer',
  lattice: 'VPC Lattice',
};

/** Endpoints of the scope and mechanisms with who answers and owns them, one per name. */
export function endpointOptions(
  network: Pick<NetworkResponse, 'endpoints' | 'services' | 'findings'>,
  scope: Scope,
  mechanisms?: Mechanism[],
): EndpointOption[] {
  const services = new Map(network.services.map(s => [s.arn, s]));
  const byName = new Map<string, EndpointOption>();
  for (const endpoint of network.endpoints) {
    if (!inScope(endpoint, scope)) continue;
    if (mechanisms?.length && !mechanisms.includes(endpoint.mechanism))
      continue;
    if (byName.has(endpoint.name)) continue;
    const service = services.get(endpoint.serviceArn);
    byName.set(endpoint.name, {
      value: endpoint.name,
      endpoint,
      service: service
        ? `${service.cluster}/${service.name}`
        : endpoint.serviceArn,
      owner: service?.owner,
      openErrors: service ? openErrorsOf(service, network.findings) : [],
    });
  }
  return [...byName.values()].sort((a, b) => a.value.localeCompare(b.value));
}

/** One line describing an endpoint option: mechanism, namespace, service, owner. */
export function describeEndpoint(option: EndpointOption): string {
  const parts = [MECHANISM_LABELS[option.endpoint.mechanism]];
  if (option.endpoint.namespace) parts.push(option.endpoint.namespace.name);
  parts.push(option.service);
  parts.push(option.owner ? `owner ${option.owner}` : 'no owner tag');
  if (option.openErrors.length > 0) parts.push(openErrorsText(option));
  return parts.join(' · ');
}

/** `2 open errors (service-connect-port-name)`: why a dependency may not work. */
export function openErrorsText(option: EndpointOption): string {
  const count = option.openErrors.length;
  const rules = [...new Set(option.openErrors.map(f => f.ruleId))];
  return `${count} open error${count === 1 ? '' : 's'} (${rules.join(', ')})`;
}
