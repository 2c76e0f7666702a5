import { analyzeNetwork } from '../analyze';
import type { NetworkModel } from '../model';
import type { ScopeSnapshot } from '../snapshot';
import type { PlanFragment } from './planFragment';
import type { PlanScope } from './resolveScope';
import type { CheckOptions, LiveNetwork } from './types';

/**
 * The snapshot of the plan's scope with the fragment in it: the replaced
 * service and the Cloud Map services ECS made for it are gone, what the plan
 * creates is there.
 */
export function mergedScope(
  { scope, cluster, clusterExists }: PlanScope,
  fragment: PlanFragment,
): ScopeSnapshot {
  const { replaced } = fragment;
  const replacedDiscoveryArns = new Set(
    (replaced?.serviceConnect?.services ?? []).flatMap(s =>
      s.discoveryArn ? [s.discoveryArn] : [],
    ),
  );
  return {
    ...scope,
    clusters: clusterExists ? scope.clusters : [...scope.clusters, cluster],
    services: [
      ...scope.services.filter(s => s.arn !== replaced?.arn),
      fragment.service,
    ],
    taskDefinitions: [...scope.taskDefinitions, fragment.taskDefinition],
    namespaces: [...scope.namespaces, ...fragment.namespaces],
    cloudMapServices: [
      ...scope.cloudMapServices.filter(c => !replacedDiscoveryArns.has(c.arn)),
      ...fragment.cloudMapServices,
    ],
  };
}

/**
 * Step 3b: the estate as it would be with the plan applied, analysed the way
 * the portal analyses live state: the plan's one analysis.
 */
export function analyzeWithPlan(
  live: LiveNetwork,
  planScope: PlanScope,
  fragment: PlanFragment,
  options: CheckOptions = {},
): NetworkModel {
  const merged = mergedScope(planScope, fragment);
  return analyzeNetwork(
    live.snapshots.map(s => (s === planScope.scope ? merged : s)),
    { tagKeys: options.tagKeys },
  );
}
