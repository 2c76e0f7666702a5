import type { ModelNamespace, ModelService, NetworkModel } from './model';
import type { ScopeSnapshot } from './snapshot';
import { inferEdges } from './edges';
import { createEndpointIndex, EndpointIndex } from './endpointIndex';
import { cloudMapServiceArnsOf } from './findingSubjects';
import { buildEndpointsFromIndex } from './endpoints';
import { AnalyzeOptions, resolveTagKeys } from './options';
import type { TagKeys } from './tagKeys';
import { referenceIndexFrom } from './references';
import { runRules } from './rules';
import { compareStrings } from './names';
import { createScopeIndex, ScopeIndex } from './scopeIndex';

function tagValue(
  tags: Record<string, string>,
  key: string,
): string | undefined {
  const value = tags[key]?.trim();
  return value ? value : undefined;
}

function modelServices(
  scopes: ScopeIndex,
  endpoints: EndpointIndex,
  tagKeys: TagKeys,
): ModelService[] {
  return scopes.services.map(({ item, accountId, region }) => {
    const sc = item.serviceConnect;
    const namespaceArn = sc?.enabled ? sc.namespace : undefined;
    const service: ModelService = {
      arn: item.arn,
      name: item.name,
      cluster: item.clusterName,
      clusterArn: item.clusterArn,
      taskDefinitionArn: item.taskDefinitionArn,
      accountId,
      region,
      networkMode: scopes.taskDefinitionOf(item)?.networkMode ?? 'unknown',
      serviceConnect: !!sc?.enabled,
      endpointIds: (endpoints.byService.get(item.arn) ?? []).map(e => e.id),
      cloudMapServiceArns: cloudMapServiceArnsOf(item),
    };
    const owner = tagValue(item.tags, tagKeys.owner);
    const system = tagValue(item.tags, tagKeys.system);
    const lifecycle = tagValue(item.tags, tagKeys.lifecycle);
    const component = tagValue(item.tags, tagKeys.component);
    if (owner) service.owner = owner;
    if (system) service.system = system;
    if (lifecycle) service.lifecycle = lifecycle;
    if (component) service.component = component;
    if (namespaceArn) {
      service.serviceConnectNamespace = namespaceArn;
      const name = scopes.namespaceByArn.get(namespaceArn)?.item.name;
      if (name) service.serviceConnectNamespaceName = name;
    }
    return service;
  });
}

/**
 * Accounts other than its owner that each namespace is shared with: those
 * that list it as shared, those whose services use it for Service Connect,
 * and the account principals of its RAM shares.
 */
function sharedWith(scopes: ScopeIndex): Map<string, Set<string>> {
  const byArn = new Map<string, Set<string>>();
  const add = (arn: string, accountId: string) => {
    const owner = scopes.namespaceByArn.get(arn)?.accountId;
    if (!owner || owner === accountId) return;
    const accounts = byArn.get(arn) ?? new Set<string>();
    accounts.add(accountId);
    byArn.set(arn, accounts);
  };
  for (const snapshot of scopes.snapshots) {
    for (const ns of snapshot.namespaces) {
      if (ns.ownerAccountId) add(ns.arn, snapshot.accountId);
      for (const share of ns.shares ?? []) {
        for (const principal of share.principals) {
          if (/^\d{12}$/.test(principal)) add(ns.arn, principal);
        }
      }
    }
  }
  for (const { item, accountId } of scopes.services) {
    const sc = item.serviceConnect;
    if (sc?.enabled && sc.namespace) add(sc.namespace, accountId);
  }
  return byArn;
}

/** Namespaces are listed by account, region, name and ARN. */
export function compareNamespaces(a: ModelNamespace, b: ModelNamespace): number {
  return (
    compareStrings(a.accountId, b.accountId) ||
    compareStrings(a.region, b.region) ||
    compareStrings(a.name, b.name) ||
    compareStrings(a.arn, b.arn)
  );
}

function modelNamespaces(scopes: ScopeIndex, tagKeys: TagKeys): ModelNamespace[] {
  const shared = sharedWith(scopes);
  return scopes.namespaces
    .map(({ item, accountId, region }) => {
      const namespace: ModelNamespace = {
        arn: item.arn,
        id: item.id,
        name: item.name,
        type: item.type,
        accountId,
        region,
      };
      const owner = tagValue(item.tags, tagKeys.owner);
      if (owner) namespace.owner = owner;
      const accounts = shared.get(item.arn);
      if (accounts) namespace.sharedWith = [...accounts].sort(compareStrings);
      if (item.shares) namespace.shares = item.shares;
      return namespace;
    })
    .sort(compareNamespaces);
}

/**
 * The network of a set of account × region snapshots: services, the
 * endpoints they answer on, who calls whom, references that name nothing, and
 * the wiring findings. Pure and deterministic: the same snapshots and options
 * give the same model, in the same order.
 *
 * @public
 */
export function analyzeNetwork(
  snapshots: ScopeSnapshot[],
  options: AnalyzeOptions = {},
): NetworkModel {
  return analyzeIndexed(snapshots, options).model;
}

/**
 * `analyzeNetwork`, with the scope index it built: the plan checks keep
 * both for a live network, to find what a plan touches.
 */
export function analyzeIndexed(
  snapshots: ScopeSnapshot[],
  options: AnalyzeOptions = {},
): { model: NetworkModel; scopes: ScopeIndex } {
  const tagKeys = resolveTagKeys(options.tagKeys);
  const scopes = createScopeIndex(snapshots);
  const endpoints = createEndpointIndex(
    buildEndpointsFromIndex(scopes),
    scopes,
  );
  const references = referenceIndexFrom(
    endpoints,
    scopes.namespaces.map(ns => ns.item.name),
  );
  const { edges, unresolved } = inferEdges(scopes, endpoints, references, {
    tagKeys,
    catalogDependsOn: options.catalogDependsOn,
    observed: [...(options.observed ?? []), ...snapshots.flatMap(s => s.observedCalls ?? [])],
  });
  const findings = runRules({
    scopes,
    endpoints,
    edges,
    unresolved,
    tagKeys,
    catalogMissingComponents: options.catalogMissingComponents,
    drift: options.drift,
  });
  const model: NetworkModel = {
    services: modelServices(scopes, endpoints, tagKeys),
    namespaces: modelNamespaces(scopes, tagKeys),
    endpoints: endpoints.endpoints,
    edges,
    unresolved,
    findings,
  };
  return { model, scopes };
}
