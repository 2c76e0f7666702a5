import {
  CloudWatchClient,
  GetMetricDataCommand,
  ListMetricsCommand,
} from '@aws-sdk/client-cloudwatch';
import { LocalAws, startLocalAws } from '../startLocalAws';
import { DEMO_KEY } from '../__testUtils__/clients';

describe('CloudWatch Service Connect metrics through @aws-sdk/client-cloudwatch (JSON 1.0)', () => {
  let local: LocalAws;
  let cloudWatch: CloudWatchClient;

  beforeAll(async () => {
    local = await startLocalAws();
    cloudWatch = new CloudWatchClient({
      endpoint: local.url,
      region: 'eu-west-1',
      credentials: DEMO_KEY,
    });
  });
  afterAll(() => local.close());

  const dims = (service: string, target: string) => [
    { Name: 'ClusterName', Value: 'shop' },
    { Name: 'ServiceName', Value: service },
    { Name: 'TargetDiscoveryName', Value: target },
  ];

  it('lists one outbound RequestCount series per caller → target found in Service Connect clients', async () => {
    const { Metrics } = await cloudWatch.send(
      new ListMetricsCommand({
        Namespace: 'AWS/ECS',
        MetricName: 'RequestCount',
        Dimensions: [{ Name: 'TargetDiscoveryName' }],
      }),
    );
    const edges = Metrics!.map(m => {
      const value = (name: string) =>
        m.Dimensions!.find(d => d.Name === name)!.Value;
      return `${value('ServiceName')} -> ${value('TargetDiscoveryName')}`;
    });
    expect(edges.sort()).toEqual([
      'legacy-gateway -> order-service',
      'nightly-report -> product-service',
      'order-service -> product-service',
      'order-service -> user-service',
      'payment-service -> order-service',
      'product-service -> inventory',
    ]);
  });

  it('answers GetMetricData with one datapoint per period, newest first, the same on every call', async () => {
    const end = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const start = new Date(end.getTime() - 10 * 60_000);
    const query = new GetMetricDataCommand({
      StartTime: start,
      EndTime: end,
      MetricDataQueries: [
        {
          Id: 'calls',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/ECS',
              MetricName: 'RequestCount',
              Dimensions: dims('order-service', 'user-service'),
            },
            Period: 60,
            Stat: 'Sum',
          },
        },
        {
          Id: 'none',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/ECS',
              MetricName: 'RequestCount',
              Dimensions: dims('user-service', 'order-service'),
            },
            Period: 60,
            Stat: 'Sum',
          },
        },
      ],
    });
    const first = await cloudWatch.send(query);
    const [calls, none] = first.MetricDataResults!;
    expect(calls).toMatchObject({
      Id: 'calls',
      Label: 'RequestCount',
      StatusCode: 'Complete',
    });
    expect(calls.Timestamps).toHaveLength(10);
    expect(calls.Timestamps![0].getTime()).toBe(end.getTime() - 60_000);
    expect(calls.Values!.every(v => v > 0)).toBe(true);
    expect(none.Values).toEqual([]);
    const second = await cloudWatch.send(query);
    expect(second.MetricDataResults![0].Values).toEqual(calls.Values);
  });

  it('rejects metric math it does not emulate with InvalidParameterValue', async () => {
    await expect(
      cloudWatch.send(
        new GetMetricDataCommand({
          StartTime: new Date(Date.now() - 600_000),
          EndTime: new Date(),
          MetricDataQueries: [{ Id: 'm', Expression: 'SUM(METRICS())' }],
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      $metadata: { httpStatusCode: 400 },
    });
  });
});
