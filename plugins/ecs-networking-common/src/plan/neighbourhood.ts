import { declaredAddress, splitDeclared } from '../edges';
import { buildEndpointsFromIndex, effectiveDiscoveryName } from '../endpoints';
import { cloudMapServiceArnsOf } from '../findingSubjects';
import { normalizeHost } from '../names';
import { endsWithNamespace } from '../references';
import type { Endpoint } from '../model';
import { createScopeIndex, type ScopeIndex } from '../scopeIndex';
import type { EcsServiceInfo, ScopeSnapshot } from '../snapshot';
import type { TagKeys } from '../tagKeys';
import type { Baseline } from './baseline';
import { nameInNamespace } from './estateIndex';
import type { PlanFragment } from './planFragment';
import type { PlanScope } from './resolveScope';

/** Whose part of the analysis a plan can change, by ARN. */
export interface Affected {
  services: Set<string>;
  namespaces: Set<string>;
  cloudMapServices: Set<string>;
  taskDefinitions: Set<string>;
}

/** The part of the estate a plan's analysis needs. */
export interface Neighbourhood {
  /** Their analysis in `snapshots` is the one of the whole estate with the plan in it. */
  affected: Affected;
  /**
   * The estate with the plan in it, cut down to the affected and all their
   * analysis reads: every namespace and cluster, and of the services, task
   * definitions and Cloud Map services only those.
   */
  snapshots: ScopeSnapshot[];
}

interface Kept {
  services: Set<string>;
  taskDefinitions: Set<string>;
  cloudMapServices: Set<string>;
}

function cut(snapshots: ScopeSnapshot[], kept: Kept): ScopeSnapshot[] {
  return snapshots.map(s => ({
    ...s,
    services: s.services.filter(x => kept.services.has(x.arn)),
    taskDefinitions: s.taskDefinitions.filter(td =>
      kept.taskDefinitions.has(td.arn),
    ),
    cloudMapServices: s.cloudMapServices.filter(c =>
      kept.cloudMapServices.has(c.arn),
    ),
    observedCalls: s.observedCalls?.filter(c => kept.services.has(c.from)),
  }));
}

function connectKeys(service: EcsServiceInfo | undefined): string[] {
  const sc = service?.serviceConnect;
  if (!sc?.enabled || !sc.namespace) return [];
  const namespace = sc.namespace;
  return sc.services.map(entry =>
    nameInNamespace(namespace, effectiveDiscoveryName(entry)),
  );
}

function connectNamespace(service: EcsServiceInfo | undefined) {
  const sc = service?.serviceConnect;
  return sc?.enabled ? sc.namespace : undefined;
}

/** The plan as a change of the estate, and lookups in the estate after it. */
interface Change {
  planned: EcsServiceInfo;
  replaced?: EcsServiceInfo;
  /** The planned service's part of the estate, indexed. */
  own: ScopeIndex;
  plannedEndpoints: Endpoint[];
  plannedHosts: Set<string>;
  /** A live service, the planned one, or undefined for the replaced one. */
  serviceAfter(arn: string): EcsServiceInfo | undefined;
  hostsOf(arn: string): readonly string[];
  providersOf(host: string): readonly string[];
}

function changeOf(
  baseline: Baseline,
  after: ScopeSnapshot[],
  fragment: PlanFragment,
): Change {
  const { scopes, index } = baseline;
  const planned = fragment.service;
  const replaced = fragment.replaced;
  // The planned service's endpoints, from its own part of the estate.
  const own = createScopeIndex(
    cut(after, {
      services: new Set([planned.arn]),
      taskDefinitions: new Set([fragment.taskDefinition.arn]),
      cloudMapServices: new Set([
        ...cloudMapServiceArnsOf(planned),
        ...fragment.cloudMapServices.map(c => c.arn),
      ]),
    }),
  );
  const plannedEndpoints = buildEndpointsFromIndex(own);
  const plannedHosts = new Set(plannedEndpoints.map(e => e.host));
  return {
    planned,
    replaced,
    own,
    plannedEndpoints,
    plannedHosts,
    serviceAfter: arn => {
      if (arn === planned.arn) return planned;
      return arn === replaced?.arn
        ? undefined
        : scopes.serviceByArn.get(arn)?.item;
    },
    hostsOf: arn =>
      arn === planned.arn ? [...plannedHosts] : index.hostsOf.get(arn),
    providersOf: host =>
      plannedHosts.has(host)
        ? [...index.providersOfHost.get(host), planned.arn]
        : index.providersOfHost.get(host),
  };
}

/**
 * Whose analysis the plan can change: both services (the replaced one as it
 * was: it may have the planned service's ARN), the other services answering
 * on one of their hosts (an endpoint id, a client alias claimed twice) and
 * the callers of those, the services calling one of their hosts, ARNs,
 * names or discovery names, or a name under a namespace the plan creates
 * (their edges and unresolved references), the services claiming one of
 * their discovery names in a namespace (or the name of a planned Cloud Map
 * service there); the namespaces either uses or the plan creates, and the
 * Cloud Map services either has.
 */
function affectedBy(
  change: Change,
  { index, scopes }: Baseline,
  planScope: PlanScope,
  fragment: PlanFragment,
): Affected {
  const { planned, replaced, own } = change;
  const affected: Affected = {
    services: new Set([planned.arn]),
    namespaces: new Set(fragment.namespaces.map(ns => ns.arn)),
    cloudMapServices: new Set(own.cloudMapServices.map(c => c.item.arn)),
    taskDefinitions: new Set([fragment.taskDefinition.arn]),
  };
  const affect = (arns: Iterable<string>) => {
    for (const arn of arns) affected.services.add(arn);
  };
  const changed = [
    { service: planned, hosts: [...change.plannedHosts] },
    ...(replaced
      ? [{ service: replaced, hosts: index.hostsOf.get(replaced.arn) }]
      : []),
  ];
  for (const { service, hosts } of changed) {
    affected.services.add(service.arn);
    affected.taskDefinitions.add(service.taskDefinitionArn);
    const namespace = connectNamespace(service);
    if (namespace) affected.namespaces.add(namespace);
    affect(index.callersOf.get(service.arn));
    for (const host of hosts) {
      affect(index.callersOfHost.get(host));
      // The ids of the other endpoints there, and so their callers' edges,
      // may change.
      for (const provider of index.providersOfHost.get(host)) {
        affected.services.add(provider);
        affect(index.callersOf.get(provider));
      }
    }
    affect(index.callersOfName.get(service.name.toLowerCase()));
    affect(index.callersOfArn.get(service.arn));
    for (const entry of service.serviceConnect?.services ?? []) {
      const name = effectiveDiscoveryName(entry).toLowerCase();
      affect(index.callersOfDiscoveryName.get(name));
    }
    for (const key of connectKeys(service)) {
      affect(index.connectEntries.get(key));
    }
  }
  affect(index.callersOfArn.get(fragment.serviceArn));
  for (const arn of replaced ? cloudMapServiceArnsOf(replaced) : []) {
    affected.cloudMapServices.add(arn);
    const cloudMap = scopes.cloudMapServiceByArn.get(arn);
    const namespace = cloudMap && scopes.namespaceOfCloudMapService(cloudMap);
    if (namespace) affected.namespaces.add(namespace.item.arn);
  }
  // A name under a namespace the plan creates now looks like ours: its
  // callers get an unresolved reference.
  const created = new Set(
    fragment.namespaces.map(ns => normalizeHost(ns.name)),
  );
  if (created.size > 0) {
    for (const host of index.callersOfHost.keys()) {
      if (endsWithNamespace(host, created)) {
        affect(index.callersOfHost.get(host));
      }
    }
  }
  for (const cloudMap of own.cloudMapServices) {
    const namespace = own.namespaceOfCloudMapService(cloudMap);
    if (!namespace) continue;
    affected.namespaces.add(namespace.item.arn);
    if (!cloudMap.item.managedByEcs && cloudMap.item.dnsRecords.length > 0) {
      affect(
        index.connectEntries.get(
          nameInNamespace(namespace.item.arn, cloudMap.item.name),
        ),
      );
    }
  }
  const defaultNamespace = planScope.cluster.serviceConnectDefaultNamespace;
  if (!planScope.clusterExists && defaultNamespace) {
    affected.namespaces.add(defaultNamespace);
  }
  return affected;
}

/**
 * What the analysis of the affected reads: the services answering on their
 * hosts (with every other claimant of an endpoint id) and on the hosts they
 * call, the services their dependency tags and observed calls name, the
 * other claimants of their names in a namespace, a user of each namespace
 * per account, the registrants of each Cloud Map service; and of each of
 * those, the task definition and Cloud Map services.
 */
function readBy(
  affected: Affected,
  change: Change,
  { index, scopes }: Baseline,
  fragment: PlanFragment,
  tagKeys: TagKeys,
): Kept {
  const { planned, replaced, serviceAfter, hostsOf, providersOf } = change;
  const kept: Kept = {
    services: new Set(),
    taskDefinitions: new Set(),
    cloudMapServices: new Set(affected.cloudMapServices),
  };
  const keep = (arn: string) => {
    if (serviceAfter(arn)) kept.services.add(arn);
  };
  const keepWithClaimants = (arn: string) => {
    keep(arn);
    for (const host of hostsOf(arn)) providersOf(host).forEach(keep);
  };
  for (const arn of affected.services) {
    const service = serviceAfter(arn);
    if (!service) continue;
    keepWithClaimants(arn);
    const td =
      arn === planned.arn
        ? fragment.taskDefinition
        : scopes.taskDefinitionOf(service);
    for (const container of td?.containers ?? []) {
      for (const reference of container.references) {
        providersOf(normalizeHost(reference.host)).forEach(keep);
      }
    }
    for (const entry of splitDeclared(service.tags[tagKeys.dependsOn] ?? '')) {
      if (entry.startsWith('arn:')) keepWithClaimants(entry);
      const address = declaredAddress(entry);
      if (address) providersOf(address.host).forEach(keep);
      index.servicesNamed.get(entry.toLowerCase()).forEach(keepWithClaimants);
      if (planned.name.toLowerCase() === entry.toLowerCase()) {
        keepWithClaimants(planned.arn);
      }
    }
    for (const name of index.observedCallsOf.get(arn)) {
      index.providersOfDiscoveryName.get(name).forEach(keepWithClaimants);
      if (
        change.plannedEndpoints.some(
          e => e.discoveryName?.toLowerCase() === name,
        )
      ) {
        keepWithClaimants(planned.arn);
      }
    }
    for (const key of connectKeys(service)) {
      index.connectEntries.get(key).forEach(keep);
      for (const cloudMap of index.dnsServices.get(key)) {
        kept.cloudMapServices.add(cloudMap);
      }
    }
  }
  // A live user of each namespace besides the replaced service (the planned
  // one is kept), per account it is used from.
  const otherUser = (users: string[]) => users.find(u => u !== replaced?.arn);
  for (const namespace of affected.namespaces) {
    const use = index.namespaceUse.get(namespace);
    if (!use) continue;
    for (const users of use.connectByAccount.values()) {
      const user = otherUser(users);
      if (user) keep(user);
    }
    const registrant = otherUser(use.registered);
    if (registrant) keep(registrant);
    for (const cloudMap of use.withInstances) {
      kept.cloudMapServices.add(cloudMap);
    }
  }
  for (const cloudMap of affected.cloudMapServices) {
    index.registrantsOf.get(cloudMap).forEach(keep);
  }
  for (const arn of kept.services) {
    const service = serviceAfter(arn)!;
    kept.taskDefinitions.add(service.taskDefinitionArn);
    for (const cloudMap of cloudMapServiceArnsOf(service)) {
      kept.cloudMapServices.add(cloudMap);
    }
  }
  return kept;
}

/**
 * Step 3b: the part of the estate a plan's analysis needs. The plan adds a
 * service (with its task definition, Cloud Map services and namespaces) and
 * may replace one; `affectedBy` says whose analysis that can change,
 * `readBy` what their analysis reads. Analysed together they give the
 * affected exactly what the whole estate would (`neighbourhood.test.ts`
 * compares the two), for the rules in `RULES_WITH_KNOWN_REACH`.
 */
export function planNeighbourhood(
  baseline: Baseline,
  after: ScopeSnapshot[],
  planScope: PlanScope,
  fragment: PlanFragment,
  tagKeys: TagKeys,
): Neighbourhood {
  const change = changeOf(baseline, after, fragment);
  const affected = affectedBy(change, baseline, planScope, fragment);
  return {
    affected,
    snapshots: cut(
      after,
      readBy(affected, change, baseline, fragment, tagKeys),
    ),
  };
}
