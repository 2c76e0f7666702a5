import { randomUUID } from 'node:crypto';
import { MessageAttributeValue, md5OfAttributes, md5OfBody } from './messageDigests';
import { sqsErrors } from './sqsErrors';

/** The queue attributes this endpoint acts on, in seconds (bytes for size). */
export interface QueueSettings {
  VisibilityTimeout: number;
  ReceiveMessageWaitTimeSeconds: number;
  DelaySeconds: number;
  MessageRetentionPeriod: number;
  MaximumMessageSize: number;
}

/** SQS's defaults for a standard queue. */
export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  VisibilityTimeout: 30,
  ReceiveMessageWaitTimeSeconds: 0,
  DelaySeconds: 0,
  MessageRetentionPeriod: 345_600,
  MaximumMessageSize: 262_144,
};

interface StoredMessage {
  id: string;
  body: string;
  attributes?: Record<string, MessageAttributeValue>;
  sentAt: number;
  /** Until then the message is delayed or in flight: no receive sees it. */
  visibleAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
  /** The handle of the latest receive; only it deletes the message. */
  receipt?: string;
  senderId: string;
}

/** A message as one ReceiveMessage hands it out. */
export interface ReceivedMessage {
  MessageId: string;
  ReceiptHandle: string;
  MD5OfBody: string;
  Body: string;
  Attributes: Record<string, string>;
  MessageAttributes?: Record<string, MessageAttributeValue>;
  MD5OfMessageAttributes?: string;
}

export interface ReceiveOptions {
  maxMessages: number;
  visibilityTimeout: number;
  waitSeconds: number;
}

// Unref'd: a long poll still waiting when the endpoint closes must not keep
// the process alive.
const sleep = (ms: number, wake: Promise<void>) =>
  Promise.race([
    wake,
    new Promise<void>(resolve => setTimeout(resolve, ms).unref()),
  ]);

/**
 * One standard queue: at-least-once, best-effort order, messages hidden
 * while delayed or in flight, long polls answered as soon as a message
 * becomes visible.
 */
export class SqsQueue {
  readonly createdAt = Date.now();
  settings: QueueSettings;
  private messages: StoredMessage[] = [];
  private wakeUp: () => void = () => undefined;
  private woken: Promise<void>;

  constructor(
    readonly accountId: string,
    readonly region: string,
    readonly name: string,
    settings: Partial<QueueSettings> = {},
  ) {
    this.settings = { ...DEFAULT_QUEUE_SETTINGS, ...settings };
    this.woken = this.nextWake();
  }

  get arn(): string {
    return `arn:aws:sqs:${this.region}:${this.accountId}:${this.name}`;
  }

  send(
    body: string,
    options: {
      delaySeconds?: number;
      attributes?: Record<string, MessageAttributeValue>;
      senderId: string;
    },
  ): { MessageId: string; MD5OfMessageBody: string; MD5OfMessageAttributes?: string } {
    if (Buffer.byteLength(body) > this.settings.MaximumMessageSize) {
      throw sqsErrors.invalidParameterValue(
        `One or more parameters are invalid. Reason: Message must be shorter than ${this.settings.MaximumMessageSize} bytes.`,
      );
    }
    const now = Date.now();
    const delay = options.delaySeconds ?? this.settings.DelaySeconds;
    const attributes =
      options.attributes && Object.keys(options.attributes).length
        ? options.attributes
        : undefined;
    const message: StoredMessage = {
      id: randomUUID(),
      body,
      attributes,
      sentAt: now,
      visibleAt: now + delay * 1000,
      receiveCount: 0,
      senderId: options.senderId,
    };
    this.messages.push(message);
    this.wake();
    return {
      MessageId: message.id,
      MD5OfMessageBody: md5OfBody(body),
      ...(attributes ? { MD5OfMessageAttributes: md5OfAttributes(attributes) } : {}),
    };
  }

  /** Waits up to `waitSeconds` for at least one visible message. */
  async receive(options: ReceiveOptions): Promise<ReceivedMessage[]> {
    const deadline = Date.now() + options.waitSeconds * 1000;
    for (;;) {
      const taken = this.take(options);
      const now = Date.now();
      if (taken.length || now >= deadline) return taken;
      // A delayed or in-flight message may become visible before the deadline.
      const next = Math.min(
        deadline,
        ...this.messages.filter(m => m.visibleAt > now).map(m => m.visibleAt),
      );
      await sleep(next - now, this.woken);
    }
  }

  /** Deletes the message the handle was given for, if it is still the latest handle. */
  delete(receipt: string): void {
    const message = this.byReceipt(receipt);
    if (message?.receipt === receipt) {
      this.messages = this.messages.filter(m => m !== message);
    }
  }

  changeVisibility(receipt: string, timeoutSeconds: number): void {
    const message = this.byReceipt(receipt);
    const now = Date.now();
    if (!message || message.receipt !== receipt || message.visibleAt <= now) {
      throw sqsErrors.messageNotInflight();
    }
    message.visibleAt = now + timeoutSeconds * 1000;
    if (timeoutSeconds === 0) this.wake();
  }

  purge(): void {
    this.messages = [];
  }

  /** The approximate counts GetQueueAttributes reports. */
  counts(): { visible: number; inFlight: number; delayed: number } {
    this.expire();
    const now = Date.now();
    let visible = 0;
    let inFlight = 0;
    let delayed = 0;
    for (const message of this.messages) {
      if (message.visibleAt <= now) visible++;
      else if (message.receiveCount > 0) inFlight++;
      else delayed++;
    }
    return { visible, inFlight, delayed };
  }

  private take(options: ReceiveOptions): ReceivedMessage[] {
    this.expire();
    const now = Date.now();
    const out: ReceivedMessage[] = [];
    for (const message of this.messages) {
      if (out.length >= options.maxMessages) break;
      if (message.visibleAt > now) continue;
      message.receiveCount++;
      message.firstReceivedAt ??= now;
      message.visibleAt = now + options.visibilityTimeout * 1000;
      message.receipt = Buffer.from(
        `${message.id} ${message.receiveCount} ${randomUUID()}`,
      ).toString('base64');
      out.push({
        MessageId: message.id,
        ReceiptHandle: message.receipt,
        MD5OfBody: md5OfBody(message.body),
        Body: message.body,
        Attributes: {
          SenderId: message.senderId,
          SentTimestamp: String(message.sentAt),
          ApproximateReceiveCount: String(message.receiveCount),
          ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt),
        },
        ...(message.attributes
          ? {
              MessageAttributes: message.attributes,
              MD5OfMessageAttributes: md5OfAttributes(message.attributes),
            }
          : {}),
      });
    }
    return out;
  }

  private byReceipt(receipt: string): StoredMessage | undefined {
    const [id, count] = Buffer.from(receipt, 'base64').toString('utf8').split(' ');
    if (!id || !count) throw sqsErrors.receiptHandleIsInvalid(receipt);
    return this.messages.find(m => m.id === id);
  }

  private expire(): void {
    const oldest = Date.now() - this.settings.MessageRetentionPeriod * 1000;
    if (this.messages.some(m => m.sentAt < oldest)) {
      this.messages = this.messages.filter(m => m.sentAt >= oldest);
    }
  }

  private nextWake(): Promise<void> {
    return new Promise(resolve => {
      this.wakeUp = resolve;
    });
  }

  private wake(): void {
    this.wakeUp();
    this.woken = this.nextWake();
  }
}
