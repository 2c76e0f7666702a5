import type { MetricsService, MetricsServiceObservableCallback } from '@backstage/backend-plugin-api/alpha';
import type { LiveStats } from './LiveUpdater';
import { observeLiveStats } from './liveMetrics';

/** A metrics service that collects the observable counters' values when asked, as an exporter does. */
function collectingMetrics() {
  const callbacks = new Map<string, MetricsServiceObservableCallback>();
  const metrics = {
    createObservableCounter: (name: string) => ({
      addCallback: (callback: MetricsServiceObservableCallback) => callbacks.set(name, callback),
      removeCallback: () => {},
    }),
  } as unknown as MetricsService;
  const collect = async () => {
    const values: Record<string, number> = {};
    for (const [name, callback] of callbacks) {
      await callback({
        observe: (value, attributes) => {
          values[[name, ...Object.values(attributes ?? {})].join(' ')] = value;
        },
      });
    }
    return values;
  };
  return { metrics, collect };
}

describe('observeLiveStats', () => {
  it('reports the live counters at every collection, events by outcome', async () => {
    const stats: LiveStats = {
      received: 10,
      duplicates: 2,
      unconfiguredScope: 3,
      irrelevant: 1,
      refreshes: 4,
      changed: 3,
      failed: 1,
      awsCalls: 17,
    };
    const { metrics, collect } = collectingMetrics();
    observeLiveStats(metrics, () => stats);
    expect(await collect()).toEqual({
      'ecs_networking.live.events accepted': 4,
      'ecs_networking.live.events duplicate': 2,
      'ecs_networking.live.events unconfigured_scope': 3,
      'ecs_networking.live.events irrelevant': 1,
      'ecs_networking.live.refreshes changed': 3,
      'ecs_networking.live.refreshes unchanged': 1,
      'ecs_networking.live.refreshes failed': 1,
      'ecs_networking.live.aws_calls': 17,
    });
    stats.unconfiguredScope++;
    expect((await collect())['ecs_networking.live.events unconfigured_scope']).toBe(4);
  });
});
