import { arnResourceName } from '../arns';
import type { ModelService } from '../model';
import { normalizeHost } from '../names';
import type {
  CloudMapServiceInfo,
  EcsServiceInfo,
  NamespaceInfo,
  ServiceRegistryInfo,
} from '../snapshot';
import { findNamespace } from './findNamespace';
import { describeService } from './owners';
import { planArn, slug } from './planArns';
import type { PlanScope } from './resolveScope';
import type {
  AddProblem,
  PlannedService,
  PlannedServiceDiscovery,
  ResolvedServiceDiscovery,
} from './types';

export interface ServiceDiscoveryFragment {
  registries: ServiceRegistryInfo[];
  /** Namespaces the plan creates. */
  namespaces: NamespaceInfo[];
  /** Cloud Map services the plan creates. */
  cloudMapServices: CloudMapServiceInfo[];
  resolved: ResolvedServiceDiscovery[];
}

interface Context {
  plan: PlannedService;
  planScope: PlanScope;
  /** The live service the plan replaces: its own names are not taken. */
  replaced?: EcsServiceInfo;
  /** Live services by ARN, to name the owner of a name that is taken. */
  services: Map<string, ModelService>;
  add: AddProblem;
}

const NAMESPACE_FIELD = 'serviceDiscovery.namespace';

function newNamespace(
  { plan, planScope, add }: Context,
  sd: PlannedServiceDiscovery,
): NamespaceInfo {
  const clash = planScope.scope.namespaces.find(
    ns => normalizeHost(ns.name) === normalizeHost(sd.namespace),
  );
  if (clash) {
    add('error', {
      ruleId: 'namespace-exists',
      message: `A namespace named ${clash.name} (${clash.type}) already exists in ${plan.accountId} / ${plan.region}; creating another of the same name makes every name under it ambiguous.`,
      fix: `Use the existing namespace ${clash.name}, or choose another name for the new one.`,
    });
  }
  const id = `ns-planned-${slug(sd.namespace)}`;
  return {
    id,
    arn: planArn(plan, 'servicediscovery', `namespace/${id}`),
    name: normalizeHost(sd.namespace),
    type: 'DNS_PRIVATE',
    tags: {},
  };
}

function liveNamespace(
  { plan, planScope, add }: Context,
  sd: PlannedServiceDiscovery,
): NamespaceInfo | undefined {
  const lookup = findNamespace(
    plan,
    planScope.scope,
    sd.namespace,
    'Service Discovery',
  );
  if (!('namespace' in lookup)) {
    add('error', { ...lookup.problem, field: NAMESPACE_FIELD });
    return undefined;
  }
  const namespace = lookup.namespace;
  if (namespace.type !== 'DNS_PRIVATE') {
    add('error', {
      ruleId: 'namespace-type',
      message: `Service Discovery namespace ${namespace.name} is ${
        namespace.type
      }, not a private DNS namespace (DNS_PRIVATE): ${
        namespace.type === 'HTTP'
          ? 'an HTTP namespace has no DNS records, so nothing in the VPC can resolve the name'
          : "a public DNS namespace would publish the tasks' private addresses on the internet"
      }.`,
      fix: `Pick a private DNS namespace of ${plan.accountId} / ${plan.region}, or create one.`,
    });
  }
  return namespace;
}

/**
 * The live Cloud Map service already holding the name, when there is one;
 * reports it unless only the replaced service uses it.
 */
function takenRegistry(
  { planScope, replaced, services, add }: Context,
  sd: PlannedServiceDiscovery,
  namespace: NamespaceInfo,
): string | undefined {
  const { scope } = planScope;
  const taken = scope.cloudMapServices.filter(
    c =>
      c.namespaceId === namespace.id &&
      !c.managedByEcs &&
      normalizeHost(c.name) === normalizeHost(sd.name),
  );
  let registryArn: string | undefined;
  for (const cloudMap of taken) {
    registryArn = cloudMap.arn;
    const users = scope.services.filter(s =>
      s.serviceRegistries.some(r => r.registryArn === cloudMap.arn),
    );
    const ownName =
      replaced && users.length > 0 && users.every(u => u.arn === replaced.arn);
    if (ownName) continue;
    const who = users.length
      ? `registered by ${users
          .map(u => describeService(services.get(u.arn), u.name))
          .join(', ')}`
      : 'with no ECS service registered in it';
    add('error', {
      ruleId: 'service-discovery-name-taken',
      message: `Service Discovery name ${sd.name}.${namespace.name} is already taken: Cloud Map service ${cloudMap.name} exists, ${who}.`,
      fix: `Choose another Service Discovery name, or another namespace.`,
    });
  }
  return registryArn;
}

function plannedRegistry(
  plan: PlannedService,
  sd: PlannedServiceDiscovery,
  namespace: NamespaceInfo,
): CloudMapServiceInfo {
  const arn = planArn(
    plan,
    'servicediscovery',
    `service/srv-planned-sd-${slug(namespace.name)}-${slug(sd.name)}`,
  );
  return {
    id: arnResourceName(arn),
    arn,
    name: sd.name,
    namespaceId: namespace.id,
    type: 'DNS_HTTP',
    dnsRecords: sd.records,
    routingPolicy: sd.routingPolicy,
    healthCheck: sd.healthCheck,
    customHealthCheck: sd.customHealthCheck,
    managedByEcs: false,
    tags: {},
    instances: [],
  };
}

/**
 * Step 2b: the plan's Service Discovery registrations: the namespaces and
 * Cloud Map services it creates, or the live ones it names, and whether
 * their names are still free.
 */
export function serviceDiscoveryFragment(
  context: Context,
): ServiceDiscoveryFragment {
  const { plan } = context;
  const fragment: ServiceDiscoveryFragment = {
    registries: [],
    namespaces: [],
    cloudMapServices: [],
    resolved: [],
  };
  for (const sd of plan.serviceDiscovery) {
    const namespace = sd.createNamespace
      ? newNamespace(context, sd)
      : liveNamespace(context, sd);
    if (!namespace) continue;
    if (
      sd.createNamespace &&
      !fragment.namespaces.some(ns => ns.id === namespace.id)
    )
      fragment.namespaces.push(namespace);

    let registryArn = takenRegistry(context, sd, namespace);
    if (!registryArn) {
      const registry = plannedRegistry(plan, sd, namespace);
      fragment.cloudMapServices.push(registry);
      registryArn = registry.arn;
    }
    fragment.registries.push({
      registryArn,
      containerName: sd.containerName,
      containerPort: sd.containerPort,
      port: sd.port,
    });
    fragment.resolved.push({
      namespaceName: namespace.name,
      namespaceArn: sd.createNamespace ? undefined : namespace.arn,
      namespaceId: sd.createNamespace ? undefined : namespace.id,
      createNamespace: sd.createNamespace,
      name: sd.name,
      fqdn: `${sd.name}.${namespace.name}`,
      recordTypes: sd.records.map(r => r.type),
      ttl: Math.max(0, ...sd.records.map(r => r.ttl)),
    });
  }
  return fragment;
}
