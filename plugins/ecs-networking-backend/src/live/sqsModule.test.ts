import {
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { coreServices, createBackendModule, createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import eventsPlugin from '@backstage/plugin-events-backend';
import sqsEventsModule from '@backstage/plugin-events-backend-module-aws-sqs';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { demoAwsConfig, LocalAws, startLocalAwsForSdk } from '@ecs-net/aws-local';
import type { LookupResponse } from '@ecs-net/plugin-ecs-networking-common';
import request from 'supertest';
import { demoConfig } from '../__testUtils__/harness';
import { ecsNetworkingPlugin } from '../plugin';

jest.setTimeout(60_000);

const TOPIC = 'ecs-changes';
const QUEUE = 'ecs-networking-events';

/** One events service for every plugin, as in a real backend (the test default gives each its own). */
function sharedEvents() {
  const events = mockServices.events();
  return createServiceFactory({ service: eventsServiceRef, deps: {}, factory: () => events });
}

/** Lets the test run the SQS module's polling task (the test scheduler runs tasks only on demand). */
function pollTrigger() {
  const trigger: { poll?: () => Promise<void> } = {};
  const feature = createBackendModule({
    pluginId: 'events',
    moduleId: 'test-poll-trigger',
    register(env) {
      env.registerInit({
        deps: { scheduler: coreServices.scheduler },
        async init({ scheduler }) {
          trigger.poll = () => scheduler.triggerTask(`events.awsSqs.publisher:${TOPIC}`);
        },
      });
    },
  });
  return { feature, poll: () => trigger.poll!() };
}

describe('AWS change events through the SQS events module', () => {
  let local: LocalAws;
  const env = { ...process.env };

  beforeAll(async () => {
    local = await startLocalAwsForSdk({ eventQueues: [`arn:aws:sqs:eu-west-1:111111111111:${QUEUE}`] });
    // The SQS module's client takes its credentials from the default chain.
    const key = demoAwsConfig().mainAccount;
    process.env.AWS_ACCESS_KEY_ID = key.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = key.secretAccessKey;
  });
  afterAll(async () => {
    process.env = env;
    await local.close();
  });

  it('shows the task a scale-out started in the lookup API, without a full sync', async () => {
    const { feature, poll } = pollTrigger();
    const backend = await startTestBackend({
      features: [
        ecsNetworkingPlugin,
        eventsPlugin,
        sqsEventsModule,
        feature,
        sharedEvents(),
        mockServices.rootConfig.factory({
          data: {
            // Synced once, at startup; later changes arrive only as events.
            ...demoConfig({
              schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
              events: { topics: [TOPIC] },
            }),
            events: {
              modules: {
                awsSqs: {
                  awsSqsConsumingEventPublisher: {
                    topics: {
                      [TOPIC]: {
                        queue: {
                          url: `${local.url}/111111111111/${QUEUE}`,
                          region: 'eu-west-1',
                          waitTime: { seconds: 0 },
                        },
                        waitTimeAfterEmptyReceive: { milliseconds: 1 },
                      },
                    },
                  },
                },
              },
            },
          },
        }),
      ],
    });
    const ecs = new ECSClient({ credentials: demoAwsConfig().mainAccount });
    try {
      const lookup = async (ip: string) =>
        (
          await request(backend.server)
            .get('/api/ecs-networking/lookup')
            .query({ q: ip })
            .set('authorization', mockCredentials.service.header())
            .expect(200)
        ).body as LookupResponse;
      const ips = async () => {
        const { taskArns = [] } = await ecs.send(
          new ListTasksCommand({ cluster: 'shop', serviceName: 'order-service' }),
        );
        const { tasks = [] } = await ecs.send(new DescribeTasksCommand({ cluster: 'shop', tasks: taskArns }));
        return tasks.map(t => t.containers![0].networkInterfaces![0].privateIpv4Address!);
      };
      const before = new Set(await ips());
      await ecs.send(new UpdateServiceCommand({ cluster: 'shop', service: 'order-service', desiredCount: 3 }));
      const [started] = (await ips()).filter(ip => !before.has(ip));
      expect((await lookup(started)).matches).toEqual([]);

      // The module publishes without waiting for subscribers; poll until the
      // re-read is stored (each poll takes what the queue holds).
      let matches: LookupResponse['matches'] = [];
      for (let polls = 0; polls < 100 && matches.length === 0; polls++) {
        await poll();
        await new Promise(resolve => setTimeout(resolve, 50));
        matches = (await lookup(started)).matches;
      }
      expect(matches).toEqual([
        expect.objectContaining({ service: expect.objectContaining({ name: 'order-service' }) }),
      ]);
    } finally {
      ecs.destroy();
      await backend.stop();
    }
  });
});
