import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import {
  CreateServiceCommand as CreateCloudMapServiceCommand,
  DeleteServiceCommand as DeleteCloudMapServiceCommand,
  RegisterInstanceCommand,
  ServiceDiscoveryClient,
} from '@aws-sdk/client-servicediscovery';
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

  it('re-reads the Cloud Map services an event names, with the instances only Cloud Map knows', async () => {
    const cloudMap = new ServiceDiscoveryClient({ credentials: demoAwsConfig().mainAccount });
    try {
      const ldap = base.cloudMapServices.find(s => s.name === 'ldap')!;
      await cloudMap.send(
        new RegisterInstanceCommand({
          ServiceId: ldap.id,
          InstanceId: 'i-second',
          Attributes: { AWS_INSTANCE_IPV4: '10.11.2.201' },
        }),
      );
      const { Service: cache } = await cloudMap.send(
        new CreateCloudMapServiceCommand({
          Name: 'cache',
          NamespaceId: ldap.namespaceId,
          DnsConfig: { DnsRecords: [{ Type: 'A', TTL: 10 }] },
        }),
      );
      local.resetCalls();
      const result = await reader.refreshServices(SCOPE, base, [], { cloudMapServiceIds: [ldap.id, cache!.Id!] });
      // One GetService each, and the instances of the one that has any: no listing.
      const calls = Object.fromEntries(local.calls().map(c => [c.operation, c.calls]));
      expect(calls).toEqual({ GetService: 2, ListInstances: 1, GetInstancesHealthStatus: 1 });
      const updated = applyServiceRefresh(base, result.refresh!);
      const ips = updated.cloudMapServices.find(s => s.arn === ldap.arn)!.instances.map(i => i.ipv4);
      expect(ips.sort()).toEqual(['10.11.2.200', '10.11.2.201']);
      expect(updated.cloudMapServices.map(s => s.name)).toContain('cache');
      expect(updated.services).toEqual(base.services);

      await cloudMap.send(new DeleteCloudMapServiceCommand({ Id: cache!.Id }));
      const deleted = await reader.refreshServices(SCOPE, updated, [], { cloudMapServiceIds: [cache!.Id!] });
      expect(deleted.refresh).toMatchObject({ cloudMapServices: [], cloudMapGone: [cache!.Arn] });
      expect(applyServiceRefresh(updated, deleted.refresh!).cloudMapServices.map(s => s.name)).not.toContain('cache');
    } finally {
      cloudMap.destroy();
    }
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

  it('orders Cloud Map re-reads by when they began, and keeps the later ones over a full read', () => {
    const arn = 'arn:aws:servicediscovery:eu-west-1:111111111111:service/srv-1';
    const db = {
      id: 'srv-1',
      arn,
      name: 'db',
      namespaceId: 'ns-1',
      dnsRecords: [],
      customHealthCheck: false,
      managedByEcs: false,
      tags: {},
      instances: [{ id: 'i-1', ipv4: '10.0.0.1' }],
    };
    const none = { services: [], gone: [], taskDefinitions: [] };
    const created = { ...none, startedAt: early.startedAt, cloudMapServices: [db] };
    const deleted = { ...none, startedAt: late.startedAt, cloudMapGone: [arn] };
    const base = snapshot([]);
    expect([created, deleted].reduce(applyServiceRefresh, base).cloudMapServices).toEqual([]);
    expect([deleted, created].reduce(applyServiceRefresh, base).cloudMapServices).toEqual([]);

    const stored = applyServiceRefresh(base, created);
    expect(keepLaterRefreshes(base, stored, '2026-01-01T00:00:30.000Z').cloudMapServices).toEqual([db]);
    expect(keepLaterRefreshes(base, stored, '2026-01-01T00:05:00.000Z').cloudMapServices).toEqual([]);
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
