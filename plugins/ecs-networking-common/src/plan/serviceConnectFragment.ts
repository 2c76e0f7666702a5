import { effectiveDiscoveryName } from '../endpoints';
import { serviceConnectRegistry } from '../serviceConnectRegistry';
import type {
  CloudMapServiceInfo,
  NamespaceInfo,
  ServiceConnectInfo,
} from '../snapshot';
import { findNamespace } from './findNamespace';
import { planArn, slug } from './planArns';
import type { PlanScope } from './resolveScope';
import type {
  AddProblem,
  PlannedService,
  ResolvedServiceConnect,
} from './types';

export interface ServiceConnectFragment {
  config: ServiceConnectInfo;
  /** The Cloud Map services ECS will create for the discovery names. */
  cloudMapServices: CloudMapServiceInfo[];
  resolved?: ResolvedServiceConnect;
  /**
   * True when the namespace problem is reported here already, so the lint
   * rule's "no namespace" finding would say it again.
   */
  namespaceReported: boolean;
}

const NAMESPACE_FIELD = 'serviceConnect.namespace';

function namespaceOf(
  plan: PlannedService,
  { scope, cluster }: PlanScope,
  add: AddProblem,
): { namespace?: NamespaceInfo; fromCluster: boolean; reported: boolean } {
  const ref = plan.serviceConnect?.namespace;
  if (ref) {
    const lookup = findNamespace(plan, scope, ref, 'Service Connect');
    if ('namespace' in lookup)
      return {
        namespace: lookup.namespace,
        fromCluster: false,
        reported: false,
      };
    add('error', { ...lookup.problem, field: NAMESPACE_FIELD });
    return { fromCluster: false, reported: true };
  }
  const fallback = cluster.serviceConnectDefaultNamespace;
  if (!fallback) return { fromCluster: false, reported: false };
  const namespace = scope.namespaces.find(ns => ns.arn === fallback);
  if (namespace) return { namespace, fromCluster: true, reported: false };
  add('error', {
    ruleId: 'namespace-not-found',
    message: `Cluster ${cluster.name}'s default Service Connect namespace ${fallback} is not among the namespaces read in ${plan.accountId} / ${plan.region}.`,
    fix: 'Choose a namespace explicitly.',
    field: NAMESPACE_FIELD,
  });
  return { fromCluster: true, reported: true };
}

function refByNameOrId(ref: string | undefined): string | undefined {
  return ref && !ref.startsWith('arn:') ? ref : undefined;
}

/**
 * Step 2a: the plan's Service Connect configuration as the snapshot would
 * hold it once ECS deployed it, with the Cloud Map services ECS registers.
 * Undefined when the plan has no Service Connect.
 */
export function serviceConnectFragment(
  plan: PlannedService,
  planScope: PlanScope,
  add: AddProblem,
): ServiceConnectFragment | undefined {
  if (!plan.serviceConnect) return undefined;
  const { namespace, fromCluster, reported } = namespaceOf(
    plan,
    planScope,
    add,
  );
  const cloudMapServices: CloudMapServiceInfo[] = [];
  const config: ServiceConnectInfo = {
    enabled: true,
    namespace: namespace?.arn,
    namespaceFromCluster: fromCluster,
    // As ECS keeps it: a name or ID, which only reaches the account's own
    // namespaces (service-connect-shared-namespace-reference says so).
    namespaceReference: refByNameOrId(plan.serviceConnect.namespace),
    since: new Date().toISOString(),
    services: plan.serviceConnect.services.map(entry => {
      const discoveryName = effectiveDiscoveryName(entry);
      let discoveryArn: string | undefined;
      if (namespace) {
        discoveryArn = planArn(
          plan,
          'servicediscovery',
          `service/srv-planned-sc-${slug(namespace.name)}-${slug(
            discoveryName,
          )}`,
        );
        cloudMapServices.push(
          serviceConnectRegistry({
            arn: discoveryArn,
            name: discoveryName,
            namespaceId: namespace.id,
          }),
        );
      }
      return {
        portName: entry.portName,
        discoveryName: entry.discoveryName || undefined,
        discoveryArn,
        clientAliases: entry.clientAliases,
        ...(entry.tls ? { tls: entry.tls } : {}),
        ...(entry.timeout ? { timeout: entry.timeout } : {}),
      };
    }),
  };
  const first = plan.serviceConnect.services[0];
  const resolved: ResolvedServiceConnect | undefined =
    namespace && first
      ? {
          namespaceArn: namespace.arn,
          namespaceName: namespace.name,
          namespaceType: namespace.type,
          ...(namespace.ownerAccountId
            ? { namespaceOwnerAccountId: namespace.ownerAccountId }
            : {}),
          namespaceFromCluster: fromCluster,
          portName: first.portName,
          discoveryName: effectiveDiscoveryName(first),
          clientAliases: first.clientAliases.map(
            a =>
              `${
                a.dnsName ||
                `${effectiveDiscoveryName(first)}.${namespace.name}`
              }:${a.port}`,
          ),
        }
      : undefined;
  return { config, cloudMapServices, resolved, namespaceReported: reported };
}
