import { createHash } from 'node:crypto';
import { SqsQueue } from './SqsQueue';

const SENDER = 'AIDATEST';
const receiveNow = { maxMessages: 10, visibilityTimeout: 30, waitSeconds: 0 };

describe('SqsQueue', () => {
  it('hides a received message until it is deleted, and its body digest is MD5', async () => {
    const queue = new SqsQueue('111111111111', 'eu-west-1', 'q');
    const sent = queue.send('{"a":1}', { senderId: SENDER });
    expect(sent.MD5OfMessageBody).toBe(createHash('md5').update('{"a":1}').digest('hex'));

    const [message] = await queue.receive(receiveNow);
    expect(message).toMatchObject({ MessageId: sent.MessageId, Body: '{"a":1}', MD5OfBody: sent.MD5OfMessageBody });
    expect(message.Attributes.ApproximateReceiveCount).toBe('1');
    expect(await queue.receive(receiveNow)).toEqual([]);
    expect(queue.counts()).toEqual({ visible: 0, inFlight: 1, delayed: 0 });

    queue.delete(message.ReceiptHandle);
    expect(queue.counts()).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('hands a message out again once its visibility ends, and only the latest handle deletes it', async () => {
    const queue = new SqsQueue('111111111111', 'eu-west-1', 'q');
    queue.send('x', { senderId: SENDER });
    const [first] = await queue.receive({ ...receiveNow, visibilityTimeout: 0 });
    const [second] = await queue.receive(receiveNow);
    expect(second.MessageId).toBe(first.MessageId);
    expect(second.Attributes.ApproximateReceiveCount).toBe('2');

    // SQS answers success for an outdated handle but keeps the message.
    queue.delete(first.ReceiptHandle);
    expect(queue.counts().inFlight).toBe(1);
    queue.delete(second.ReceiptHandle);
    expect(queue.counts().inFlight).toBe(0);
  });

  it('ends a long poll as soon as a message arrives', async () => {
    const queue = new SqsQueue('111111111111', 'eu-west-1', 'q');
    const polling = queue.receive({ ...receiveNow, waitSeconds: 20 });
    queue.send('late', { senderId: SENDER });
    const messages = await polling;
    expect(messages.map(m => m.Body)).toEqual(['late']);
  });

  it('ends a long poll when a message in flight is made visible again', async () => {
    const queue = new SqsQueue('111111111111', 'eu-west-1', 'q');
    queue.send('retry', { senderId: SENDER });
    const [message] = await queue.receive(receiveNow);
    const polling = queue.receive({ ...receiveNow, waitSeconds: 20 });
    queue.changeVisibility(message.ReceiptHandle, 0);
    expect((await polling).map(m => m.Body)).toEqual(['retry']);
  });

  it('refuses a visibility change for a message not in flight', () => {
    const queue = new SqsQueue('111111111111', 'eu-west-1', 'q');
    const handle = Buffer.from('nope 1 x').toString('base64');
    expect(() => queue.changeVisibility(handle, 10)).toThrow(
      expect.objectContaining({ code: 'MessageNotInflight' }),
    );
    expect(() => queue.delete('garbage')).toThrow(
      expect.objectContaining({ code: 'ReceiptHandleIsInvalid' }),
    );
  });

  it('keeps a delayed message out of receives, and hands out at most the number asked for', async () => {
    const queue = new SqsQueue('111111111111', 'eu-west-1', 'q');
    queue.send('later', { senderId: SENDER, delaySeconds: 900 });
    for (let i = 0; i < 3; i++) queue.send(`now ${i}`, { senderId: SENDER });
    expect(queue.counts()).toEqual({ visible: 3, inFlight: 0, delayed: 1 });
    const messages = await queue.receive({ ...receiveNow, maxMessages: 2 });
    expect(messages.map(m => m.Body)).toEqual(['now 0', 'now 1']);
  });
});
