import { CloudWatchClient, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import type { EcsServiceInfo, ObservedCall } from '@ecs-net/plugin-ecs-networking-common';
import { collectPages } from './paging';
import type { ReadNotes } from './ReadNotes';

/**
 * Service Connect publishes, for each client, `AWS/ECS` series carrying the
 * `TargetDiscoveryName` it called. A series active in the last three hours is
 * evidence of real traffic; listing metrics is enough, no datapoints needed.
 */
export async function readObservedCalls(
  cloudWatch: CloudWatchClient,
  services: EcsServiceInfo[],
  notes: ReadNotes,
): Promise<ObservedCall[]> {
  const metrics = await collectPages(
    async token => {
      const page = await cloudWatch.send(
        new ListMetricsCommand({
          Namespace: 'AWS/ECS',
          MetricName: 'RequestCount',
          Dimensions: [{ Name: 'TargetDiscoveryName' }],
          RecentlyActive: 'PT3H',
          NextToken: token,
        }),
      );
      return { items: page.Metrics, next: page.NextToken };
    },
    // ListMetrics pages by 500 and takes no page size.
    { what: 'cloudwatch:ListMetrics', key: metric => JSON.stringify(metric), pageSize: 500, notes },
  );
  const byClusterAndName = new Map(services.map(s => [`${s.clusterName}/${s.name}`, s]));
  const calls = new Map<string, ObservedCall>();
  for (const metric of metrics) {
    const dimension = (name: string) => metric.Dimensions?.find(d => d.Name === name)?.Value;
    const caller = byClusterAndName.get(`${dimension('ClusterName')}/${dimension('ServiceName')}`);
    const target = dimension('TargetDiscoveryName');
    if (!caller || !target) continue;
    calls.set(`${caller.arn}|${target}`, {
      from: caller.arn,
      discoveryName: target,
      namespace: caller.serviceConnect?.namespace,
    });
  }
  return [...calls.values()];
}
