import { demoLikeNetwork, plannedService } from '../testing/demoLike';
import { problemCollector } from './problemCollector';
import { resolveScope } from './resolveScope';

describe('resolveScope', () => {
  it('finds the snapshot and cluster of the plan, by cluster name or ARN', () => {
    const { problems, add } = problemCollector();
    const byName = resolveScope(plannedService(), demoLikeNetwork(), add);
    expect(byName?.cluster.name).toBe('shop');
    expect(byName?.clusterExists).toBe(true);
    const byArn = resolveScope(
      plannedService({ cluster: byName!.cluster.arn }),
      demoLikeNetwork(),
      add,
    );
    expect(byArn?.cluster).toBe(
      byArn?.scope.clusters.find(c => c.name === 'shop'),
    );
    expect(problems).toEqual([]);
  });

  it('stops when there is nothing to check against', () => {
    const none = problemCollector();
    expect(
      resolveScope(
        plannedService(),
        { generation: 0, snapshots: [], statuses: [] },
        none.add,
      ),
    ).toBeUndefined();
    expect(none.problems.map(p => p.ruleId)).toEqual([
      'live-state-unavailable',
    ]);

    const other = problemCollector();
    expect(
      resolveScope(
        plannedService({ region: 'ap-south-1' }),
        demoLikeNetwork(),
        other.add,
      ),
    ).toBeUndefined();
    expect(other.problems[0].ruleId).toBe('scope-not-read');
    expect(other.problems[0].message).toContain('111111111111 / us-east-1');
  });

  it('warns about stale data and stands in a cluster that does not exist', () => {
    const live = demoLikeNetwork();
    live.statuses[0] = {
      ...live.statuses[0],
      stale: true,
      lastError: 'ThrottlingException',
    };
    const { problems, add } = problemCollector();
    const resolved = resolveScope(
      plannedService({ cluster: 'nope' }),
      live,
      add,
    );
    expect(resolved).toMatchObject({
      clusterExists: false,
      cluster: {
        name: 'nope',
        arn: 'arn:aws:ecs:eu-west-1:111111111111:cluster/nope',
      },
    });
    expect(problems.map(p => [p.severity, p.ruleId])).toEqual([
      ['warning', 'scope-stale'],
      ['error', 'cluster-not-found'],
    ]);
    expect(problems[0].message).toContain('ThrottlingException');
    expect(problems[1].fix).toContain('shop, web');
  });
});
