import type {
  Edge,
  Endpoint,
  Finding,
  FindingSubject,
  Severity,
  UnresolvedReference,
} from '../model';
import type {
  CloudMapServiceInfo,
  EcsServiceInfo,
  NamespaceInfo,
  PortMappingInfo,
  ServiceConnectService,
  TaskDefinitionInfo,
} from '../snapshot';
import type { DriftInput } from '../drift';
import type { EndpointIndex } from '../endpointIndex';
import type { TagKeys } from '../tagKeys';
import type { Scoped, ScopeIndex } from '../scopeIndex';

/**
 * Everything a lint rule may look at: the indexed snapshots and the analysed
 * endpoints, edges and unresolved references.
 *
 * @public
 */
export interface RuleContext {
  scopes: ScopeIndex;
  endpoints: EndpointIndex;
  edges: Edge[];
  unresolved: UnresolvedReference[];
  tagKeys: TagKeys;
  /** Component refs that component tags name and the catalog does not hold; absent where the catalog was not read. */
  catalogMissingComponents?: string[];
  /** What the catalog declares, to compare with the observed calls; absent where the catalog was not read or drift is off. */
  drift?: DriftInput;
}

/** @public */
export interface LintRule {
  /** Stable id, used in findings, docs and suppressions. */
  id: string;
  severity: Severity;
  title: string;
  description: string;
  check(context: RuleContext): Finding[];
}

export function serviceSubject(
  service: Scoped<EcsServiceInfo>,
): FindingSubject {
  return {
    kind: 'service',
    arn: service.item.arn,
    name: service.item.name,
    accountId: service.accountId,
    region: service.region,
  };
}

export function cloudMapServiceSubject(
  service: Scoped<CloudMapServiceInfo>,
): FindingSubject {
  return {
    kind: 'cloud-map-service',
    arn: service.item.arn,
    name: service.item.name,
    accountId: service.accountId,
    region: service.region,
  };
}

export function namespaceSubject(
  namespace: Scoped<NamespaceInfo>,
): FindingSubject {
  return {
    kind: 'namespace',
    arn: namespace.item.arn,
    name: namespace.item.name,
    accountId: namespace.accountId,
    region: namespace.region,
  };
}

export function finding(
  rule: Pick<LintRule, 'id' | 'severity'>,
  subject: FindingSubject,
  message: string,
  fix: string,
): Finding {
  return { ruleId: rule.id, severity: rule.severity, subject, message, fix };
}

/** Display name of the service an endpoint belongs to. */
export function ownerName(context: RuleContext, endpoint: Endpoint): string {
  return (
    context.scopes.serviceByArn.get(endpoint.serviceArn)?.item.name ??
    endpoint.serviceArn
  );
}

/** ECS services registered in each Cloud Map service (by its ARN). */
export function registrantsByCloudMapService(
  scopes: ScopeIndex,
): Map<string, Scoped<EcsServiceInfo>[]> {
  const byArn = new Map<string, Scoped<EcsServiceInfo>[]>();
  for (const service of scopes.services) {
    for (const registry of service.item.serviceRegistries) {
      const list = byArn.get(registry.registryArn);
      if (list) list.push(service);
      else byArn.set(registry.registryArn, [service]);
    }
  }
  return byArn;
}

/** The port mapping a Service Connect or VPC Lattice `portName` names, if any. */
export function portMappingNamed(
  td: TaskDefinitionInfo,
  portName: string,
): PortMappingInfo | undefined {
  for (const container of td.containers) {
    const mapping = container.portMappings.find(m => m.name === portName);
    if (mapping) return mapping;
  }
  return undefined;
}

/** The port mapping names of a task definition, sorted, for a fix text. */
export function portMappingNames(td: TaskDefinitionInfo): string {
  const names = td.containers.flatMap(c =>
    c.portMappings.flatMap(m => (m.name ? [m.name] : [])),
  );
  return [...new Set(names)].sort().join(', ') || 'none';
}

/**
 * Each Service Connect entry of the services that have Service Connect on
 * and a known task definition, the shape of every rule about one entry.
 */
export function* serviceConnectEntries(scopes: ScopeIndex): Generator<{
  service: Scoped<EcsServiceInfo>;
  td: TaskDefinitionInfo;
  entry: ServiceConnectService;
}> {
  for (const service of scopes.services) {
    const sc = service.item.serviceConnect;
    const td = scopes.taskDefinitionOf(service.item);
    if (!sc?.enabled || !td) continue;
    for (const entry of sc.services) yield { service, td, entry };
  }
}
