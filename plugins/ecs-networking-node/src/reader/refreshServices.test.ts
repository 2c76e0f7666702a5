import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { demoAwsConfig, LocalAws, startLocalAwsForSdk } from '@ecs-net/aws-local';
import type { ScopeSnapshot } from '@ecs-net/plugin-ecs-networking-common';
import { EstateReader } from '../EstateReader';
import { applyServiceRefresh, keepLaterRefreshes } from './applyServiceRefresh';

jest.setTimeout(30_000);

const CANARY = 'ecsnet-canary-7f3a9b';
const SCOPE = { accountId: '111111111111', region: 'eu-west-1' };
const ORDERS = 'arn:aws:ecs:eu-west-1:111111111111:service/shop/order-service';

describe('EstateReader.refreshServices', () => {
  let local: LocalAws;
  let ecs: ECSClient;
  let reader: EstateReader;
  let base: ScopeSnapshot;

  beforeAll(async () => {
    local = await startLocalAwsForSdk();
    ecs = new ECSClient({ credentials: demoAwsConfig().mainAccount });
    reader = new EstateReader({
      credentials: DefaultAwsCredentialsManager.fromConfig(new ConfigReader({ aws: demoAwsConfig() })),
      quotaShare: 1,
      concurrency: 4,
    });
    const [read] = await reader.readEstate([SCOPE]);
    base = read.snapshot!;
  });
  afterAll(async () => {
    ecs.destroy();
    await local.close();
  });

  const tasksOf = (snapshot: ScopeSnapshot, arn: string) =>
    snapshot.services.find(s => s.arn === arn)?.tasks.length;

  it('re-reads one scaled service with a handful of calls, and leaves the others as they were', async () => {
    await ecs.send(new UpdateServiceCommand({ cluster: 'shop', service: 'order-service', desiredCount: 3 }));
    local.resetCalls();
    const result = await reader.refreshServices(SCOPE, base, [ORDERS]);

    const calls = Object.fromEntries(local.calls().map(c => [c.operation, c.calls]));
    expect(calls).toEqual({ DescribeServices: 1, ListTasks: 1, DescribeTasks: 1 });
    const updated = applyServiceRefresh(base, result.refresh!);
    expect(tasksOf(base, ORDERS)).toBe(2);
    expect(tasksOf(updated, ORDERS)).toBe(3);
    expect(updated.services.filter(s => s.arn !== ORDERS)).toEqual(
      base.services.filter(s => s.arn !== ORDERS),
    );
    expect(updated.refreshedAt).toEqual({ [ORDERS]: result.refresh!.startedAt });
  });

  it('reads a new service with its new task definition, matching references, keeping no secret', async () => {
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'refund-service',
        networkMode: 'awsvpc',
        containerDefinitions: [
          {
            name: 'refund-service',
            image: 'refund:1',
            portMappings: [{ name: 'http', containerPort: 8080 }],
            environment: [
              { name: 'DB_PASSWORD', value: CANARY },
              { name: 'ORDERS_URL', value: 'http://order-service:8080' },
            ],
          },
        ],
      }),
    );
    const orders = await ecs.send(new DescribeServicesCommand({ cluster: 'shop', services: ['order-service'] }));
    const { service } = await ecs.send(
      new CreateServiceCommand({
        cluster: 'shop',
        serviceName: 'refund-service',
        taskDefinition: 'refund-service',
        desiredCount: 1,
        networkConfiguration: orders.services![0].networkConfiguration,
      }),
    );
    const result = await reader.refreshServices(SCOPE, base, [service!.serviceArn!]);
    const updated = applyServiceRefresh(base, result.refresh!);

    expect(updated.services.map(s => s.name)).toContain('refund-service');
    const td = updated.taskDefinitions.find(t => t.family === 'refund-service')!;
    expect(td.containers[0].references.map(r => r.text)).toEqual(['http://order-service:8080']);
    expect(JSON.stringify(result)).not.toContain(CANARY);
  });

  it('reports a deleted service gone, and leaves out services of clusters the scope does not read', async () => {
    await ecs.send(new DeleteServiceCommand({ cluster: 'shop', service: 'order-service', force: true }));
    const result = await reader.refreshServices(SCOPE, base, [ORDERS]);
    expect(result.refresh).toMatchObject({ services: [], gone: [ORDERS] });
    expect(applyServiceRefresh(base, result.refresh!).services.map(s => s.arn)).not.toContain(ORDERS);

    const filtered = await reader.refreshServices({ ...SCOPE, clusters: ['other'] }, base, [ORDERS]);
    expect(filtered.refresh).toMatchObject({ services: [], gone: [] });
  });
});

describe('applyServiceRefresh', () => {
  const snapshot = (services: Array<{ arn: string; tasks: number }>): ScopeSnapshot => ({
    accountId: '111111111111',
    region: 'eu-west-1',
    readAt: '2026-01-01T00:00:00.000Z',
    clusters: [],
    services: services.map(({ arn, tasks }) => ({
      arn,
      name: arn,
      clusterArn: 'c',
      clusterName: 'c',
      status: 'ACTIVE',
      taskDefinitionArn: 'td',
      desiredCount: tasks,
      runningCount: tasks,
      tags: {},
      serviceRegistries: [],
      loadBalancers: [],
      tasks: Array.from({ length: tasks }, () => ({ health: 'UNKNOWN' as const })),
    })),
    taskDefinitions: [],
    namespaces: [],
    cloudMapServices: [],
  });
  const refreshOf = (startedAt: string, tasks: number | 'gone') => ({
    startedAt,
    services: tasks === 'gone' ? [] : snapshot([{ arn: 'a', tasks }]).services,
    gone: tasks === 'gone' ? ['a'] : [],
    taskDefinitions: [],
  });
  const early = refreshOf('2026-01-01T00:01:00.000Z', 2);
  const late = refreshOf('2026-01-01T00:02:00.000Z', 5);
  const gone = refreshOf('2026-01-01T00:03:00.000Z', 'gone');

  it('ends in the same snapshot whatever order, and however often, reads are applied', () => {
    const base = snapshot([{ arn: 'a', tasks: 1 }, { arn: 'b', tasks: 1 }]);
    const orders = [
      [early, late, gone],
      [gone, late, early],
      [late, gone, early, gone, early],
    ];
    const results = orders.map(order => order.reduce(applyServiceRefresh, base));
    for (const result of results) expect(result).toEqual(results[0]);
    expect(results[0].services.map(s => s.arn)).toEqual(['b']);
    expect([early, late].reduce(applyServiceRefresh, base).services[0].tasks).toHaveLength(5);
    expect([late, early].reduce(applyServiceRefresh, base).services[0].tasks).toHaveLength(5);
  });

  it('lets a full read keep only the re-reads that began after it', () => {
    const stored = [early, late].reduce(applyServiceRefresh, snapshot([{ arn: 'a', tasks: 1 }]));
    const fullRead = snapshot([{ arn: 'a', tasks: 3 }]);
    const before = keepLaterRefreshes(fullRead, stored, '2026-01-01T00:01:30.000Z');
    expect(before.services[0].tasks).toHaveLength(5);
    expect(before.refreshedAt).toEqual({ a: late.startedAt });
    const after = keepLaterRefreshes(fullRead, stored, '2026-01-01T00:05:00.000Z');
    expect(after.services[0].tasks).toHaveLength(3);
    expect(after.refreshedAt).toBeUndefined();
  });
});
