import { CallContext, JsonService } from '../protocol/CallContext';
import { MessageAttributeValue } from '../sqs/messageDigests';
import { QueueSettings, SqsQueue } from '../sqs/SqsQueue';
import { parseQueueUrl, queueUrl } from '../sqs/SqsQueues';
import { SQS_QUERY_CODES, sqsErrors } from '../sqs/sqsErrors';
import { InputReader, JsonObject } from '../util/InputReader';

const reader = (input: JsonObject) =>
  new InputReader(input, sqsErrors.invalidParameterValue);

const MAX_BATCH = 10;
const MAX_WAIT_SECONDS = 20;
const MAX_VISIBILITY_SECONDS = 43_200;

/** Attribute → allowed range, for the ones this endpoint acts on. */
const SETTING_RANGES: Record<keyof QueueSettings, [number, number]> = {
  VisibilityTimeout: [0, MAX_VISIBILITY_SECONDS],
  ReceiveMessageWaitTimeSeconds: [0, MAX_WAIT_SECONDS],
  DelaySeconds: [0, 900],
  MessageRetentionPeriod: [60, 1_209_600],
  MaximumMessageSize: [1024, 262_144],
};
/** Accepted and echoed, without effect here. */
const STORED_ONLY = ['Policy', 'RedrivePolicy', 'KmsMasterKeyId', 'SqsManagedSseEnabled'];

function inRange(name: string, value: unknown, [min, max]: [number, number]): number {
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw sqsErrors.invalidParameterValue(
      `Value ${value} for parameter ${name} is invalid. Reason: Must be >= ${min} and <= ${max}, if provided.`,
    );
  }
  return number;
}

function readSettings(attributes: Record<string, string> = {}): Partial<QueueSettings> {
  const settings: Partial<QueueSettings> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'FifoQueue' || name === 'ContentBasedDeduplication') {
      throw sqsErrors.unsupported('FIFO queues are not served by the local endpoint.');
    }
    if (STORED_ONLY.includes(name)) continue;
    if (!(name in SETTING_RANGES)) throw sqsErrors.invalidAttributeName(name);
    const setting = name as keyof QueueSettings;
    settings[setting] = inRange(name, value, SETTING_RANGES[setting]);
  }
  return settings;
}

function queueOf(ctx: CallContext, input: InputReader): SqsQueue {
  const { accountId, name } = parseQueueUrl(input.string('QueueUrl'));
  const queue = ctx.world.sqs.find(accountId, ctx.region, name);
  if (!queue) throw sqsErrors.queueDoesNotExist();
  return queue;
}

function origin(ctx: CallContext): string {
  return ctx.endpoint ?? 'http://127.0.0.1';
}

/** Checks a batch's size and ids as SQS does, before any entry is acted on. */
function batchEntries<T extends { Id?: string }>(input: InputReader): T[] {
  const entries = input.optArray<T>('Entries') ?? [];
  if (entries.length === 0) throw sqsErrors.emptyBatch();
  if (entries.length > MAX_BATCH) throw sqsErrors.tooManyEntries(entries.length);
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.Id ?? '')) throw sqsErrors.idsNotDistinct(entry.Id ?? '');
    seen.add(entry.Id ?? '');
  }
  return entries;
}

/** Amazon SQS over the JSON protocol (`AmazonSQS.*`), standard queues. */
export const sqsApi: JsonService = {
  signingName: 'sqs',
  targetPrefix: 'AmazonSQS',
  contentType: 'application/x-amz-json-1.0',
  messageMember: 'message',
  queryErrorCode: code => SQS_QUERY_CODES[code],
  operations: {
    CreateQueue(ctx, raw) {
      const input = reader(raw);
      const name = input.string('QueueName');
      if (name.endsWith('.fifo')) {
        throw sqsErrors.unsupported('FIFO queues are not served by the local endpoint.');
      }
      const settings = readSettings(input.optObject<Record<string, string>>('Attributes'));
      const queue = ctx.world.sqs.create(ctx.principal.accountId, ctx.region, name, settings);
      return { QueueUrl: queueUrl(origin(ctx), queue) };
    },

    GetQueueUrl(ctx, raw) {
      const input = reader(raw);
      const owner = input.optString('QueueOwnerAWSAccountId') ?? ctx.principal.accountId;
      const queue = ctx.world.sqs.find(owner, ctx.region, input.string('QueueName'));
      if (!queue) throw sqsErrors.queueDoesNotExist();
      return { QueueUrl: queueUrl(origin(ctx), queue) };
    },

    ListQueues(ctx, raw) {
      const prefix = reader(raw).optString('QueueNamePrefix') ?? '';
      const urls = ctx.world.sqs
        .list(ctx.principal.accountId, ctx.region)
        .filter(q => q.name.startsWith(prefix))
        .map(q => queueUrl(origin(ctx), q));
      return urls.length ? { QueueUrls: urls } : {};
    },

    DeleteQueue(ctx, raw) {
      ctx.world.sqs.delete(queueOf(ctx, reader(raw)));
      return {};
    },

    PurgeQueue(ctx, raw) {
      queueOf(ctx, reader(raw)).purge();
      return {};
    },

    GetQueueAttributes(ctx, raw) {
      const queue = queueOf(ctx, reader(raw));
      const { visible, inFlight, delayed } = queue.counts();
      const all: Record<string, string> = {
        QueueArn: queue.arn,
        CreatedTimestamp: String(Math.floor(queue.createdAt / 1000)),
        ApproximateNumberOfMessages: String(visible),
        ApproximateNumberOfMessagesNotVisible: String(inFlight),
        ApproximateNumberOfMessagesDelayed: String(delayed),
        ...Object.fromEntries(
          Object.entries(queue.settings).map(([name, value]) => [name, String(value)]),
        ),
      };
      const wanted = reader(raw).optStrings('AttributeNames') ?? [];
      const unknown = wanted.find(name => name !== 'All' && !(name in all));
      if (unknown) throw sqsErrors.invalidAttributeName(unknown);
      const names = wanted.includes('All') ? Object.keys(all) : wanted;
      return names.length
        ? { Attributes: Object.fromEntries(names.map(name => [name, all[name]])) }
        : {};
    },

    SendMessage(ctx, raw) {
      const input = reader(raw);
      const queue = queueOf(ctx, input);
      const delay = input.optNumber('DelaySeconds');
      return queue.send(input.string('MessageBody'), {
        delaySeconds:
          delay === undefined ? undefined : inRange('DelaySeconds', delay, SETTING_RANGES.DelaySeconds),
        attributes: input.optObject<Record<string, MessageAttributeValue>>('MessageAttributes'),
        senderId: ctx.principal.userId,
      });
    },

    async ReceiveMessage(ctx, raw) {
      const input = reader(raw);
      const queue = queueOf(ctx, input);
      const max = input.optNumber('MaxNumberOfMessages') ?? 1;
      const wait = input.optNumber('WaitTimeSeconds');
      const visibility = input.optNumber('VisibilityTimeout');
      const messages = await queue.receive({
        maxMessages: inRange('MaxNumberOfMessages', max, [1, MAX_BATCH]),
        waitSeconds:
          wait === undefined
            ? queue.settings.ReceiveMessageWaitTimeSeconds
            : inRange('WaitTimeSeconds', wait, [0, MAX_WAIT_SECONDS]),
        visibilityTimeout:
          visibility === undefined
            ? queue.settings.VisibilityTimeout
            : inRange('VisibilityTimeout', visibility, [0, MAX_VISIBILITY_SECONDS]),
      });
      const systemNames = [
        ...(input.optStrings('MessageSystemAttributeNames') ?? []),
        ...(input.optStrings('AttributeNames') ?? []),
      ];
      const attributeNames = input.optStrings('MessageAttributeNames') ?? [];
      const wantsAttribute = (name: string) =>
        attributeNames.some(
          wanted =>
            wanted === 'All' ||
            wanted === '.*' ||
            wanted === name ||
            (wanted.endsWith('.*') && name.startsWith(wanted.slice(0, -1))),
        );
      const shaped = messages.map(message => {
        const { Attributes, MessageAttributes, MD5OfMessageAttributes, ...rest } = message;
        const system = Object.entries(Attributes).filter(
          ([name]) => systemNames.includes('All') || systemNames.includes(name),
        );
        const custom = Object.entries(MessageAttributes ?? {}).filter(([name]) =>
          wantsAttribute(name),
        );
        return {
          ...rest,
          ...(system.length ? { Attributes: Object.fromEntries(system) } : {}),
          // The digest covers every attribute of the message, as in SQS.
          ...(MD5OfMessageAttributes ? { MD5OfMessageAttributes } : {}),
          ...(custom.length ? { MessageAttributes: Object.fromEntries(custom) } : {}),
        };
      });
      return shaped.length ? { Messages: shaped } : {};
    },

    DeleteMessage(ctx, raw) {
      const input = reader(raw);
      queueOf(ctx, input).delete(input.string('ReceiptHandle'));
      return {};
    },

    DeleteMessageBatch(ctx, raw) {
      const input = reader(raw);
      const queue = queueOf(ctx, input);
      const entries = batchEntries<{ Id?: string; ReceiptHandle?: string }>(input);
      const Successful: Array<{ Id: string }> = [];
      const Failed: Array<{ Id: string; SenderFault: boolean; Code: string; Message: string }> = [];
      for (const entry of entries) {
        try {
          queue.delete(entry.ReceiptHandle ?? '');
          Successful.push({ Id: entry.Id! });
        } catch (error) {
          const { code, message } = error as { code: string; message: string };
          Failed.push({ Id: entry.Id!, SenderFault: true, Code: code, Message: message });
        }
      }
      return { Successful, Failed };
    },

    ChangeMessageVisibility(ctx, raw) {
      const input = reader(raw);
      const timeout = input.optNumber('VisibilityTimeout');
      queueOf(ctx, input).changeVisibility(
        input.string('ReceiptHandle'),
        inRange('VisibilityTimeout', timeout, [0, MAX_VISIBILITY_SECONDS]),
      );
      return {};
    },
  },
};
