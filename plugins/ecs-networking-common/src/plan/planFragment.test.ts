import { analyzeNetwork } from '../analyze';
import { demoLikeNetwork, plannedService } from '../testing/demoLike';
import { servicesByArn } from './owners';
import { planFragment } from './planFragment';
import { problemCollector } from './problemCollector';
import { resolveScope } from './resolveScope';
import type { PlannedService } from './types';

function fragmentOf(plan: PlannedService) {
  const live = demoLikeNetwork();
  const { problems, add } = problemCollector();
  const planScope = resolveScope(plan, live, add)!;
  const services = servicesByArn(analyzeNetwork(live.snapshots));
  return { fragment: planFragment(plan, planScope, services, add), problems };
}

describe('planFragment', () => {
  it('turns a new service into an ECS service and the next task definition revision', () => {
    const { fragment, problems } = fragmentOf(plannedService());
    expect(problems).toEqual([]);
    expect(fragment.serviceArn).toBe(
      'arn:aws:ecs:eu-west-1:111111111111:service/shop/checkout',
    );
    expect(fragment.analysisArn).toBe(fragment.serviceArn);
    expect(fragment.service).toMatchObject({
      name: 'checkout',
      clusterName: 'shop',
      launchType: 'FARGATE',
      taskDefinitionArn: fragment.taskDefinition.arn,
    });
    expect(fragment.taskDefinition.revision).toBe(1);
    expect(fragment.planned).toEqual(
      new Set([fragment.serviceArn, fragment.taskDefinition.arn]),
    );
    expect(fragment.suppressed).toEqual(new Set(['reference-unresolved']));
  });

  it('keeps a service whose name is taken apart from the live one in the analysis', () => {
    const { fragment, problems } = fragmentOf(
      plannedService({ serviceName: 'user-service' }),
    );
    expect(problems.map(p => p.ruleId)).toEqual(['service-name-taken']);
    expect(problems[0].message).toContain(
      'shop/user-service (owner team-identity)',
    );
    expect(fragment.serviceArn).toBe(
      'arn:aws:ecs:eu-west-1:111111111111:service/shop/user-service',
    );
    expect(fragment.analysisArn).not.toBe(fragment.serviceArn);
    expect(fragment.taskDefinition.revision).toBe(2);
  });

  it('replaces the live service of an update, under its own ARN', () => {
    const { fragment, problems } = fragmentOf(
      plannedService({ serviceName: 'legacy-gateway', intent: 'update' }),
    );
    expect(problems).toEqual([]);
    expect(fragment.replaced?.name).toBe('legacy-gateway');
    expect(fragment.analysisArn).toBe(fragment.replaced?.arn);

    const missing = fragmentOf(
      plannedService({ serviceName: 'ghost', intent: 'update' }),
    );
    expect(missing.problems.map(p => p.ruleId)).toEqual(['service-not-found']);
  });

  it('tags environment references of the containers for the analysis', () => {
    const { fragment } = fragmentOf(
      plannedService({
        containers: [
          {
            name: 'checkout',
            portMappings: [],
            environment: { ORDERS: 'http://order-service:8080', MODE: 'fast' },
          },
        ],
      }),
    );
    expect(fragment.taskDefinition.containers[0].references).toEqual([
      expect.objectContaining({
        text: 'http://order-service:8080',
        source: { kind: 'environment', variable: 'ORDERS' },
      }),
    ]);
  });
});
