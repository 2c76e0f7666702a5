import type { MetricsService } from '@backstage/backend-plugin-api/alpha';
import type { LiveStats } from './LiveUpdater';

/**
 * The live updater's counters as the backend's metrics (OpenTelemetry,
 * exported however the backend is set up to): events received by outcome
 * (`ecs_networking.live.events`; `unconfigured_scope` counts events of
 * accounts or regions not configured, which are never read), re-reads by
 * outcome (`ecs_networking.live.refreshes`), and the AWS calls they made
 * (`ecs_networking.live.aws_calls`), beside the full syncs' calls in
 * `/status`.
 */
export function observeLiveStats(metrics: MetricsService, stats: () => LiveStats): void {
  metrics
    .createObservableCounter('ecs_networking.live.events', {
      description: 'AWS change events received on the configured topics, by outcome',
    })
    .addCallback(result => {
      const s = stats();
      result.observe(s.received - s.duplicates - s.unconfiguredScope - s.irrelevant, { outcome: 'accepted' });
      result.observe(s.duplicates, { outcome: 'duplicate' });
      result.observe(s.unconfiguredScope, { outcome: 'unconfigured_scope' });
      result.observe(s.irrelevant, { outcome: 'irrelevant' });
    });
  metrics
    .createObservableCounter('ecs_networking.live.refreshes', {
      description: 'Re-reads of the services AWS change events named, by outcome',
    })
    .addCallback(result => {
      const s = stats();
      result.observe(s.changed, { outcome: 'changed' });
      result.observe(s.refreshes - s.changed, { outcome: 'unchanged' });
      result.observe(s.failed, { outcome: 'failed' });
    });
  metrics
    .createObservableCounter('ecs_networking.live.aws_calls', {
      description: 'AWS calls made by re-reads for AWS change events',
    })
    .addCallback(result => result.observe(stats().awsCalls));
}
