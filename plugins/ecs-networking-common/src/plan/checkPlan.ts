import { baselineModel } from './baseline';
import { componentTagProblem } from './componentTag';
import { dependencyProblems } from './dependencyProblems';
import { findingProblems } from './findingProblems';
import { analyzeWithPlan } from './mergeFragment';
import { servicesByArn } from './owners';
import { planArn } from './planArns';
import { planFragment } from './planFragment';
import { problemCollector } from './problemCollector';
import { orderProblems } from './report';
import { resolveScope } from './resolveScope';
import { arnResourceName } from '../arns';
import type {
  CheckOptions,
  CheckResult,
  LiveNetwork,
  PlannedService,
  ResolvedPlan,
} from './types';

/** What can be said of a plan before anything is looked up. */
function unresolvedPlan(plan: PlannedService): ResolvedPlan {
  const cluster = arnResourceName(plan.cluster);
  return {
    accountId: plan.accountId,
    region: plan.region,
    cluster,
    clusterArn: plan.cluster.startsWith('arn:')
      ? plan.cluster
      : planArn(plan, 'ecs', `cluster/${cluster}`),
    serviceName: plan.serviceName,
    serviceArn: planArn(plan, 'ecs', `service/${cluster}/${plan.serviceName}`),
    serviceDiscovery: [],
    endpoints: [],
    dependencies: [],
  };
}

/**
 * Checks a planned service against the live estate, in steps: find its
 * account, region and cluster; turn it into a snapshot fragment (ECS
 * service, task definition, Cloud Map services); merge that into live state
 * and analyse it with the same analysis and lint rules the portal runs: the
 * estate once per live network (the baseline), the plan's neighbourhood once
 * per plan; then check its dependencies, turn the findings it causes into
 * problems, and order them. On top of the
 * lint rules come the checks only a plan needs: that what it names exists,
 * and that what it creates is still free.
 *
 * Every problem is collected; nothing stops at the first.
 *
 * @public
 */
export function checkPlan(
  plan: PlannedService,
  live: LiveNetwork,
  options: CheckOptions = {},
): CheckResult {
  const { problems, add } = problemCollector(plan.source);
  const resolved = unresolvedPlan(plan);

  const planScope = resolveScope(plan, live, add);
  if (!planScope) return { problems, resolved };
  resolved.cluster = planScope.cluster.name;
  resolved.clusterArn = planScope.cluster.arn;

  const baseline = baselineModel(live, options);
  const fragment = planFragment(plan, planScope, servicesByArn(baseline), add);
  resolved.serviceArn = fragment.serviceArn;
  resolved.serviceConnect = fragment.serviceConnect;
  resolved.serviceDiscovery = fragment.serviceDiscovery;

  const model = analyzeWithPlan(live, planScope, fragment, options);
  resolved.endpoints = model.endpoints
    .filter(e => e.serviceArn === fragment.analysisArn)
    .map(e => e.name)
    .sort();
  resolved.dependencies = dependencyProblems(plan, fragment, model, add);
  componentTagProblem(plan, options, add);
  findingProblems(plan, fragment, model, baseline, add);
  return { problems: orderProblems(problems), resolved };
}
