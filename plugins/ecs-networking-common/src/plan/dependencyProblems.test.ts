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
) {
  const live = demoLikeNetwork();
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
});
