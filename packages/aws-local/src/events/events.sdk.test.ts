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
  ListNamespacesCommand,
  RegisterInstanceCommand,
  ServiceDiscoveryClient,
} from '@aws-sdk/client-servicediscovery';
import { LocalAws, startLocalAws } from '../startLocalAws';
import {
  cloudMapClient,
  ecsClient,
  SANDBOX_ACCOUNT,
  SANDBOX_KEY,
  SANDBOX_SUBNETS,
  sandboxEstate,
} from '../__testUtils__/clients';
import type { EventBridgeEvent } from './eventEnvelope';

const QUEUE = `arn:aws:sqs:eu-west-1:${SANDBOX_ACCOUNT}:ecs-events`;
const SERVICE_ARN = `arn:aws:ecs:eu-west-1:${SANDBOX_ACCOUNT}:service/sandbox/web`;

describe('EventBridge delivery of control-plane changes', () => {
  let local: LocalAws;
  let ecs: ECSClient;
  let cloudMap: ServiceDiscoveryClient;
  let events: EventBridgeEvent[];

  async function start(eventQueues = [QUEUE]) {
    local = await startLocalAws({ estate: sandboxEstate(), eventQueues });
    ecs = ecsClient(local, { credentials: SANDBOX_KEY });
    cloudMap = cloudMapClient(local, { credentials: SANDBOX_KEY });
    events = [];
    local.onEvent(event => events.push(event));
  }
  afterEach(() => local.close());

  const createWeb = (desiredCount: number) =>
    ecs.send(
      new CreateServiceCommand({
        cluster: 'sandbox',
        serviceName: 'web',
        taskDefinition: 'web',
        desiredCount,
        networkConfiguration: { awsvpcConfiguration: { subnets: SANDBOX_SUBNETS } },
      }),
    );
  const kinds = () =>
    events.map(e =>
      e['detail-type'] === 'AWS API Call via CloudTrail'
        ? `CloudTrail ${e.source} ${e.detail.eventName}`
        : `${e['detail-type']} ${e.detail.lastStatus ?? e.detail.eventName}`,
    );

  it('puts what ECS emits for a new service on the queue, in the EventBridge envelope', async () => {
    await start();
    await createWeb(2);

    expect(kinds()).toEqual([
      'ECS Deployment State Change SERVICE_DEPLOYMENT_IN_PROGRESS',
      'ECS Task State Change RUNNING',
      'ECS Task State Change RUNNING',
      'ECS Service Action SERVICE_STEADY_STATE',
      'ECS Deployment State Change SERVICE_DEPLOYMENT_COMPLETED',
      'CloudTrail aws.ecs CreateService',
    ]);
    for (const event of events) {
      expect(event).toMatchObject({
        version: '0',
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        account: SANDBOX_ACCOUNT,
        region: 'eu-west-1',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      });
    }
    const task = events.find(e => e['detail-type'] === 'ECS Task State Change')!;
    expect(task.resources).toEqual([task.detail.taskArn]);
    expect(task.detail).toMatchObject({
      clusterArn: `arn:aws:ecs:eu-west-1:${SANDBOX_ACCOUNT}:cluster/sandbox`,
      group: 'service:web',
      desiredStatus: 'RUNNING',
      version: 1,
      containers: [
        { networkInterfaces: [{ privateIpv4Address: expect.stringMatching(/^10\.1\./) }] },
      ],
    });
    const deployment = events[0];
    expect(deployment.resources).toEqual([SERVICE_ARN]);
    const trail = events[events.length - 1];
    expect(trail.detail).toMatchObject({
      eventSource: 'ecs.amazonaws.com',
      eventName: 'CreateService',
      awsRegion: 'eu-west-1',
      userIdentity: { type: 'IAMUser', accountId: SANDBOX_ACCOUNT },
      requestParameters: { serviceName: 'web', cluster: 'sandbox' },
      responseElements: { service: { serviceArn: SERVICE_ARN } },
    });
  });

  it('reports the tasks a scale-in and a deletion stop, and nothing for reads', async () => {
    await start();
    await createWeb(2);
    events = [];
    await ecs.send(new UpdateServiceCommand({ cluster: 'sandbox', service: 'web', desiredCount: 1 }));
    await ecs.send(new DescribeServicesCommand({ cluster: 'sandbox', services: ['web'] }));
    expect(kinds()).toEqual([
      'ECS Task State Change STOPPED',
      'ECS Service Action SERVICE_STEADY_STATE',
      'CloudTrail aws.ecs UpdateService',
    ]);
    expect(events[0].detail).toMatchObject({ version: 2, stoppedReason: expect.stringContaining('Scaling') });

    events = [];
    await ecs.send(new DeleteServiceCommand({ cluster: 'sandbox', service: 'web', force: true }));
    expect(kinds()).toEqual(['ECS Task State Change STOPPED', 'CloudTrail aws.ecs DeleteService']);
  });

  it('reports task definitions and Cloud Map changes through CloudTrail', async () => {
    await start();
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'api',
        containerDefinitions: [{ name: 'api', image: 'api:1' }],
      }),
    );
    const { Namespaces } = await cloudMap.send(new ListNamespacesCommand({}));
    const namespace = Namespaces!.find(ns => ns.Name === 'dns.test')!;
    const { Service } = await cloudMap.send(
      new CreateCloudMapServiceCommand({
        Name: 'db',
        NamespaceId: namespace.Id,
        DnsConfig: { DnsRecords: [{ Type: 'A', TTL: 10 }] },
      }),
    );
    await cloudMap.send(
      new RegisterInstanceCommand({
        ServiceId: Service!.Id,
        InstanceId: 'db-1',
        Attributes: { AWS_INSTANCE_IPV4: '10.1.2.50' },
      }),
    );
    expect(kinds()).toEqual([
      'CloudTrail aws.ecs RegisterTaskDefinition',
      'CloudTrail aws.servicediscovery CreateService',
      'CloudTrail aws.servicediscovery RegisterInstance',
    ]);
    expect(events[2].detail).toMatchObject({
      eventSource: 'servicediscovery.amazonaws.com',
      // As CloudTrail records them: member names in lowerCamelCase, attribute names as sent.
      requestParameters: {
        serviceId: Service!.Id,
        instanceId: 'db-1',
        attributes: { AWS_INSTANCE_IPV4: '10.1.2.50' },
      },
    });
  });

  it('emits nothing when no queue is configured', async () => {
    await start([]);
    await createWeb(1);
    expect(events).toEqual([]);
    expect(local.eventStats().emitted).toBe(0);
  });

  it('drops, duplicates, delays and reorders events when told to', async () => {
    await start();
    local.setEventFaults({ dropRate: 1 });
    await createWeb(1);
    expect(events).toEqual([]);
    expect(local.eventStats()).toMatchObject({ emitted: 5, dropped: 5, delivered: 0 });

    local.setEventFaults({ dropRate: 0, duplicateRate: 1 });
    await ecs.send(new UpdateServiceCommand({ cluster: 'sandbox', service: 'web', desiredCount: 0 }));
    expect(kinds()).toEqual([
      'ECS Task State Change STOPPED',
      'ECS Task State Change STOPPED',
      'ECS Service Action SERVICE_STEADY_STATE',
      'ECS Service Action SERVICE_STEADY_STATE',
      'CloudTrail aws.ecs UpdateService',
      'CloudTrail aws.ecs UpdateService',
    ]);
    expect(events[0].id).toBe(events[1].id);

    events = [];
    local.setEventFaults({ duplicateRate: 0, reorderRate: 1 });
    await ecs.send(new UpdateServiceCommand({ cluster: 'sandbox', service: 'web', desiredCount: 1 }));
    // Every other event is held behind the next: pairs arrive swapped.
    expect(kinds()).toEqual([
      'ECS Service Action SERVICE_STEADY_STATE',
      'ECS Task State Change RUNNING',
    ]);
    expect(local.eventStats().reordered).toBe(2);

    local.setEventFaults({ reorderRate: 0, delayRate: 1, delayMs: 60_000 });
    await ecs.send(new UpdateServiceCommand({ cluster: 'sandbox', service: 'web', desiredCount: 2 }));
    expect(local.eventStats().delayed).toBe(3);
  });

  it('is steered over HTTP under /_local/events', async () => {
    await start([]);
    const post = (path: string, body: unknown) =>
      fetch(`${local.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
    expect((await post('/_local/events/targets', { queueArn: QUEUE })).status).toBe(200);
    expect((await post('/_local/events/faults', { dropRate: 0.5 })).status).toBe(200);
    expect((await post('/_local/events/faults', { dropRate: 2 })).status).toBe(400);
    expect((await post('/_local/events/faults', { loseAll: true })).status).toBe(400);
    const state = await (await fetch(`${local.url}/_local/events`)).json();
    expect(state).toMatchObject({ targets: [QUEUE], faults: { dropRate: 0.5 }, stats: { emitted: 0 } });
  });
});
