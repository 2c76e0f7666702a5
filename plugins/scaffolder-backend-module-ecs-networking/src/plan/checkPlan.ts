import {
  analyzeNetwork,
  arnResourceName,
  effectiveDiscoveryName,
  extractReferences,
  parseArn,
  type CloudMapServiceInfo,
  type ClusterInfo,
  type ContainerInfo,
  type ContainerReference,
  type EcsServiceInfo,
  type Endpoint,
  type Finding,
  type Mechanism,
  type ModelService,
  type NamespaceInfo,
  type NamespaceType,
  type NetworkModel,
  type ScopeSnapshot,
  type TagKeys,
  type TaskDefinitionInfo,
  serviceConnectRegistry,
} from '@ecs-net/plugin-ecs-networking-common';
import { bindDependencies } from './dependencies';
import type { LiveNetwork, PlannedService, Problem } from './types';

/**
 * Rules that only warn about live state but block a plan: a new service is
 * created with an owner and without App Mesh, and a name clash in a Cloud Map
 * namespace means one of the two Cloud Map services cannot be created.
 */
const BLOCKING_FOR_PLANNED = new Set(['owner-tag-missing', 'app-mesh-in-use']);
const BLOCKING_WHEN_CAUSED = new Set(['discovery-name-conflict']);

export interface CheckOptions {
  tagKeys?: Partial<TagKeys>;
}

export interface ResolvedServiceConnect {
  namespaceArn: string;
  namespaceName: string;
  namespaceType: NamespaceType;
  /** True when the namespace is the cluster's Service Connect default. */
  namespaceFromCluster: boolean;
  portName: string;
  /** The Cloud Map name ECS registers: `discoveryName`, else the port name. */
  discoveryName: string;
  /** `dnsName:port` of each client alias. */
  clientAliases: string[];
}

export interface ResolvedServiceDiscovery {
  namespaceName: string;
  /** Absent when the plan creates the namespace. */
  namespaceArn?: string;
  namespaceId?: string;
  createNamespace: boolean;
  name: string;
  /** `name.namespace`, what the VPC resolves. */
  fqdn: string;
  recordTypes: string[];
  ttl: number;
}

export interface ResolvedDependency {
  /** As declared. */
  endpoint: string;
  /** The endpoint it resolved to, as the network model names it. */
  resolved: string;
  mechanism: Mechanism;
  /** `cluster/service` that answers on it. */
  service: string;
  owner?: string;
  variable: string;
  value: string;
}

export interface ResolvedPlan {
  accountId: string;
  region: string;
  cluster: string;
  clusterArn: string;
  serviceName: string;
  serviceArn: string;
  serviceConnect?: ResolvedServiceConnect;
  serviceDiscovery: ResolvedServiceDiscovery[];
  /** Names the new service will answer on, as the network model spells them. */
  endpoints: string[];
  dependencies: ResolvedDependency[];
}

export interface CheckResult {
  problems: Problem[];
  resolved: ResolvedPlan;
}

function arn(plan: PlannedService, service: string, resource: string): string {
  return `arn:aws:${service}:${plan.region}:${plan.accountId}:${resource}`;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x'
  );
}

function normalizeName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

function listNamespaces(scope: ScopeSnapshot): string {
  return (
    scope.namespaces
      .map(ns => `${ns.name} (${ns.type})`)
      .sort()
      .join(', ') || 'none'
  );
}

type NamespaceLookup =
  | { namespace: NamespaceInfo }
  | { problem: Omit<Problem, 'severity'> };

function findNamespace(
  plan: PlannedService,
  scope: ScopeSnapshot,
  ref: string,
  purpose: string,
): NamespaceLookup {
  const parts = parseArn(ref);
  if (parts) {
    if (parts.region !== plan.region || parts.accountId !== plan.accountId) {
      return {
        problem: {
          ruleId: 'namespace-other-scope',
          message: `${purpose} namespace ${ref} is in account ${parts.accountId} / ${parts.region}, but the service is planned in ${plan.accountId} / ${plan.region}; a service can only use a namespace of its own account and region.`,
          fix: `Pick a namespace of ${plan.accountId} / ${
            plan.region
          }: ${listNamespaces(scope)}.`,
        },
      };
    }
    const namespace = scope.namespaces.find(ns => ns.arn === ref);
    if (namespace) return { namespace };
  } else {
    const byId = scope.namespaces.find(ns => ns.id === ref);
    if (byId) return { namespace: byId };
    const wanted = normalizeName(ref);
    const named = scope.namespaces.filter(
      ns => normalizeName(ns.name) === wanted,
    );
    if (named.length === 1) return { namespace: named[0] };
    if (named.length > 1) {
      return {
        problem: {
          ruleId: 'namespace-ambiguous',
          message: `${purpose} namespace name "${ref}" is used by ${
            named.length
          } namespaces in ${plan.accountId} / ${plan.region} (${named
            .map(ns => `${ns.arn} (${ns.type})`)
            .join(', ')}).`,
          fix: 'Give the namespace by its ARN instead of its name.',
        },
      };
    }
  }
  return {
    problem: {
      ruleId: 'namespace-not-found',
      message: `${purpose} namespace "${ref}" does not exist in ${plan.accountId} / ${plan.region}.`,
      fix: `Pick one of the namespaces there: ${listNamespaces(
        scope,
      )}; or create the namespace first.`,
    },
  };
}

function references(environment: Record<string, string>): ContainerReference[] {
  return Object.entries(environment).flatMap(([variable, value]) =>
    extractReferences(value, { kind: 'environment', variable }),
  );
}

function ownerOf(
  model: NetworkModel,
  serviceArn: string,
): ModelService | undefined {
  return model.services.find(s => s.arn === serviceArn);
}

function describeService(
  service: ModelService | undefined,
  fallback: string,
): string {
  if (!service) return fallback;
  const owner = service.owner ? `owner ${service.owner}` : 'no owner tag';
  return `${service.cluster}/${service.name} (${owner})`;
}

function findingKey(finding: Finding): string {
  return [finding.ruleId, finding.subject.arn, finding.message].join('\u0000');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Names the owners of the live services a finding mentions, by
 * `cluster/service` or by one of their endpoint names, so the person knows
 * whom to talk to.
 */
function withOwners(
  message: string,
  model: NetworkModel,
  plan: PlannedService,
  plannedArn: string,
): string {
  const mentions = (text: string) =>
    new RegExp(`(?<![\\w/.:-])${escapeRegExp(text)}(?![\\w/:-]|\\.\\w)`).test(
      message,
    );
  const inScope = (item: { accountId: string; region: string }) =>
    item.accountId === plan.accountId && item.region === plan.region;
  const arns = new Set<string>();
  for (const s of model.services) {
    if (
      s.arn !== plannedArn &&
      inScope(s) &&
      mentions(`${s.cluster}/${s.name}`)
    )
      arns.add(s.arn);
  }
  for (const e of model.endpoints) {
    if (e.serviceArn !== plannedArn && inScope(e) && mentions(e.name))
      arns.add(e.serviceArn);
  }
  const mentioned = model.services.filter(s => arns.has(s.arn));
  if (mentioned.length === 0) return message;
  const owners = mentioned.map(
    s =>
      `${s.cluster}/${s.name} is owned by ${
        s.owner ?? 'nobody (no owner tag)'
      }`,
  );
  return `${message} Owner: ${owners.join('; ')}.`;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(
        row[j] + 1,
        row[j - 1] + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length];
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Endpoints of the plan's account and region whose name looks like `host`. */
function endpointSuggestions(
  model: NetworkModel,
  plan: PlannedService,
  host: string,
): string {
  const label = host.split('.')[0];
  const names = model.endpoints
    .filter(e => e.accountId === plan.accountId && e.region === plan.region)
    .filter(e => {
      const other = e.host.split('.')[0];
      return (
        e.host === host ||
        commonPrefix(label, other) >= Math.min(4, label.length) ||
        editDistance(label, other) <= 2
      );
    })
    .map(e => e.name);
  const unique = [...new Set(names)].sort().slice(0, 8);
  return unique.length ? ` Did you mean: ${unique.join(', ')}?` : '';
}

/**
 * Checks a planned service against the live estate: turns it into a
 * snapshot fragment (ECS service, task definition, Cloud Map services),
 * merges it into the live snapshot of its account and region, and runs the
 * same analysis and lint rules the portal runs on live state. On top come
 * the checks only a plan needs: that what it names (cluster, namespaces,
 * dependencies) exists, and that what it creates is still free.
 *
 * Every problem is collected; nothing stops at the first.
 */
export function checkPlan(
  plan: PlannedService,
  live: LiveNetwork,
  options: CheckOptions = {},
): CheckResult {
  const problems: Problem[] = [];
  const add = (
    severity: Problem['severity'],
    problem: Omit<Problem, 'severity'>,
  ) => problems.push({ severity, source: plan.source, ...problem });

  const clusterName = arnResourceName(plan.cluster);
  const serviceArn = arn(
    plan,
    'ecs',
    `service/${clusterName}/${plan.serviceName}`,
  );
  const resolved: ResolvedPlan = {
    accountId: plan.accountId,
    region: plan.region,
    cluster: clusterName,
    clusterArn: plan.cluster.startsWith('arn:')
      ? plan.cluster
      : arn(plan, 'ecs', `cluster/${clusterName}`),
    serviceName: plan.serviceName,
    serviceArn,
    serviceDiscovery: [],
    endpoints: [],
    dependencies: [],
  };

  if (live.generation === 0) {
    add('error', {
      ruleId: 'live-state-unavailable',
      message:
        'The ecs-networking plugin has not finished its first read of AWS yet, so nothing can be checked against live state.',
      fix: 'Wait for the first sync (see /api/ecs-networking/status) and run the template again.',
    });
    return { problems, resolved };
  }
  const scope = live.snapshots.find(
    s => s.accountId === plan.accountId && s.region === plan.region,
  );
  if (!scope) {
    const known = live.snapshots
      .map(s => `${s.accountId} / ${s.region}`)
      .sort();
    add('error', {
      ruleId: 'scope-not-read',
      message: `Account ${plan.accountId} / region ${
        plan.region
      } is not read by the ecs-networking plugin (it reads: ${
        known.join(', ') || 'nothing'
      }), so the plan cannot be checked against live state.`,
      fix: 'Pick an account and region the plugin reads, or add them to ecsNetworking.accounts in app-config.',
    });
    return { problems, resolved };
  }
  const status = live.statuses.find(
    s => s.accountId === plan.accountId && s.region === plan.region,
  );
  if (status?.stale) {
    add('warning', {
      ruleId: 'scope-stale',
      message: `Live data of ${plan.accountId} / ${plan.region} is from ${
        status.lastSuccessAt ?? 'an earlier read'
      }; the last read failed (${
        status.lastError ?? 'unknown error'
      }), so recent changes may be missing from these checks.`,
    });
  }

  // Cluster.
  let cluster: ClusterInfo | undefined = scope.clusters.find(
    c => c.name === plan.cluster || c.arn === plan.cluster,
  );
  const extraClusters: ClusterInfo[] = [];
  if (!cluster) {
    add('error', {
      ruleId: 'cluster-not-found',
      message: `Cluster "${clusterName}" does not exist in ${plan.accountId} / ${plan.region}.`,
      fix: `Use one of the clusters there: ${
        scope.clusters
          .map(c => c.name)
          .sort()
          .join(', ') || 'none'
      }.`,
    });
    cluster = { arn: resolved.clusterArn, name: clusterName, tags: {} };
    extraClusters.push(cluster);
  }
  resolved.clusterArn = cluster.arn;
  resolved.cluster = cluster.name;

  // The service itself: new, or replacing a live one.
  const existing = scope.services.find(
    s => s.clusterArn === cluster!.arn && s.name === plan.serviceName,
  );
  const baselineModel = analyzeNetwork(live.snapshots, {
    tagKeys: options.tagKeys,
  });
  if (existing && plan.intent === 'create') {
    add('error', {
      ruleId: 'service-name-taken',
      message: `ECS service ${describeService(
        ownerOf(baselineModel, existing.arn),
        `${cluster.name}/${existing.name}`,
      )} already exists in ${plan.accountId} / ${
        plan.region
      }; a cluster holds one service per name.`,
      fix: 'Choose another service name, or use the migration template to change the existing service.',
    });
  }
  if (!existing && plan.intent === 'update') {
    add('error', {
      ruleId: 'service-not-found',
      message: `ECS service ${cluster.name}/${plan.serviceName} does not exist in ${plan.accountId} / ${plan.region}, so there is nothing to change.`,
      fix: 'Pick a live ECS service.',
    });
  }
  const replaced = plan.intent === 'update' ? existing : undefined;

  // Task definition.
  const family = plan.family ?? plan.serviceName;
  const revision =
    Math.max(
      0,
      ...scope.taskDefinitions
        .filter(td => td.family === family)
        .map(td => td.revision),
    ) + 1;
  const taskDefinition: TaskDefinitionInfo = {
    arn: arn(plan, 'ecs', `task-definition/${family}:${revision}`),
    family,
    revision,
    networkMode: plan.networkMode,
    containers: plan.containers.map(
      (c): ContainerInfo => ({
        name: c.name,
        image: c.image,
        essential: c.essential ?? true,
        portMappings: c.portMappings,
        references: references(c.environment),
      }),
    ),
    proxyConfiguration: plan.proxyConfiguration,
  };

  const newNamespaces: NamespaceInfo[] = [];
  const newCloudMapServices: CloudMapServiceInfo[] = [];
  const suppressed = new Set<string>();

  // Service Connect.
  let serviceConnect: EcsServiceInfo['serviceConnect'];
  if (plan.serviceConnect) {
    let namespace: NamespaceInfo | undefined;
    let fromCluster = false;
    if (plan.serviceConnect.namespace) {
      const lookup = findNamespace(
        plan,
        scope,
        plan.serviceConnect.namespace,
        'Service Connect',
      );
      if ('namespace' in lookup) namespace = lookup.namespace;
      else {
        add('error', lookup.problem);
        suppressed.add('service-connect-namespace-missing');
      }
    } else if (cluster.serviceConnectDefaultNamespace) {
      namespace = scope.namespaces.find(
        ns => ns.arn === cluster!.serviceConnectDefaultNamespace,
      );
      fromCluster = true;
      if (!namespace) {
        add('error', {
          ruleId: 'namespace-not-found',
          message: `Cluster ${cluster.name}'s default Service Connect namespace ${cluster.serviceConnectDefaultNamespace} is not among the namespaces read in ${plan.accountId} / ${plan.region}.`,
          fix: 'Choose a namespace explicitly.',
        });
        suppressed.add('service-connect-namespace-missing');
      }
    }
    serviceConnect = {
      enabled: true,
      namespace: namespace?.arn,
      namespaceFromCluster: fromCluster,
      since: new Date().toISOString(),
      services: plan.serviceConnect.services.map(entry => {
        const discoveryName = effectiveDiscoveryName(entry);
        let discoveryArn: string | undefined;
        if (namespace) {
          discoveryArn = arn(
            plan,
            'servicediscovery',
            `service/srv-planned-sc-${slug(namespace.name)}-${slug(
              discoveryName,
            )}`,
          );
          newCloudMapServices.push(
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
        };
      }),
    };
    const first = plan.serviceConnect.services[0];
    if (namespace && first) {
      resolved.serviceConnect = {
        namespaceArn: namespace.arn,
        namespaceName: namespace.name,
        namespaceType: namespace.type,
        namespaceFromCluster: fromCluster,
        portName: first.portName,
        discoveryName: effectiveDiscoveryName(first),
        clientAliases: first.clientAliases.map(
          a =>
            `${
              a.dnsName || `${effectiveDiscoveryName(first)}.${namespace!.name}`
            }:${a.port}`,
        ),
      };
    }
  }

  // Service Discovery.
  const registries: EcsServiceInfo['serviceRegistries'] = [];
  const plannedCloudMapArns = new Set<string>();
  for (const sd of plan.serviceDiscovery) {
    let namespace: NamespaceInfo | undefined;
    if (sd.createNamespace) {
      const clash = scope.namespaces.find(
        ns => normalizeName(ns.name) === normalizeName(sd.namespace),
      );
      if (clash) {
        add('error', {
          ruleId: 'namespace-exists',
          message: `A namespace named ${clash.name} (${clash.type}) already exists in ${plan.accountId} / ${plan.region}; creating another of the same name makes every name under it ambiguous.`,
          fix: `Use the existing namespace ${clash.name}, or choose another name for the new one.`,
        });
      }
      const id = `ns-planned-${slug(sd.namespace)}`;
      namespace = {
        id,
        arn: arn(plan, 'servicediscovery', `namespace/${id}`),
        name: normalizeName(sd.namespace),
        type: 'DNS_PRIVATE',
        tags: {},
      };
      if (!newNamespaces.some(ns => ns.id === id))
        newNamespaces.push(namespace);
    } else {
      const lookup = findNamespace(
        plan,
        scope,
        sd.namespace,
        'Service Discovery',
      );
      if ('namespace' in lookup) {
        namespace = lookup.namespace;
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
      } else {
        add('error', lookup.problem);
      }
    }
    if (!namespace) continue;

    // Is the name free in the namespace?
    const taken = scope.cloudMapServices.filter(
      c =>
        c.namespaceId === namespace!.id &&
        !c.managedByEcs &&
        normalizeName(c.name) === normalizeName(sd.name),
    );
    let registryArn: string | undefined;
    for (const cloudMap of taken) {
      const users = scope.services.filter(s =>
        s.serviceRegistries.some(r => r.registryArn === cloudMap.arn),
      );
      if (
        replaced &&
        users.length > 0 &&
        users.every(u => u.arn === replaced.arn)
      ) {
        registryArn = cloudMap.arn;
        continue;
      }
      const who = users.length
        ? `registered by ${users
            .map(u => describeService(ownerOf(baselineModel, u.arn), u.name))
            .join(', ')}`
        : 'with no ECS service registered in it';
      add('error', {
        ruleId: 'service-discovery-name-taken',
        message: `Service Discovery name ${sd.name}.${namespace.name} is already taken: Cloud Map service ${cloudMap.name} exists, ${who}.`,
        fix: `Choose another Service Discovery name, or another namespace.`,
      });
      registryArn = cloudMap.arn;
    }
    if (!registryArn) {
      registryArn = arn(
        plan,
        'servicediscovery',
        `service/srv-planned-sd-${slug(namespace.name)}-${slug(sd.name)}`,
      );
      plannedCloudMapArns.add(registryArn);
      newCloudMapServices.push({
        id: arnResourceName(registryArn),
        arn: registryArn,
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
      });
    }
    registries.push({
      registryArn,
      containerName: sd.containerName,
      containerPort: sd.containerPort,
      port: sd.port,
    });
    resolved.serviceDiscovery.push({
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

  const service: EcsServiceInfo = {
    arn: serviceArn,
    name: plan.serviceName,
    clusterArn: cluster.arn,
    clusterName: cluster.name,
    status: 'ACTIVE',
    taskDefinitionArn: taskDefinition.arn,
    desiredCount: 0,
    runningCount: 0,
    launchType: plan.networkMode === 'awsvpc' ? 'FARGATE' : 'EC2',
    tags: plan.tags,
    serviceConnect,
    serviceRegistries: registries,
    loadBalancers: replaced?.loadBalancers ?? [],
    tasks: [],
  };

  // Merge the fragment into live state and analyse both the same way.
  const replacedDiscoveryArns = new Set(
    (replaced?.serviceConnect?.services ?? []).flatMap(s =>
      s.discoveryArn ? [s.discoveryArn] : [],
    ),
  );
  const merged: ScopeSnapshot = {
    ...scope,
    clusters: [...scope.clusters, ...extraClusters],
    services: [...scope.services.filter(s => s.arn !== replaced?.arn), service],
    taskDefinitions: [...scope.taskDefinitions, taskDefinition],
    namespaces: [...scope.namespaces, ...newNamespaces],
    cloudMapServices: [
      ...scope.cloudMapServices.filter(c => !replacedDiscoveryArns.has(c.arn)),
      ...newCloudMapServices,
    ],
  };
  const model = analyzeNetwork(
    live.snapshots.map(s => (s === scope ? merged : s)),
    { tagKeys: options.tagKeys },
  );

  // Dependencies: each declared one must become an edge.
  const bindings = bindDependencies(plan.dependencies);
  const ownEndpoints = model.endpoints.filter(e => e.serviceArn === serviceArn);
  resolved.endpoints = ownEndpoints.map(e => e.name).sort();
  const reported = new Set<string>();
  for (const binding of bindings) {
    const edges = model.edges.filter(
      e =>
        e.from === serviceArn &&
        e.evidence.some(ev => ev.variable === binding.variable),
    );
    if (edges.length > 0) continue;
    reported.add(binding.variable);
    if (ownEndpoints.some(e => e.host === binding.host)) {
      add('error', {
        ruleId: 'dependency-unknown',
        message: `Dependency "${binding.endpoint}" is an endpoint of the new service itself.`,
        fix: 'Remove it from the dependencies.',
      });
    } else {
      add('error', {
        ruleId: 'dependency-unknown',
        message: `Dependency "${binding.endpoint}" names no endpoint known in ${
          plan.accountId
        } / ${
          plan.region
        } (or any other account and region the plugin reads).${endpointSuggestions(
          model,
          plan,
          binding.host,
        )}`,
        fix: 'Pick the dependency from the endpoint list, with the exact host and port.',
      });
    }
  }
  // Every call the service will make, declared in the form or found in its
  // container definitions.
  for (const edge of model.edges.filter(e => e.from === serviceArn)) {
    const endpoint: Endpoint | undefined = model.endpoints.find(
      e => e.id === edge.endpointId,
    );
    const provider = ownerOf(model, edge.to);
    // What the service's own configuration says; observed traffic of a
    // replaced service and tags are not something the plan declares.
    for (const evidence of edge.evidence) {
      if (
        evidence.kind !== 'environment' &&
        evidence.kind !== 'command' &&
        evidence.kind !== 'entryPoint'
      ) {
        continue;
      }
      const binding = bindings.find(b => b.variable === evidence.variable);
      resolved.dependencies.push({
        endpoint: binding?.endpoint ?? evidence.reference,
        resolved: endpoint?.name ?? edge.endpointId,
        mechanism: edge.mechanism,
        service: provider ? `${provider.cluster}/${provider.name}` : edge.to,
        owner: provider?.owner,
        variable: evidence.variable ?? '',
        value: binding?.value ?? evidence.reference,
      });
    }
  }
  for (const unresolved of model.unresolved) {
    if (unresolved.serviceArn !== serviceArn) continue;
    const variable =
      unresolved.source.kind === 'environment'
        ? unresolved.source.variable
        : undefined;
    if (variable && reported.has(variable)) continue;
    add('error', {
      ruleId: 'dependency-unknown',
      message: `Container ${unresolved.container}${
        variable ? ` variable ${variable}` : ''
      } calls ${
        unresolved.reference
      }, which no known endpoint answers.${endpointSuggestions(
        model,
        plan,
        unresolved.reference
          .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
          .replace(/[:/].*$/, ''),
      )}`,
      fix: 'Point the variable at an existing endpoint (host and port exactly as listed), or create that service first.',
    });
  }
  suppressed.add('reference-unresolved');

  // The tag that links the synced service to its catalog Component.
  const componentKey = options.tagKeys?.component || 'component';
  if (!plan.tags[componentKey]?.trim()) {
    add('warning', {
      ruleId: 'component-tag-missing',
      message: `The service has no "${componentKey}" tag, so once synced it links to no catalog Component.`,
      fix: `Tag the ECS service with ${componentKey}=<component name>.`,
    });
  }

  // The lint rules: every finding on what the plan creates, and findings on
  // live services only where the plan causes them.
  const planned = new Set([
    serviceArn,
    taskDefinition.arn,
    ...plannedCloudMapArns,
  ]);
  const baseline = new Set(baselineModel.findings.map(findingKey));
  // A clash is reported on both sides; the side of the plan says it already.
  const ownRules = new Set(
    model.findings.filter(f => planned.has(f.subject.arn)).map(f => f.ruleId),
  );
  for (const finding of model.findings) {
    const own = planned.has(finding.subject.arn);
    if (!own && baseline.has(findingKey(finding))) continue;
    if (!own && ownRules.has(finding.ruleId)) continue;
    if (own && suppressed.has(finding.ruleId)) continue;
    if (!own && finding.ruleId === 'namespace-unused') continue;
    let severity: Problem['severity'] = finding.severity;
    if (own && BLOCKING_FOR_PLANNED.has(finding.ruleId)) severity = 'error';
    if (BLOCKING_WHEN_CAUSED.has(finding.ruleId)) severity = 'error';
    const subject = own
      ? ''
      : `${
          finding.subject.kind === 'service'
            ? 'Live service'
            : `Live ${finding.subject.kind}`
        } ${describeService(
          ownerOf(model, finding.subject.arn),
          finding.subject.name,
        )}: `;
    add(severity, {
      ruleId: finding.ruleId,
      message: `${subject}${withOwners(
        finding.message,
        model,
        plan,
        serviceArn,
      )}`,
      fix: finding.fix,
    });
  }

  const rank = { error: 0, warning: 1, info: 2 };
  problems.sort((a, b) => rank[a.severity] - rank[b.severity]);
  return { problems, resolved };
}
