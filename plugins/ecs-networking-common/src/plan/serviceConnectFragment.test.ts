import { demoLikeNetwork, plannedService } from '../testing/demoLike';
import { problemCollector } from './problemCollector';
import { resolveScope } from './resolveScope';
import { serviceConnectFragment } from './serviceConnectFragment';
import type { PlannedService } from './types';

function fragmentOf(plan: PlannedService) {
  const { problems, add } = problemCollector();
  const planScope = resolveScope(plan, demoLikeNetwork(), add)!;
  return { fragment: serviceConnectFragment(plan, planScope, add), problems };
}

describe('serviceConnectFragment', () => {
  it("uses the cluster's default namespace and registers each discovery name", () => {
    const { fragment, problems } = fragmentOf(plannedService());
    expect(problems).toEqual([]);
    expect(fragment?.config).toMatchObject({
      enabled: true,
      namespace:
        'arn:aws:servicediscovery:eu-west-1:111111111111:namespace/ns-sc-local',
      namespaceFromCluster: true,
    });
    expect(fragment?.cloudMapServices).toEqual([
      expect.objectContaining({
        name: 'checkout',
        managedByEcs: true,
        namespaceId: 'ns-sc-local',
      }),
    ]);
    expect(fragment?.config.services[0].discoveryArn).toBe(
      fragment?.cloudMapServices[0].arn,
    );
    expect(fragment?.namespaceReported).toBe(false);
  });

  it('resolves an alias without a dnsName to discoveryName.namespace:port', () => {
    const { fragment } = fragmentOf(
      plannedService({
        serviceConnect: {
          namespace: 'app',
          services: [{ portName: 'http', clientAliases: [{ port: 80 }] }],
        },
      }),
    );
    expect(fragment?.resolved).toMatchObject({
      namespaceName: 'app',
      namespaceFromCluster: false,
      discoveryName: 'http',
      clientAliases: ['http.app:80'],
    });
  });

  it('reports an unknown namespace once and registers nothing', () => {
    const { fragment, problems } = fragmentOf(
      plannedService({
        serviceConnect: {
          namespace: 'nowhere.local',
          services: [
            { portName: 'http', clientAliases: [{ dnsName: 'x', port: 80 }] },
          ],
        },
      }),
    );
    expect(problems.map(p => p.ruleId)).toEqual(['namespace-not-found']);
    expect(fragment).toMatchObject({
      namespaceReported: true,
      cloudMapServices: [],
      resolved: undefined,
    });
  });

  it('is absent without Service Connect', () => {
    expect(
      fragmentOf(plannedService({ serviceConnect: undefined })).fragment,
    ).toBeUndefined();
  });
});
