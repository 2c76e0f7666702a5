import { demoLikeNetwork, plannedService } from '../testing/demoLike';
import { baselineModel } from './baseline';
import { findingProblems } from './findingProblems';
import { analyzeWithPlan } from './mergeFragment';
import { servicesByArn } from './owners';
import { planFragment } from './planFragment';
import { problemCollector } from './problemCollector';
import { resolveScope } from './resolveScope';
import type { PlannedService } from './types';

function problemsOf(plan: PlannedService) {
  const live = demoLikeNetwork();
  const collected = problemCollector();
  const planScope = resolveScope(plan, live, collected.add)!;
  const baseline = baselineModel(live);
  const fragment = planFragment(
    plan,
    planScope,
    servicesByArn(baseline),
    collected.add,
  );
  const model = analyzeWithPlan(live, planScope, fragment);
  const { problems, add } = problemCollector();
  findingProblems(plan, fragment, model, baseline, add);
  return problems;
}

describe('findingProblems', () => {
  it("leaves out what is wrong in live state already (legacy-gateway's App Mesh)", () => {
    expect(problemsOf(plannedService()).map(p => p.ruleId)).not.toContain(
      'app-mesh-in-use',
    );
  });

  it('blocks App Mesh and a missing owner on what the plan creates', () => {
    const problems = problemsOf(
      plannedService({
        proxyConfiguration: { type: 'APPMESH', containerName: 'envoy' },
        tags: { component: 'checkout' },
      }),
    );
    expect(
      problems
        .filter(p =>
          ['app-mesh-in-use', 'owner-tag-missing'].includes(p.ruleId),
        )
        .map(p => p.severity),
    ).toEqual(['error', 'error']);
  });

  it('reports a clash on the side of the plan only, with the owner of the other side', () => {
    const problems = problemsOf(
      plannedService({
        serviceConnect: {
          services: [
            {
              portName: 'http',
              discoveryName: 'checkout',
              clientAliases: [{ dnsName: 'order-service', port: 8080 }],
            },
          ],
        },
      }),
    );
    const clash = problems.filter(p => p.ruleId === 'duplicate-client-alias');
    expect(clash).toHaveLength(1);
    expect(clash[0].message).toMatch(/^Client alias order-service:8080/);
    expect(clash[0].message).toContain(
      'shop/order-service is owned by team-orders',
    );
  });
});
