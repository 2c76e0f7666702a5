import { analyzeNetwork } from '../analyze';
import { demoLikeNetwork, plannedService } from '../testing/demoLike';
import { analyzeWithPlan, mergedScope } from './mergeFragment';
import { servicesByArn } from './owners';
import { planFragment } from './planFragment';
import { problemCollector } from './problemCollector';
import { resolveScope } from './resolveScope';
import type { PlannedService } from './types';

function merge(plan: PlannedService) {
  const live = demoLikeNetwork();
  const { add } = problemCollector();
  const planScope = resolveScope(plan, live, add)!;
  const services = servicesByArn(analyzeNetwork(live.snapshots));
  const fragment = planFragment(plan, planScope, services, add);
  return { live, planScope, fragment };
}

describe('mergeFragment', () => {
  it('adds what a new service creates and keeps everything live', () => {
    const { planScope, fragment } = merge(plannedService());
    const merged = mergedScope(planScope, fragment);
    expect(merged.services).toEqual([
      ...planScope.scope.services,
      fragment.service,
    ]);
    expect(merged.taskDefinitions).toContain(fragment.taskDefinition);
    expect(merged.cloudMapServices).toEqual(
      expect.arrayContaining(fragment.cloudMapServices),
    );
    expect(merged.clusters).toBe(planScope.scope.clusters);
  });

  it('swaps a replaced service and the Cloud Map services ECS made for it', () => {
    const { planScope, fragment } = merge(
      plannedService({ serviceName: 'inventory-service', intent: 'update' }),
    );
    const merged = mergedScope(planScope, fragment);
    const live = planScope.scope.services.find(
      s => s.name === 'inventory-service',
    )!;
    expect(merged.services.filter(s => s.name === 'inventory-service')).toEqual(
      [fragment.service],
    );
    for (const entry of live.serviceConnect!.services) {
      expect(merged.cloudMapServices.map(c => c.arn)).not.toContain(
        entry.discoveryArn,
      );
    }
  });

  it('adds a cluster that does not exist, so the plan is still analysed', () => {
    const { planScope, fragment } = merge(plannedService({ cluster: 'new' }));
    expect(
      mergedScope(planScope, fragment).clusters.map(c => c.name),
    ).toContain('new');
  });

  it('analyses the estate with the plan in its scope and every other scope as it is', () => {
    const { live, planScope, fragment } = merge(plannedService());
    const model = analyzeWithPlan(live, planScope, fragment);
    expect(
      model.endpoints
        .filter(e => e.serviceArn === fragment.analysisArn)
        .map(e => e.name),
    ).toEqual(['checkout:8080']);
    expect(model.services.filter(s => s.region === 'us-east-1')).toHaveLength(
      1,
    );
  });
});
