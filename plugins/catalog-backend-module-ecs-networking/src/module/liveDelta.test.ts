import { CreateServiceCommand, DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { EventsService, eventsServiceRef } from '@backstage/plugin-events-node';
import { demoAwsConfig, type EventBridgeEvent, type LocalAws, startLocalAwsForSdk } from '@ecs-net/aws-local';
import {
  byTitle,
  ecsEntities,
  eventually,
  startCatalogBackend,
  syncTrigger,
} from '../__testUtils__/catalogBackend';
import { recordedLogs } from '../__testUtils__/recordedLogs';

// Sized for a loaded machine: the catalog processes entities one by one.
jest.setTimeout(180_000);

const TOPIC = 'ecs-changes';
const trigger = syncTrigger();

/** Hands the test the backend's events service, to publish what the SQS events module would. */
function eventsHandle() {
  const handle: { events?: EventsService } = {};
  const feature = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-events-handle',
    register(env) {
      env.registerInit({
        deps: { events: eventsServiceRef },
        async init({ events }) {
          handle.events = events;
        },
      });
    },
  });
  return { feature, publish: (payload: EventBridgeEvent) => handle.events!.publish({ topic: TOPIC, eventPayload: payload }) };
}

describe('catalog updates from AWS change events', () => {
  let local: LocalAws;
  let backend: Awaited<ReturnType<typeof startCatalogBackend>>;
  const aws: EventBridgeEvent[] = [];
  const { lines: logs, factory: logger } = recordedLogs('info');
  const handle = eventsHandle();

  beforeAll(async () => {
    local = await startLocalAwsForSdk({ eventQueues: ['arn:aws:sqs:eu-west-1:111111111111:ecs-events'] });
    local.onEvent(event => aws.push(event));
    backend = await startCatalogBackend({
      schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 }, initialDelay: { hours: 1 } },
      ecsNetworking: { events: { topics: [TOPIC] } },
      features: [trigger.feature, handle.feature, logger],
    });
  });
  afterAll(async () => {
    await backend?.stop();
    await local?.close();
  });

  it('adds a new service with a delta mutation of its own entities', async () => {
    await trigger.syncNow();
    const before = await eventually(async () => {
      const items = await ecsEntities(backend.server);
      return items.filter(e => e.spec?.type === 'ecs-service').length === 15 ? items : undefined;
    });

    const ecs = new ECSClient({ credentials: demoAwsConfig().mainAccount });
    const orders = await ecs.send(new DescribeServicesCommand({ cluster: 'shop', services: ['order-service'] }));
    await ecs.send(
      new CreateServiceCommand({
        cluster: 'shop',
        serviceName: 'refund-service',
        taskDefinition: orders.services![0].taskDefinition,
        desiredCount: 1,
        networkConfiguration: orders.services![0].networkConfiguration,
        tags: [{ key: 'owner', value: 'team-orders' }],
      }),
    );
    ecs.destroy();
    // Published in order, each awaited, as the catalog module's refresh is.
    for (const event of aws.splice(0)) await handle.publish(event);

    const refund = await eventually(async () => {
      const [entity] = byTitle(await ecsEntities(backend.server), 'Resource', 'refund-service');
      return entity;
    });
    expect(refund.spec?.owner).toBe('group:default/team-orders');
    // A delta of the new service's entities, not the estate's.
    const delta = logs.find(line => /ECS networking: updated \d+ and removed 0 of \d+ entities/.test(line))!;
    const [, updated, total] = /updated (\d+) and removed 0 of (\d+)/.exec(delta)!.map(Number);
    expect(updated).toBeGreaterThan(0);
    expect(updated).toBeLessThan(before.length / 4);
    expect(total).toBeGreaterThan(before.length / 2);
  });
});
