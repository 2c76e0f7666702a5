import { demoLikeNetwork, plannedService } from '../testing/demoLike';
import { baselineModel } from './baseline';
import { dependencyProblems } from './dependencyProblems';
import { analyzeWithPlan } from './mergeFragment';
import { servicesByArn } from './owners';
import { planFragment } from './planFragment';
import { problemCollector } from './problemCollector';
import { resolveScope } from './resolveScope';

function check(
  dependencies: string[],
  environment: Record<string, string> = {},
  live = demoLikeNetwork(),
) {
  const plan = plannedService({
    dependencies,
    containers: [
      {
        name: 'checkout',
        portMappings: [{ name: 'http', containerPort: 8080 }],
        environment,
      },
    ],
  });
  const { problems, add } = problemCollector();
  const planScope = resolveScope(plan, live, add)!;
  const fragment = planFragment(
    plan,
    planScope,
    servicesByArn(baselineModel(live)),
    add,
  );
  const model = analyzeWithPlan(live, planScope, fragment);
  return { resolved: dependencyProblems(plan, fragment, model, add), problems };
}

describe('dependencyProblems', () => {
  it('resolves each declared dependency to the service and owner answering it', () => {
    const { resolved, problems } = check(['order-service:8080'], {
      ORDER_SERVICE_URL: 'http://order-service:8080',
    });
    expect(problems).toEqual([]);
    expect(resolved).toEqual([
      {
        endpoint: 'order-service:8080',
        resolved: 'order-service:8080',
        mechanism: 'connect',
        service: 'shop/order-service',
        owner: 'team-orders',
        variable: 'ORDER_SERVICE_URL',
        value: 'http://order-service:8080',
      },
    ]);
  });

  it('suggests endpoints that look like an unknown dependency, and reports it once', () => {
    const { problems } = check(['ordr-service:8080'], {
      ORDR_SERVICE_URL: 'http://ordr-service:8080',
    });
    expect(problems.map(p => p.ruleId)).toEqual(['dependency-unknown']);
    expect(problems[0].message).toContain('"ordr-service:8080"');
    expect(problems[0].message).toContain('Did you mean: order-service:8080?');
  });

  it('says so when a dependency is the new service itself', () => {
    const { problems } = check(['checkout:8080'], {
      CHECKOUT_URL: 'http://checkout:8080',
    });
    expect(problems[0].message).toContain('endpoint of the new service itself');
  });

  it('reports a container reference that names no endpoint, with its variable', () => {
    const { problems } = check([], { PAYMENTS_URL: 'http://payments:8080' });
    expect(problems.map(p => p.ruleId)).toEqual(['dependency-unknown']);
    expect(problems[0].message).toContain('variable PAYMENTS_URL');
  });

  it('warns about a dependency whose service has open error findings, naming its owner', () => {
    const live = demoLikeNetwork();
    const orders = live.snapshots[0].services.find(
      s => s.name === 'order-service',
    )!;
    // Its Service Connect port name names no port mapping: an error finding.
    orders.serviceConnect!.services[0].portName = 'web';
    const { problems, resolved } = check(
      ['order-service:8080'],
      { ORDER_SERVICE_URL: 'http://order-service:8080' },
      live,
    );
    expect(resolved).toHaveLength(1);
    expect(problems.map(p => [p.severity, p.ruleId])).toEqual([
      ['warning', 'dependency-has-errors'],
    ]);
    expect(problems[0].message).toContain(
      'served by shop/order-service, owned by team-orders, which has 1 open error finding',
    );
    expect(problems[0].message).toContain('[service-connect-port-name]');
  });
});
