import { demoLikeNetwork } from '../testing/demoLike';
import { planInput } from '../testing/planInput';
import { checkPlanInput } from './checkPlanInput';
import { problemInput } from './problemInput';

describe('checkPlanInput', () => {
  it('resolves a correct plan with no problems', () => {
    const result = checkPlanInput(planInput(), demoLikeNetwork());
    expect(result.problems).toEqual([]);
    expect(result.resolved?.endpoints).toEqual(['checkout:8080']);
  });

  it('reports every problem of a colliding plan at once, each with its input', () => {
    const { problems } = checkPlanInput(
      planInput({
        serviceName: 'user-service',
        serviceConnect: {
          discoveryName: 'user-service',
          clientAlias: { dnsName: 'user-service', port: 8080 },
        },
        dependencies: ['ordr-service:8080'],
      }),
      demoLikeNetwork(),
    );
    expect(
      problems
        .filter(p => p.severity === 'error')
        .map(p => [p.ruleId, problemInput(p)])
        .sort(),
    ).toEqual([
      ['dependency-unknown', 'dependencies'],
      ['duplicate-client-alias', 'serviceConnect.clientAlias.dnsName'],
      ['duplicate-discovery-name', 'serviceConnect.discoveryName'],
      ['service-name-taken', 'serviceName'],
    ]);
  });

  it('stops at malformed names, naming each field, before looking at live state', () => {
    const result = checkPlanInput(
      planInput({
        serviceName: 'check out',
        serviceConnect: {
          namespace: '../etc',
          clientAlias: { dnsName: 'Checkout_', port: 0 },
        },
        dependencies: ['$(reboot)'],
      }),
      demoLikeNetwork(),
    );
    expect(result.resolved).toBeUndefined();
    expect(result.problems.map(p => p.field)).toEqual([
      'serviceName',
      'serviceConnect.namespace',
      'serviceConnect.clientAlias.dnsName',
      'serviceConnect.clientAlias.port',
      'dependencies',
    ]);
    expect(result.problems[0].message).toContain('"check out" must be 1-255');
  });

  it('names the namespace input of either mechanism when a namespace is unknown', () => {
    const { problems } = checkPlanInput(
      planInput({
        mode: 'both',
        serviceConnect: {
          namespace: 'nowhere.local',
          clientAlias: { dnsName: 'checkout', port: 8080 },
        },
        serviceDiscovery: {
          namespace: 'nowhere.internal',
          createNamespace: false,
          name: 'checkout',
          recordType: 'A',
          ttl: 10,
          routingPolicy: 'MULTIVALUE',
          customHealthCheck: true,
        },
      }),
      demoLikeNetwork(),
    );
    expect(
      problems
        .filter(p => p.ruleId === 'namespace-not-found')
        .map(problemInput),
    ).toEqual(['serviceConnect.namespace', 'serviceDiscovery.namespace']);
  });
});
