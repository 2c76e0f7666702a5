import type { ScopeSnapshot } from '@ecs-net/plugin-ecs-networking-common';

const ceil = (n: number, size: number) => Math.ceil(n / size);

/**
 * The fewest AWS calls that can read one account × region completely, from
 * the AWS page and batch sizes:
 *
 *   ecs:ListClusters              ceil(C / 100)          C clusters
 *   ecs:DescribeClusters          ceil(C / 100)
 *   ecs:ListServices              Σc max(1, ceil(Sc / 100))     Sc services in cluster c
 *   ecs:DescribeServices          Σc ceil(Sc / 10)
 *   ecs:ListTasks                 Σc max(1, ceil(Tc / 100))     Tc running tasks, c with Sc > 0
 *   ecs:DescribeTasks             Σc ceil(Tc / 100)
 *   ecs:DescribeTaskDefinition    D                      D distinct task definition ARNs in use
 *   servicediscovery:ListNamespaces        max(1, ceil(N / 100))
 *   servicediscovery:ListTagsForResource   N                      (namespace owner tags)
 *   servicediscovery:ListServices          Σn max(1, ceil(Mn / 100))   Mn Cloud Map services
 *   servicediscovery:ListInstances         Σe ceil(Ie / 100)   e: services ECS does not register
 *   servicediscovery:DiscoverInstancesRevision  E      one per e: what lets the next sync skip ListInstances
 *   servicediscovery:GetInstancesHealthStatus  Σe,health-checked ceil(Ie / 100)
 *   cloudwatch:ListMetrics        max(1, ceil(K / 500))  K observed caller → target series
 *   elasticloadbalancing:DescribeTargetGroups    ceil(G / 20)   G target groups in use
 *   elasticloadbalancing:DescribeLoadBalancers   ceil(L / 20)   L load balancers behind them
 *   ram:ListResources             one per side (own namespaces, shared ones) that has any
 *   ram:GetResourceShares         one per side whose namespaces are in a share
 *   ram:GetResourceShareAssociations  one when own namespaces are in a share
 *   ram:ListResourceSharePermissions  R            R shares holding the namespaces
 *
 * Instances that ECS registers (Service Connect, serviceRegistries) are its
 * tasks, so they cost nothing beyond DescribeTasks. A re-sync with nothing
 * changed needs no DescribeTaskDefinition and no ListInstances
 * (`steadyState`).
 */
export function lowerBound(snapshot: ScopeSnapshot): Record<string, number> {
  const bound: Record<string, number> = {};
  const add = (op: string, n: number) => {
    if (n > 0) bound[op] = (bound[op] ?? 0) + n;
  };
  const c = snapshot.clusters.length;
  add('ecs:ListClusters', Math.max(1, ceil(c, 100)));
  add('ecs:DescribeClusters', ceil(c, 100));
  for (const cluster of snapshot.clusters) {
    const services = snapshot.services.filter(s => s.clusterArn === cluster.arn);
    const tasks = services.reduce((n, s) => n + s.tasks.length, 0);
    add('ecs:ListServices', Math.max(1, ceil(services.length, 100)));
    add('ecs:DescribeServices', ceil(services.length, 10));
    if (services.length) {
      add('ecs:ListTasks', Math.max(1, ceil(tasks, 100)));
      add('ecs:DescribeTasks', ceil(tasks, 100));
    }
  }
  add('ecs:DescribeTaskDefinition', new Set(snapshot.services.map(s => s.taskDefinitionArn)).size);

  const n = snapshot.namespaces.length;
  add('servicediscovery:ListNamespaces', Math.max(1, ceil(n, 100)));
  add('servicediscovery:ListTagsForResource', n);
  for (const ns of snapshot.namespaces) {
    const inNamespace = snapshot.cloudMapServices.filter(s => s.namespaceId === ns.id).length;
    add('servicediscovery:ListServices', Math.max(1, ceil(inNamespace, 100)));
  }
  const registeredByEcs = new Set(
    snapshot.services.flatMap(s => [
      ...s.serviceRegistries.map(r => r.registryArn),
      ...(s.serviceConnect?.services ?? []).flatMap(e => e.discoveryArn ?? []),
    ]),
  );
  for (const service of snapshot.cloudMapServices) {
    if (registeredByEcs.has(service.arn) || service.instances.length === 0) continue;
    add('servicediscovery:ListInstances', ceil(service.instances.length, 100));
    add('servicediscovery:DiscoverInstancesRevision', 1);
    if (service.healthCheck || service.customHealthCheck) {
      add('servicediscovery:GetInstancesHealthStatus', ceil(service.instances.length, 100));
    }
  }
  add('cloudwatch:ListMetrics', Math.max(1, ceil(snapshot.observedCalls?.length ?? 0, 500)));
  const groups = new Set(
    snapshot.services.flatMap(s => s.loadBalancers.flatMap(lb => lb.targetGroupArn ?? [])),
  );
  add('elasticloadbalancing:DescribeTargetGroups', ceil(groups.size, 20));
  const balancers = new Set(
    snapshot.services.flatMap(s => s.loadBalancers.flatMap(lb => lb.dnsName ?? [])),
  );
  add('elasticloadbalancing:DescribeLoadBalancers', ceil(balancers.size, 20));
  for (const side of [
    snapshot.namespaces.filter(ns => !ns.ownerAccountId),
    snapshot.namespaces.filter(ns => ns.ownerAccountId),
  ]) {
    if (!side.length) continue;
    add('ram:ListResources', 1);
    const shares = new Set(side.flatMap(ns => (ns.shares ?? []).map(share => share.arn)));
    if (!shares.size) continue;
    add('ram:GetResourceShares', 1);
    if (!side[0].ownerAccountId) add('ram:GetResourceShareAssociations', 1);
    add('ram:ListResourceSharePermissions', shares.size);
  }
  return bound;
}

/** The bound of a re-sync with nothing changed: what the last sync read is still known. */
export function steadyState(bound: Record<string, number>): Record<string, number> {
  const {
    'ecs:DescribeTaskDefinition': _taskDefinitions,
    'servicediscovery:ListInstances': _instances,
    ...rest
  } = bound;
  return rest;
}
