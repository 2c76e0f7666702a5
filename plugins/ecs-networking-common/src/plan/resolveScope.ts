import { arnResourceName } from '../arns';
import type { ClusterInfo, ScopeSnapshot } from '../snapshot';
import { planArn } from './planArns';
import type { AddProblem, LiveNetwork, PlannedService } from './types';

/** The account × region and cluster a plan lands in. */
export interface PlanScope {
  scope: ScopeSnapshot;
  cluster: ClusterInfo;
  /** False when the cluster is not live: the plan is checked as if it were. */
  clusterExists: boolean;
}

/**
 * Step 1 of a plan check: finds the live snapshot of the plan's account and
 * region and its cluster. Undefined when there is nothing to check against
 * (no read yet, or a scope the plugin does not read); the problem says why.
 */
export function resolveScope(
  plan: PlannedService,
  live: LiveNetwork,
  add: AddProblem,
): PlanScope | undefined {
  if (live.generation === 0) {
    add('error', {
      ruleId: 'live-state-unavailable',
      message:
        'The ecs-networking plugin has not finished its first read of AWS yet, so nothing can be checked against live state.',
      fix: 'Wait for the first sync (see /api/ecs-networking/status) and run the template again.',
    });
    return undefined;
  }
  const inPlanScope = (s: { accountId: string; region: string }) =>
    s.accountId === plan.accountId && s.region === plan.region;
  const scope = live.snapshots.find(inPlanScope);
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
    return undefined;
  }
  const status = live.statuses.find(inPlanScope);
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

  const cluster = scope.clusters.find(
    c => c.name === plan.cluster || c.arn === plan.cluster,
  );
  if (cluster) return { scope, cluster, clusterExists: true };
  const name = arnResourceName(plan.cluster);
  add('error', {
    ruleId: 'cluster-not-found',
    message: `Cluster "${name}" does not exist in ${plan.accountId} / ${plan.region}.`,
    fix: `Use one of the clusters there: ${
      scope.clusters
        .map(c => c.name)
        .sort()
        .join(', ') || 'none'
    }.`,
  });
  return {
    scope,
    cluster: {
      arn: plan.cluster.startsWith('arn:')
        ? plan.cluster
        : planArn(plan, 'ecs', `cluster/${name}`),
      name,
      tags: {},
    },
    clusterExists: false,
  };
}
