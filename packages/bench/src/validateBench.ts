import {
  checkPlanInput,
  type LiveNetwork,
  type ScopeSnapshot,
} from '@ecs-net/plugin-ecs-networking-common';

/** The bound the issue sets for `ecs-networking:validate` on 10,000 services. */
export const VALIDATE_GOAL_MS = 300;

/**
 * Times what `ecs-networking:validate` does with a plan (the common
 * `checkPlanInput` the action and the form call): a new Service Connect
 * service in the first cluster of the first scope, calling the first client
 * alias there. Cold is the first plan against a live network (its baseline
 * analysed and indexed, then the plan's neighbourhood); warm is a second
 * plan against the same live network, which reuses the baseline and
 * analyses only what the plan touches.
 */
export function benchValidate(snapshots: ScopeSnapshot[]) {
  const live: LiveNetwork = { generation: 1, statuses: [], snapshots };
  const scope = snapshots[0];
  const cluster = scope.clusters[0]?.name ?? 'default';
  const alias = scope.services
    .flatMap(s => (s.serviceConnect?.enabled ? s.serviceConnect.services : []))
    .flatMap(e => e.clientAliases)
    .find(a => a.dnsName);
  const plan = (serviceName: string) => ({
    mode: 'service-connect' as const,
    accountId: scope.accountId,
    region: scope.region,
    cluster,
    serviceName,
    networkMode: 'awsvpc' as const,
    container: { name: serviceName, port: 8080, portName: 'http' },
    serviceConnect: {
      discoveryName: serviceName,
      clientAlias: { dnsName: serviceName, port: 8080 },
    },
    dependencies: alias ? [`${alias.dnsName}:${alias.port}`] : [],
    tags: { owner: 'team-bench', component: serviceName },
  });
  const time = (name: string) => {
    const started = performance.now();
    checkPlanInput(plan(name), live);
    return performance.now() - started;
  };
  const validateColdMs = time('bench-checkout');
  const validateWarmMs = time('bench-basket');
  return { validateColdMs, validateWarmMs };
}
