import { analyzeNetwork } from '../analyze';
import type { NetworkModel } from '../model';
import { resolveTagKeys } from '../options';
import { lintRules } from '../rules';
import type { ScopeSnapshot } from '../snapshot';
import { baselineOf } from './baseline';
import { planNeighbourhood } from './neighbourhood';
import { RULES_WITH_KNOWN_REACH } from './ruleReach';
import { patchModel } from './patchModel';
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

/** The estate's snapshots with the plan in its scope. */
export function snapshotsWithPlan(
  live: LiveNetwork,
  planScope: PlanScope,
  fragment: PlanFragment,
): ScopeSnapshot[] {
  const merged = mergedScope(planScope, fragment);
  return live.snapshots.map(s => (s === planScope.scope ? merged : s));
}

/**
 * The estate as it would be with the plan applied, analysed whole, the way
 * the portal analyses live state: what `analyzeWithPlan` must equal.
 */
export function analyzeEstateWithPlan(
  live: LiveNetwork,
  planScope: PlanScope,
  fragment: PlanFragment,
  options: CheckOptions = {},
): NetworkModel {
  return analyzeNetwork(snapshotsWithPlan(live, planScope, fragment), {
    tagKeys: options.tagKeys,
  });
}

const everyRuleHasKnownReach = lintRules.every(rule =>
  RULES_WITH_KNOWN_REACH.has(rule.id),
);

/**
 * Step 3: the estate as it would be with the plan applied, analysed the way
 * the portal analyses live state. Only the plan's neighbourhood is analysed
 * (what the plan changes, and what that is analysed with); the rest of the
 * model is the baseline's, analysed once per live network. A plan's cost so
 * follows what it touches, not the size of the estate.
 */
export function analyzeWithPlan(
  live: LiveNetwork,
  planScope: PlanScope,
  fragment: PlanFragment,
  options: CheckOptions = {},
): NetworkModel {
  if (!everyRuleHasKnownReach) {
    return analyzeEstateWithPlan(live, planScope, fragment, options);
  }
  const tagKeys = resolveTagKeys(options.tagKeys);
  const baseline = baselineOf(live, options);
  const around = planNeighbourhood(
    baseline,
    snapshotsWithPlan(live, planScope, fragment),
    planScope,
    fragment,
    tagKeys,
  );
  const local = analyzeNetwork(around.snapshots, { tagKeys });
  return patchModel(baseline.model, local, around.affected);
}
