import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { GetQueueUrlCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { EventParams } from '@backstage/plugin-events-node';
import { demoAwsConfig, LocalAws, startLocalAwsForSdk } from '@ecs-net/aws-local';
import { SNAPSHOT_UPDATED_TOPIC } from '@ecs-net/plugin-ecs-networking-common';
import { createEcsNetworkingEngine, EcsNetworkingEngine } from '../createEcsNetworkingEngine';
import { demoConfig, recordingLogger, sqliteDatabase } from '../__testUtils__/harness';

jest.setTimeout(60_000);

const TOPIC = 'aws.ecs-changes';
const QUEUE_ARN = 'arn:aws:sqs:eu-west-1:111111111111:ecs-networking-events';
const SCOPE = { accountId: '111111111111', region: 'eu-west-1' };
const ORDERS = 'arn:aws:ecs:eu-west-1:111111111111:service/shop/order-service';
const CANARY = 'ecsnet-canary-7f3a9b';
const KEY = demoAwsConfig().mainAccount;

describe('live updates from AWS change events', () => {
  let local: LocalAws;
  let ecs: ECSClient;
  let sqs: SQSClient;
  let queueUrl: string;
  let engine: EcsNetworkingEngine;
  let events: ReturnType<typeof mockServices.events>;
  let announced: EventParams[];
  let logger: ReturnType<typeof recordingLogger>;

  beforeEach(async () => {
    local = await startLocalAwsForSdk({ eventQueues: [QUEUE_ARN] });
    ecs = new ECSClient({ credentials: KEY });
    sqs = new SQSClient({ credentials: KEY });
    ({ QueueUrl: queueUrl } = (await sqs.send(
      new GetQueueUrlCommand({ QueueName: 'ecs-networking-events' }),
    )) as { QueueUrl: string });
    events = mockServices.events();
    announced = [];
    await events.subscribe({
      id: 'test',
      topics: [SNAPSHOT_UPDATED_TOPIC],
      onEvent: async params => {
        announced.push(params);
      },
    });
    logger = recordingLogger();
    engine = await createEcsNetworkingEngine({
      // Only the first account's eu-west-1: the others are not configured.
      config: new ConfigReader(
        demoConfig({ accounts: [{ accountId: '111111111111', regions: ['eu-west-1'] }], events: { topics: [TOPIC] } }),
      ),
      database: sqliteDatabase(),
      logger,
      events,
    });
    await engine.live.subscribe(events);
    await engine.sync.run();
    announced = [];
  });
  afterEach(async () => {
    ecs.destroy();
    sqs.destroy();
    await local.close();
  });

  /** What the SQS events module does: each message's body, published to the topic. */
  async function deliverQueue(): Promise<number> {
    const bus = events;
    let delivered = 0;
    for (;;) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
      );
      if (Messages.length === 0) return delivered;
      await Promise.all(
        Messages.map(m => bus.publish({ topic: TOPIC, eventPayload: JSON.parse(m.Body!) })),
      );
      delivered += Messages.length;
    }
  }

  const storedService = async (arn: string) =>
    (await engine.store.snapshotOf(SCOPE))!.services.find(s => s.arn === arn);
  async function runningIps(service: string): Promise<string[]> {
    const { taskArns = [] } = await ecs.send(new ListTasksCommand({ cluster: 'shop', serviceName: service }));
    if (!taskArns.length) return [];
    const { tasks = [] } = await ecs.send(new DescribeTasksCommand({ cluster: 'shop', tasks: taskArns }));
    return tasks.map(t => t.containers![0].networkInterfaces![0].privateIpv4Address!).sort();
  }
  const storedIps = async (arn: string) =>
    ((await storedService(arn))?.tasks ?? []).map(t => t.ip!).sort();

  it('stores a scale-out from its events as a new generation, and announces it', async () => {
    const before = await engine.store.generation();
    await ecs.send(new UpdateServiceCommand({ cluster: 'shop', service: 'order-service', desiredCount: 4 }));
    local.resetCalls();
    expect(await deliverQueue()).toBeGreaterThan(0);
    // Counted for the metrics: every AWS call of the re-read (the queue's are the module's).
    const readCalls = local.calls().filter(c => c.service !== 'sqs');
    expect(engine.live.stats().awsCalls).toBe(readCalls.reduce((n, c) => n + c.calls, 0));

    expect(await storedIps(ORDERS)).toEqual(await runningIps('order-service'));
    expect(await storedIps(ORDERS)).toHaveLength(4);
    expect(await engine.store.generation()).toBeGreaterThan(before);
    // The status dates the data by the re-read, later than the full read.
    const { status } = (await engine.store.list()).find(
      s => s.status.accountId === SCOPE.accountId && s.status.region === SCOPE.region,
    )!;
    expect(Date.parse(status.updatedAt!)).toBeGreaterThan(Date.parse(status.lastSuccessAt!));
    expect(announced.map(a => a.eventPayload)).toContainEqual({
      trigger: 'events',
      scopes: [SCOPE],
      services: [ORDERS],
    });
    // Only the one service was read: no listing of clusters or services.
    const operations = new Set(local.calls().map(c => c.operation));
    expect(operations.has('ListServices')).toBe(false);
    expect(operations.has('ListClusters')).toBe(false);
  });

  it('adds a new service and its task definition without keeping a secret, and removes a deleted one', async () => {
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'refund-service',
        networkMode: 'awsvpc',
        containerDefinitions: [
          {
            name: 'refund-service',
            image: 'refund:1',
            environment: [{ name: 'DB_PASSWORD', value: CANARY }],
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
        desiredCount: 2,
        networkConfiguration: orders.services![0].networkConfiguration,
      }),
    );
    await deliverQueue();
    expect(await storedIps(service!.serviceArn!)).toEqual(await runningIps('refund-service'));
    const recorded = async () =>
      (await engine.history.changes({ since: '2000-01-01T00:00:00.000Z', until: '2100-01-01T00:00:00.000Z', limit: 100 }))
        .changes;
    expect(await recorded()).toContainEqual(
      expect.objectContaining({ kind: 'service', action: 'added', label: 'refund-service', trigger: 'events' }),
    );

    await ecs.send(
      new UpdateServiceCommand({ cluster: 'shop', service: 'refund-service', desiredCount: 0 }),
    );
    await ecs.send(new DeleteServiceCommand({ cluster: 'shop', service: 'refund-service' }));
    await deliverQueue();
    expect(await storedService(service!.serviceArn!)).toBeUndefined();
    expect((await recorded())[0]).toMatchObject({ action: 'removed', label: 'refund-service' });

    const everything =
      JSON.stringify(await engine.store.list()) + JSON.stringify(await recorded()) + logger.lines.join('\n');
    expect(everything).not.toContain(CANARY);
  });

  it('ends in the same state with duplicated, reordered and late events', async () => {
    local.setEventFaults({ duplicateRate: 0.5, reorderRate: 0.5, seed: 7 });
    for (const desiredCount of [5, 1, 3]) {
      await ecs.send(new UpdateServiceCommand({ cluster: 'shop', service: 'order-service', desiredCount }));
    }
    await deliverQueue();
    expect(local.eventStats().duplicated).toBeGreaterThan(0);
    expect(engine.live.stats().duplicates).toBeGreaterThan(0);
    expect(await storedIps(ORDERS)).toEqual(await runningIps('order-service'));

    // A late copy of an old event re-reads nothing new and changes nothing.
    const generation = await engine.store.generation();
    await events.publish({
      topic: TOPIC,
      eventPayload: {
        version: '0',
        id: 'late-copy',
        'detail-type': 'ECS Service Action',
        source: 'aws.ecs',
        account: SCOPE.accountId,
        region: SCOPE.region,
        time: '2020-01-01T00:00:00Z',
        resources: [ORDERS],
        detail: { eventName: 'SERVICE_STEADY_STATE' },
      },
    });
    expect(await engine.store.generation()).toBe(generation);
    expect(await storedIps(ORDERS)).toEqual(await runningIps('order-service'));
  });

  it('catches up with dropped events at the next full sync', async () => {
    local.setEventFaults({ dropRate: 1 });
    await ecs.send(new UpdateServiceCommand({ cluster: 'shop', service: 'order-service', desiredCount: 5 }));
    expect(await deliverQueue()).toBe(0);
    expect(await storedIps(ORDERS)).toHaveLength(2);

    await engine.sync.run();
    expect(await storedIps(ORDERS)).toEqual(await runningIps('order-service'));
    expect(await storedIps(ORDERS)).toHaveLength(5);
  });

  it('ignores and counts events of accounts and regions it is not configured for, reading nothing there', async () => {
    local.resetCalls();
    await events.publish({
      topic: TOPIC,
      eventPayload: {
        version: '0',
        id: 'elsewhere',
        'detail-type': 'ECS Service Action',
        source: 'aws.ecs',
        account: '222222222222',
        region: 'eu-west-1',
        time: '2026-01-01T00:00:00Z',
        resources: ['arn:aws:ecs:eu-west-1:222222222222:service/data/postgres'],
        detail: { eventName: 'SERVICE_STEADY_STATE' },
      },
    });
    await events.publish({ topic: TOPIC, eventPayload: { hello: 'not an AWS event' } });
    expect(engine.live.stats()).toMatchObject({ unconfiguredScope: 1, irrelevant: 1, refreshes: 0 });
    expect(local.calls()).toEqual([]);
  });
});
