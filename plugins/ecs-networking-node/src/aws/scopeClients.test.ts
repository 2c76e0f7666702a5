import { ListClustersCommand, ListServicesCommand } from '@aws-sdk/client-ecs';
import { type LocalAws, startLocalAwsForSdk } from '@ecs-net/aws-local';
import { CallStats } from './CallStats';
import { createScopeClients, ScopePacer } from './scopeClients';

jest.setTimeout(30_000);

describe('scope clients under throttling', () => {
  let local: LocalAws;

  beforeAll(async () => {
    // One ListClusters at a time: the second of two at once is throttled.
    local = await startLocalAwsForSdk({
      throttle: true,
      quotas: { ecsClusterRead: { burst: 1, refillPerSecond: 2 } },
    });
  });
  afterAll(() => local.close());

  it('counts every throttled attempt, then goes on at full speed', async () => {
    const stats = new CallStats();
    const { ecs } = createScopeClients({
      region: 'eu-west-1',
      credentials: async () => ({ accessKeyId: 'AKIADEMO111111111111', secretAccessKey: 'demo' }),
      pacer: new ScopePacer(1),
      stats,
    });
    try {
      await Promise.all([ecs.send(new ListClustersCommand({})), ecs.send(new ListClustersCommand({}))]);
      expect(stats.throttledCount()).toBeGreaterThan(0);
      expect(stats.byOperation()['ecs:ListClusters']).toBe(2 + stats.throttledCount());

      // One throttle must not slow the client's other calls: the SDK's
      // adaptive mode would now hold each request until its rate limiter,
      // measuring time by the clock, allowed 0.5 requests per second. With
      // the clock stopped, such a wait never ends; without one, the calls
      // need no timer at all.
      jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
      try {
        for (let i = 0; i < 20; i++) {
          await ecs.send(new ListServicesCommand({ cluster: 'shop' }));
        }
      } finally {
        jest.useRealTimers();
      }
      expect(stats.byOperation()['ecs:ListServices']).toBe(20);
    } finally {
      ecs.destroy();
    }
  });
});
