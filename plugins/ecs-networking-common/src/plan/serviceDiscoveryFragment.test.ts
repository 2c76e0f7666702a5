import { analyzeNetwork } from '../analyze';
import { demoLikeNetwork, plannedService } from '../testing/demoLike';
import { servicesByArn } from './owners';
import { problemCollector } from './problemCollector';
import { resolveScope } from './resolveScope';
import { serviceDiscoveryFragment } from './serviceDiscoveryFragment';
import type { PlannedServiceDiscovery } from './types';

function fragmentOf(
  sd: Partial<PlannedServiceDiscovery>,
  options: { replace?: string; cluster?: string } = {},
) {
  const live = demoLikeNetwork();
  const plan = plannedService({
    cluster: options.cluster ?? 'web',
    serviceConnect: undefined,
    serviceDiscovery: [
      {
        namespace: 'app',
        createNamespace: false,
        name: 'checkout',
        records: [{ type: 'A', ttl: 10 }],
        customHealthCheck: true,
        ...sd,
      },
    ],
  });
  const { problems, add } = problemCollector();
  const planScope = resolveScope(plan, live, add)!;
  const replaced = planScope.scope.services.find(
    s => s.name === options.replace,
  );
  const fragment = serviceDiscoveryFragment({
    plan,
    planScope,
    replaced,
    services: servicesByArn(analyzeNetwork(live.snapshots)),
    add,
  });
  return { fragment, problems };
}

describe('serviceDiscoveryFragment', () => {
  it('creates a Cloud Map service for a free name in a live namespace', () => {
    const { fragment, problems } = fragmentOf({});
    expect(problems).toEqual([]);
    expect(fragment.cloudMapServices).toEqual([
      expect.objectContaining({
        name: 'checkout',
        namespaceId: 'ns-app',
        managedByEcs: false,
      }),
    ]);
    expect(fragment.registries).toEqual([
      expect.objectContaining({
        registryArn: fragment.cloudMapServices[0].arn,
      }),
    ]);
    expect(fragment.resolved).toEqual([
      expect.objectContaining({ fqdn: 'checkout.app', namespaceId: 'ns-app' }),
    ]);
  });

  it('names the service and owner holding a taken name, but not for the service it replaces', () => {
    const taken = fragmentOf({ name: 'mysql' });
    expect(taken.problems.map(p => p.ruleId)).toEqual([
      'service-discovery-name-taken',
    ]);
    expect(taken.problems[0].message).toContain('web/mysql (owner team-web)');
    expect(taken.fragment.cloudMapServices).toEqual([]);

    const own = fragmentOf({ name: 'mysql' }, { replace: 'mysql' });
    expect(own.problems).toEqual([]);
    expect(own.fragment.registries[0].registryArn).toContain('srv-app-mysql');
  });

  it('creates a new private DNS namespace, unless the name is in use', () => {
    const fresh = fragmentOf({
      namespace: 'Orders.Internal',
      createNamespace: true,
    });
    expect(fresh.problems).toEqual([]);
    expect(fresh.fragment.namespaces).toEqual([
      expect.objectContaining({ name: 'orders.internal', type: 'DNS_PRIVATE' }),
    ]);
    expect(fresh.fragment.resolved[0]).toMatchObject({
      createNamespace: true,
      namespaceId: undefined,
    });
    const clash = fragmentOf({ namespace: 'app', createNamespace: true });
    expect(clash.problems.map(p => p.ruleId)).toEqual(['namespace-exists']);
  });

  it('refuses a namespace that is not private DNS', () => {
    const { problems } = fragmentOf({ namespace: 'sc.local' });
    expect(problems.map(p => p.ruleId)).toEqual(['namespace-type']);
    expect(problems[0].message).toContain('HTTP namespace has no DNS records');
  });
});
