import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { LocalAws, startLocalAws } from '../startLocalAws';
import { DEMO_KEY, ecsClient } from '../__testUtils__/clients';

const EVENTS_ARN = 'arn:aws:sqs:eu-west-1:111111111111:ecs-events';

describe('SQS through @aws-sdk/client-sqs', () => {
  let local: LocalAws;
  let sqs: SQSClient;

  beforeAll(async () => {
    local = await startLocalAws({ eventQueues: [EVENTS_ARN] });
    // The SDK checks the MD5 digests of bodies and attributes on every send
    // and receive (its default), so passing here proves them right.
    sqs = new SQSClient({ endpoint: local.url, region: 'eu-west-1', credentials: DEMO_KEY });
  });
  afterAll(async () => {
    sqs.destroy();
    await local.close();
  });

  const newQueue = async (name: string) =>
    (await sqs.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl!;

  it('creates and finds queues; an unknown one is QueueDoesNotExist', async () => {
    const url = await newQueue('orders');
    expect(url).toBe(`${local.url}/111111111111/orders`);
    expect(await newQueue('orders')).toBe(url);
    expect((await sqs.send(new GetQueueUrlCommand({ QueueName: 'orders' }))).QueueUrl).toBe(url);
    await expect(sqs.send(new GetQueueUrlCommand({ QueueName: 'nope' }))).rejects.toMatchObject({
      name: 'QueueDoesNotExist',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      sqs.send(new CreateQueueCommand({ QueueName: 'orders', Attributes: { VisibilityTimeout: '5' } })),
    ).rejects.toMatchObject({ name: 'QueueNameExists' });
  });

  it('round-trips a message with attributes, hides it while in flight, deletes it', async () => {
    const QueueUrl = await newQueue('round-trip');
    const sent = await sqs.send(
      new SendMessageCommand({
        QueueUrl,
        MessageBody: '{"hello":"world"}',
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: 'greeting' },
          count: { DataType: 'Number', StringValue: '3' },
          blob: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2, 3]) },
        },
      }),
    );
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl,
        MaxNumberOfMessages: 10,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      }),
    );
    expect(Messages).toEqual([
      expect.objectContaining({
        MessageId: sent.MessageId,
        Body: '{"hello":"world"}',
        Attributes: { ApproximateReceiveCount: '1' },
        MessageAttributes: expect.objectContaining({
          kind: { DataType: 'String', StringValue: 'greeting' },
        }),
      }),
    ]);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages).toBeUndefined();
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: Messages![0].ReceiptHandle }));
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }),
    );
    expect(Attributes).toMatchObject({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
    });
  });

  it('answers a long poll when a message arrives, and takes it back after a visibility change', async () => {
    const QueueUrl = await newQueue('long-poll');
    const polling = sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 20 }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'wake up' }));
    const [message] = (await polling).Messages!;
    expect(message.Body).toBe('wake up');

    await sqs.send(
      new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: 0 }),
    );
    const again = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 20, VisibilityTimeout: 60 }),
    );
    expect(again.Messages!.map(m => m.MessageId)).toEqual([message.MessageId]);
  });

  it('deletes in batches and reports each entry', async () => {
    const QueueUrl = await newQueue('batch');
    for (const body of ['a', 'b']) {
      await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: body }));
    }
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    const result = await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl,
        Entries: [
          ...Messages!.map((m, i) => ({ Id: `m${i}`, ReceiptHandle: m.ReceiptHandle })),
          { Id: 'bad', ReceiptHandle: 'garbage' },
        ],
      }),
    );
    expect(result.Successful!.map(s => s.Id).sort()).toEqual(['m0', 'm1']);
    expect(result.Failed).toEqual([
      expect.objectContaining({ Id: 'bad', Code: 'ReceiptHandleIsInvalid', SenderFault: true }),
    ]);
    await expect(
      sqs.send(new DeleteMessageBatchCommand({ QueueUrl, Entries: [] })),
    ).rejects.toMatchObject({ name: 'EmptyBatchRequest' });
  });

  it('carries control-plane changes to the event queue as EventBridge JSON', async () => {
    const ecs = ecsClient(local);
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'ecs-events' }));
    const { service } = await ecs.send(
      new UpdateServiceCommand({ cluster: 'shop', service: 'order-service', desiredCount: 3 }),
    );
    const bodies: Array<Record<string, any>> = [];
    for (;;) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
      );
      if (!Messages.length) break;
      bodies.push(...Messages.map(m => JSON.parse(m.Body!)));
    }
    expect(bodies.map(b => b['detail-type'])).toContain('ECS Task State Change');
    expect(bodies).toContainEqual(
      expect.objectContaining({
        'detail-type': 'AWS API Call via CloudTrail',
        source: 'aws.ecs',
        account: '111111111111',
        region: 'eu-west-1',
        detail: expect.objectContaining({
          eventName: 'UpdateService',
          responseElements: { service: expect.objectContaining({ serviceArn: service!.serviceArn }) },
        }),
      }),
    );
    ecs.destroy();
  });
});
